import type { YearAnalysis } from '../analyse.js';
import { membersOf } from '../families/buildFamilies.js';
import { schoolRow, schoolRows } from '../load/schoolTable.js';
import type { SchoolYear } from '../types.js';

export interface TrendPoint {
  year: string;
  /** The id the school has in that year's files (with links, an earlier URN; null when it has no row). */
  id: string | null;
  measure: number | null;
  /** Whether the school was eligible (and so had a family) that year. */
  eligible: boolean;
  familyMedian: number | null;
  laAverage: number | null;
  englandAverage: number | null;
  /** Whether the LA figure is the file's published one (else the average of its loaded schools). */
  laPublished: boolean;
  /** Rank in the family (1 = best) and the family's size; null when not eligible. */
  rank: number | null;
  familySize: number | null;
  label: string | null;
  joined: string[];
  left: string[];
}

/**
 * A school's measure by year beside its family median, its authority's average and the
 * average of every eligible school loaded ("England" for a national file), as the NLC
 * tables set school, LA and England side by side. Averages are weighted by cohort when
 * every school in them has one (so they are pupil averages), else plain means.
 * Family changes: for each year after the first, the members who joined and who left.
 * The school and its members are found in each year by the years' `key` (with links, a
 * school under an earlier URN is the same school; members are named by their latest id).
 */
export function trend(years: readonly YearAnalysis[], id: string): TrendPoint[] {
  let previous: Set<string> | undefined;
  return years.map((a) => {
    const i = a.indexOf(id);
    const row = a.rowOf(id) ?? -1;
    const raw = row >= 0 ? schoolRow(a.data.schools, row) : undefined;
    const la = raw?.la;
    const eligible = schoolRows(a.families.schools);
    const { la: laFigure, nation: all } = alongside(a, eligible, la);
    let joined: string[] = [];
    let left: string[] = [];
    let familyMedian: number | null = null;
    let rank: number | null = null;
    let familySize: number | null = null;
    let label: string | null = null;
    if (i !== undefined) {
      const members = new Set(membersOf(a.families.families, i).filter((j) => j !== i).map((j) => a.key(eligible[j].id)));
      if (previous) {
        joined = [...members].filter((m) => !previous!.has(m));
        left = [...previous].filter((m) => !members.has(m));
      }
      previous = members;
      const c = a.comparisons.get(i);
      familyMedian = c.median;
      rank = c.rank;
      familySize = c.size;
      label = c.label;
    }
    return {
      year: a.year,
      id: raw?.id ?? null,
      measure: raw?.measure ?? null,
      eligible: i !== undefined,
      familyMedian,
      laAverage: laFigure.value,
      englandAverage: all.value,
      laPublished: laFigure.published,
      rank,
      familySize,
      label,
      joined,
      left,
    };
  });
}

/**
 * The figures a school (or group) is set beside in a year: its LA's and the nation's, each
 * the file's published figure when it has one (a DfE summary row: publishedFigures.ts),
 * else the average of the eligible schools loaded (all of them; those of the LA).
 */
export function alongside(a: YearAnalysis, eligible: readonly SchoolYear[], la: string | undefined): { la: Figure; nation: Figure } {
  const p = a.data.published;
  const own = (f: { value: number } | undefined, schools: () => readonly SchoolYear[]): Figure =>
    f ? { value: f.value, published: true } : { value: average(schools()).value, published: false };
  return {
    la: la ? own(p?.la[la], () => eligible.filter((s) => s.la === la)) : { value: null, published: false },
    nation: own(p?.nation, () => eligible),
  };
}

/** A figure set beside a school: its value, and whether it is the file's published one. */
export interface Figure {
  value: number | null;
  published: boolean;
}

/** Cohort-weighted mean of the measure when every school has a cohort, else the plain mean. */
export function average(schools: readonly SchoolYear[]): { value: number | null; weighted: boolean } {
  if (schools.length === 0) return { value: null, weighted: false };
  const weighted = schools.every((s) => s.cohort !== null && s.cohort > 0);
  let num = 0;
  let den = 0;
  for (const s of schools) {
    const w = weighted ? s.cohort! : 1;
    num += w * s.measure!;
    den += w;
  }
  return { value: num / den, weighted };
}
