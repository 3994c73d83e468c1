import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import type { YearFamilies } from './buildFamilies.js';
import { groupsOf } from './disjointFamilies.js';

/** One disjoint family described: its % FSM range and the spread of the measure. */
export interface FamilySummary {
  /** Family number, from 1. */
  family: number;
  size: number;
  fsmMin: number;
  fsmMax: number;
  median: number;
  mean: number;
  /** Sample SD (n − 1); null for a family of one. */
  sd: number | null;
  p10: number;
  p90: number;
}

/**
 * Each family of a disjoint method (bands, quantiles, ckmeans, size) over all its members
 * (`fos families --summary`): size, lowest and highest % FSM, and the measure's median,
 * mean, sample SD (n − 1, Bessel's correction) and 10th and 90th percentiles (R type 7,
 * simple-statistics' quantileSorted). Empty for neighbours, whose families overlap.
 *
 * A family with measures 40, 50, 60: median 50, mean 50, sd 10, p10 42, p90 58.
 */
export function familySummaries(f: YearFamilies): FamilySummary[] {
  if (f.families.kind !== 'disjoint') return [];
  return groupsOf(f.families).map((members, g) => {
    const fsm = members.map((i) => f.schools.fsm[i]).sort((x, y) => x - y);
    const m = members.map((i) => f.schools.measure[i]).sort((x, y) => x - y);
    return {
      family: g + 1,
      size: members.length,
      fsmMin: fsm[0],
      fsmMax: fsm[fsm.length - 1],
      median: quantileSorted(m, 0.5),
      mean: mean(m),
      sd: m.length > 1 ? sampleStandardDeviation(m) : null,
      p10: quantileSorted(m, 0.1),
      p90: quantileSorted(m, 0.9),
    };
  });
}
