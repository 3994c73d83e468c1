import { DEFAULT_BANDS } from '../families/bands.js';
import { buildFamilies, type FamilyOptions } from '../families/buildFamilies.js';
import type { SchoolYear } from '../types.js';
import { compareFamilies, type CandidateRule } from './compareFamilies.js';

/** The other ways of making families a candidate is checked against. */
export const ROBUSTNESS_CHECKS: { name: string; change: Partial<FamilyOptions> }[] = [
  { name: 'neighbours of 10', change: { method: 'neighbours', size: 10 } },
  { name: 'neighbours of 40', change: { method: 'neighbours', size: 40 } },
  { name: '% FSM bands', change: { method: 'bands', bands: DEFAULT_BANDS } },
];

/**
 * For each school, in how many of the other family definitions it is still a candidate
 * partner: a flag that survives families of 10 and 40 and the fixed bands does not hang
 * on one modelling choice. Returns id → number of checks passed (of ROBUSTNESS_CHECKS).
 */
export function robustness(year: string, eligible: SchoolYear[], base: FamilyOptions, rule: CandidateRule): Map<string, number> {
  const passed = new Map<string, number>(eligible.map((s) => [s.id, 0]));
  for (const check of ROBUSTNESS_CHECKS) {
    const yf = buildFamilies(year, eligible, { ...base, ...check.change });
    compareFamilies(yf, rule).forEach((c, i) => {
      if (c.candidate) passed.set(yf.schools[i].id, passed.get(yf.schools[i].id)! + 1);
    });
  }
  return passed;
}
