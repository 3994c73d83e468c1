import { compareFamilies, type CandidateRule } from './compare/compareFamilies.js';
import type { Comparisons } from './compare/comparisons.js';
import { buildFamilies, type FamilyOptions, type YearFamilies } from './families/buildFamilies.js';
import { eligibility, type EligibilityOptions } from './load/eligibility.js';
import type { Runner } from './runner.js';
import { FosError } from './errors.js';
import { keepFamilies } from './families/keepFamilies.js';
import type { Eligibility, YearData } from './types.js';
import { keyIndex, ownId, type SchoolKey } from './schoolKey.js';

export interface AnalysisOptions {
  eligibility: EligibilityOptions;
  families: FamilyOptions;
  rule: CandidateRule;
  /** --keep-families: the year whose families later years keep (keepFamilies.ts). */
  keepFamilies?: string;
  /** Which school an id is across years (schoolKey.ts; default: its own id). */
  key?: SchoolKey;
}

/** One year: who took part, the families, and each eligible school's comparison. */
export interface YearAnalysis {
  year: string;
  data: YearData;
  eligibility: Eligibility;
  families: YearFamilies;
  comparisons: Comparisons;
  /** Index into families.schools and comparisons of the school that id is (by `key`: with
   * links, the same school under an earlier or later URN; a map built on first use). */
  indexOf(id: string): number | undefined;
  /** Row in data.schools of the school that id is, eligible or not (by `key`; when two rows
   * are one school, the eligible one, else the one with results). */
  rowOf(id: string): number | undefined;
  /** Which school an id is across years (schoolKey.ts). */
  key: SchoolKey;
}

/** Eligibility, families and comparisons for each loaded year, oldest first. `run`: how
 * the neighbour searches and the judging are run (default: here, by core's own functions). */
export function analyse(years: readonly YearData[], o: AnalysisOptions, onYear?: (year: string) => void, run?: Runner): YearAnalysis[] {
  if (o.keepFamilies !== undefined && !years.some((y) => y.year === o.keepFamilies)) {
    throw new FosError('INVALID_OPTION', `--keep-families ${o.keepFamilies}: no such year loaded`, { value: o.keepFamilies }, `years loaded: ${years.map((y) => y.year).join(', ')}`);
  }
  let kept: YearFamilies | undefined;
  const key = o.key ?? ownId;
  return years.map((data) => {
    onYear?.(data.year);
    const el = eligibility(data.year, data.schools, o.eligibility);
    let families = buildFamilies(data.year, el.eligible, o.families, run);
    if (data.year === o.keepFamilies) kept = families;
    else if (kept) families = keepFamilies(kept, families, key);
    const comparisons = compareFamilies(families, o.rule, undefined, run);
    let byId: Map<string, number> | undefined;
    const indexOf = (id: string) => (byId ??= keyIndex(families.schools.id, key)).get(key(id));
    let rows: Map<string, number> | undefined;
    const rowOf = (id: string) => (rows ??= dataRows(data, families.schools.id, key)).get(key(id));
    return { year: data.year, data, eligibility: el, families, comparisons, indexOf, rowOf, key };
  });
}

/** A year's rows by school key, preferring (when two rows are one school) the eligible row, then the one with results, then with % FSM. */
function dataRows(data: YearData, eligibleIds: readonly string[], key: SchoolKey): Map<string, number> {
  const s = data.schools;
  if (key === ownId) return keyIndex(s.id, key);
  const eligible = new Set(eligibleIds);
  return keyIndex(s.id, key, (r) => (eligible.has(s.id[r]) ? 4 : 0) + (Number.isNaN(s.measure[r]) ? 0 : 2) + (Number.isNaN(s.fsm[r]) ? 0 : 1));
}
