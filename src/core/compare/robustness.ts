import { QUALIFIES } from './comparisons.js';
import { DEFAULT_BANDS } from '../families/bands.js';
import { otherFamilies, type FamilyOptions, type YearFamilies } from '../families/buildFamilies.js';
import { buildNeighbourIndex, searchFamilies } from '../families/neighbours.js';
import type { Runner } from '../runner.js';
import { compareFamilies, judgeData, judgeRows, type CandidateRule } from './compareFamilies.js';

/** The other ways of making families a candidate is checked against. */
export const ROBUSTNESS_CHECKS: { name: string; change: Partial<FamilyOptions> }[] = [
  { name: 'neighbours of 10', change: { method: 'neighbours', size: 10 } },
  { name: 'neighbours of 40', change: { method: 'neighbours', size: 40 } },
  { name: '% FSM bands', change: { method: 'bands', bands: DEFAULT_BANDS } },
];

/**
 * For the schools asked about (indexes into yf.schools), in how many of the other family
 * definitions each is still a candidate partner: a flag that survives families of 10 and
 * 40 and the fixed bands does not hang on one modelling choice. Neighbour families are
 * found only for those schools, in one search at the largest size (a family of 40 costs
 * about twice one of 20), so the cost is the number of candidates, not of schools.
 * `run`: how the search and the judging are run (default: here).
 */
export function robustness(yf: YearFamilies, which: readonly number[], rule: CandidateRule, run?: Runner): Map<number, number> {
  const passed = new Int32Array(yf.schools.length);
  // Within strata (--match) each check's families are made again, stratum by stratum; kept families (--keep-families) have no search of their own.
  const stratified = (yf.options.match?.length ?? 0) > 0 || yf.options.keptFrom !== undefined;
  const neighbours = stratified ? [] : ROBUSTNESS_CHECKS.filter((check) => (check.change.method ?? yf.options.method) === 'neighbours');
  for (const check of ROBUSTNESS_CHECKS) {
    if (neighbours.includes(check)) continue;
    const all = compareFamilies(otherFamilies(yf, check.change), rule, which);
    for (const i of which) if (all.candidate(i)) passed[i]++;
  }
  if (neighbours.length) {
    const sizes = neighbours.map((check) => check.change.size ?? yf.options.size);
    const index = yf.families.kind === 'own' ? yf.families.index : buildNeighbourIndex(yf.space, yf.idRank, run?.arrays);
    const found = (run?.searchFamilies ?? searchFamilies)(index, index.inSearchOrder(which), sizes, yf.options.tiesAll);
    const data = judgeData(yf, rule);
    for (const f of found) {
      const why = (run?.judgeRows ?? judgeRows)(data, f, rule).why;
      for (let k = 0; k < f.schools.length; k++) if (why[k] === QUALIFIES) passed[f.schools[k]]++;
    }
  }
  return new Map(which.map((i) => [i, passed[i]]));
}
