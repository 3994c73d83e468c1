import { QUALIFIES } from './comparisons.js';
import { DEFAULT_BANDS } from '../families/bands.js';
import { otherFamilies, type FamilyOptions, type YearFamilies } from '../families/buildFamilies.js';
import { buildNeighbourIndex, findFamilies, type NeighbourHelper } from '../families/neighbours.js';
import { compareFamilies, judgeData, judgeShared, type CandidateRule, type JudgeHelper } from './compareFamilies.js';

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
 * built only for those schools, so the cost is the number of candidates, not of schools;
 * with a helper and enough of them, the search and the judging are shared with it.
 */
export function robustness(yf: YearFamilies, which: readonly number[], rule: CandidateRule, helper?: NeighbourHelper & JudgeHelper): Map<number, number> {
  const passed = new Int32Array(yf.schools.length);
  const neighbours = ROBUSTNESS_CHECKS.filter((check) => (check.change.method ?? yf.options.method) === 'neighbours');
  const sizes = neighbours.map((check) => check.change.size ?? yf.options.size);
  // The other checks are done here while the helper (if any) starts on the search.
  const others = () => {
    for (const check of ROBUSTNESS_CHECKS) {
      if (neighbours.includes(check)) continue;
      const all = compareFamilies(otherFamilies(yf, check.change), rule, which);
      for (const i of which) if (all.candidate(i)) passed[i]++;
    }
  };
  // One search, at the largest size, gives the families of every size (a family of 40
  // costs about twice one of 20).
  const index = yf.families.kind === 'own' ? yf.families.index : undefined;
  const search = { sizes, tiesAll: yf.options.tiesAll, schools: Int32Array.from(which) };
  let found: ReturnType<typeof findFamilies> = [];
  if (sizes.length) found = findFamilies(yf.space.dims, search, 2 * which.length, (make) => index ?? buildNeighbourIndex(yf.space, yf.idRank, make), helper, others);
  else others();
  const data = judgeData(yf, rule);
  for (const shares of found) {
    for (const f of shares) {
      const why = judgeShared(data, f, rule, helper).why;
      for (let k = 0; k < f.schools.length; k++) if (why[k] === QUALIFIES) passed[f.schools[k]]++;
    }
  }
  return new Map(which.map((i) => [i, passed[i]]));
}
