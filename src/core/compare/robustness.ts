import { DEFAULT_BANDS } from '../families/bands.js';
import { buildFamilies, type FamilyOptions, type YearFamilies } from '../families/buildFamilies.js';
import { NeighbourIndex } from '../families/neighbours.js';
import { compareFamilies, compareSchool, type CandidateRule } from './compareFamilies.js';

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
 * built only for those schools, so the cost is the number of candidates, not of schools.
 */
export function robustness(yf: YearFamilies, which: readonly number[], rule: CandidateRule): Map<number, number> {
  const passed = new Map<number, number>(which.map((i) => [i, 0]));
  let index = yf.families.kind === 'own' ? yf.families.index : undefined;
  const members: number[] = [];
  let order: number[] | undefined;
  for (const check of ROBUSTNESS_CHECKS) {
    const o = { ...yf.options, ...check.change };
    if (o.method === 'neighbours') {
      index ??= new NeighbourIndex(yf.space, yf.idRank);
      order ??= index.inSearchOrder(which);
      for (const i of order) {
        members.length = 0;
        index.family(i, o.size, o.tiesAll, members);
        if (compareSchool(yf, i, members, rule).candidate) passed.set(i, passed.get(i)! + 1);
      }
    } else {
      const all = compareFamilies(buildFamilies(yf.year, yf.schools, o), rule, which);
      for (const i of which) if (all[i].candidate) passed.set(i, passed.get(i)! + 1);
    }
  }
  return passed;
}
