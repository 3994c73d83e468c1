import type { YearAnalysis } from '../analyse.js';
import { schoolRows } from '../load/schoolTable.js';
import { alongside, average } from './trend.js';

export interface GroupPoint {
  year: string;
  /** Members eligible (so compared) that year. */
  eligible: number;
  /** The members' average measure: cohort-weighted when every member has a cohort. */
  measure: number | null;
  /** The members' family medians averaged the same way: what the group would score if each
   * member scored its own family's median. */
  familyMedian: number | null;
  /** The authority's average when every member is in the same one, else null. */
  laAverage: number | null;
  englandAverage: number | null;
  /** Whether the LA figure is the file's published one (else the average of its loaded schools). */
  laPublished: boolean;
}

/**
 * A group of schools (a network, a trust) by year: its average beside its families' median,
 * its authority (when it has one) and all schools loaded. Both the group's figure and its
 * families' median weight each eligible member by its cohort when every member has one
 * (pupil averages, as the LA and England lines are), else count each member once.
 *
 * Two members with cohorts 100 and 300, measures 40 and 50, family medians 45 and 45:
 * measure (100·40 + 300·50) / 400 = 47.5; family median 45.
 */
export function groupTrend(years: readonly YearAnalysis[], ids: readonly string[]): GroupPoint[] {
  return years.map((y) => {
    // Members by their key (with links, under an earlier URN too); one row per school.
    const wanted = new Set(ids.map((id) => y.indexOf(id)).filter((i) => i !== undefined));
    const all = schoolRows(y.families.schools);
    const members = all.map((s, i) => ({ s, i })).filter((m) => wanted.has(m.i));
    const schools = members.map((m) => m.s);
    const avg = average(schools);
    const withMedian = members.flatMap((m) => {
      const median = y.comparisons.get(m.i).median;
      return median === null ? [] : [{ median, w: avg.weighted ? m.s.cohort! : 1 }];
    });
    const w = withMedian.reduce((a, m) => a + m.w, 0);
    const las = new Set(schools.map((s) => s.la));
    const la = las.size === 1 ? [...las][0] : '';
    const side = alongside(y, all, la || undefined);
    return {
      year: y.year,
      eligible: members.length,
      measure: avg.value,
      familyMedian: w > 0 ? withMedian.reduce((a, m) => a + m.w * m.median, 0) / w : null,
      laAverage: side.la.value,
      englandAverage: side.nation.value,
      laPublished: side.la.published,
    };
  });
}
