import type { YearFamilies } from './buildFamilies.js';
import { membersOf } from './buildFamilies.js';
import { median } from 'simple-statistics';
import { keyIndex, ownId, type SchoolKey } from '../schoolKey.js';

/** How much of the families held from one year to the next. */
export interface Turnover {
  from: string;
  to: string;
  /** Schools eligible in both years. */
  schools: number;
  /** Median over those schools of the members (the school itself not counted) kept from
   * its family the year before. */
  medianKept: number;
  /** Median number of other members the year before. */
  medianOthers: number;
  /** Each school's members kept, by id. */
  kept: Map<string, number>;
}

/**
 * Family turnover between two consecutive years: for each school eligible in both, how
 * many of the other members of its family in `to` were in its family in `from` (schools
 * matched by `key`: by id, and with links a school under its new URN is the school it
 * was, so it is neither joined nor left), and the median over the schools (simple-statistics median: the middle
 * value, the mean of the two middle ones for an even count). Undefined when no school is
 * in both years.
 *
 * 2018 family of A: A, B, C, D; 2019: A, B, D, E → A kept 2 (B, D) of 3.
 */
export function turnover(from: YearFamilies, to: YearFamilies, key: SchoolKey = ownId): Turnover | undefined {
  const before = keyIndex(from.schools.id, key);
  const kept = new Map<string, number>();
  const others: number[] = [];
  for (let i = 0; i < to.schools.length; i++) {
    const id = to.schools.id[i];
    const j = before.get(key(id));
    if (j === undefined) continue;
    const last = new Set(membersOf(from.families, j).filter((m) => m !== j).map((m) => key(from.schools.id[m])));
    const now = membersOf(to.families, i).filter((m) => m !== i);
    kept.set(id, now.filter((m) => last.has(key(to.schools.id[m]))).length);
    others.push(last.size);
  }
  if (kept.size === 0) return undefined;
  return { from: from.year, to: to.year, schools: kept.size, medianKept: median([...kept.values()]), medianOthers: median(others), kept };
}

/** The turnover line for each pair of consecutive years ("2017→2018: a median of 5 of 19 …"). */
export function turnoverLines(years: readonly YearFamilies[], key: SchoolKey = ownId): string[] {
  const out: string[] = [];
  for (let k = 1; k < years.length; k++) {
    const t = turnover(years[k - 1], years[k], key);
    if (t) out.push(`Family turnover ${t.from}→${t.to}: a median of ${t.medianKept} of ${t.medianOthers} members kept from last year's family (${t.schools} schools in both years).`);
  }
  return out;
}
