import { compareFamilies, type CandidateRule } from './compare/compareFamilies.js';
import type { Comparisons } from './compare/comparisons.js';
import { buildFamilies, type FamilyOptions, type YearFamilies } from './families/buildFamilies.js';
import { eligibility, type EligibilityOptions } from './load/eligibility.js';
import type { Runner } from './runner.js';
import { FosError } from './errors.js';
import { keepFamilies } from './families/keepFamilies.js';
import type { Eligibility, YearData } from './types.js';

export interface AnalysisOptions {
  eligibility: EligibilityOptions;
  families: FamilyOptions;
  rule: CandidateRule;
  /** --keep-families: the year whose families later years keep (keepFamilies.ts). */
  keepFamilies?: string;
}

/** One year: who took part, the families, and each eligible school's comparison. */
export interface YearAnalysis {
  year: string;
  data: YearData;
  eligibility: Eligibility;
  families: YearFamilies;
  comparisons: Comparisons;
  /** Index of a school id into families.schools and comparisons (a map built on first use). */
  indexOf(id: string): number | undefined;
}

/** Eligibility, families and comparisons for each loaded year, oldest first. `run`: how
 * the neighbour searches and the judging are run (default: here, by core's own functions). */
export function analyse(years: readonly YearData[], o: AnalysisOptions, onYear?: (year: string) => void, run?: Runner): YearAnalysis[] {
  if (o.keepFamilies !== undefined && !years.some((y) => y.year === o.keepFamilies)) {
    throw new FosError('INVALID_OPTION', `--keep-families ${o.keepFamilies}: no such year loaded`, { value: o.keepFamilies }, `years loaded: ${years.map((y) => y.year).join(', ')}`);
  }
  let kept: YearFamilies | undefined;
  return years.map((data) => {
    onYear?.(data.year);
    const el = eligibility(data.year, data.schools, o.eligibility);
    let families = buildFamilies(data.year, el.eligible, o.families, run);
    if (data.year === o.keepFamilies) kept = families;
    else if (kept) families = keepFamilies(kept, families);
    const comparisons = compareFamilies(families, o.rule, undefined, run);
    let byId: Map<string, number> | undefined;
    const indexOf = (id: string) => (byId ??= new Map(families.schools.id.map((s, i) => [s, i]))).get(id);
    return { year: data.year, data, eligibility: el, families, comparisons, indexOf };
  });
}
