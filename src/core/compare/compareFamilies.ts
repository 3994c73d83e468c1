import { groupValues } from '../families/disjointFamilies.js';
import type { YearFamilies } from '../families/buildFamilies.js';
import { ownFamily, type OwnFamilies, type SomeFamilies } from '../families/neighbours.js';
import type { SchoolYear } from '../types.js';
import { numberColumn } from '../load/schoolColumns.js';
import { comparisonColumns, Comparisons, placeRows, WHYS, type CandidateWhy, type Comparison, type ComparisonColumns } from './comparisons.js';
import { sortedFamily, standingInto, type SortedFamily } from './standing.js';
import { range } from '../range.js';

export interface CandidateRule {
  /** z (in the better direction) a candidate must reach; docs/methodology.md default 1.0. */
  threshold: number;
  lowerIsBetter: boolean;
  /** Whether the measure has confidence bounds (then they must clear the family median). */
  hasBounds: boolean;
}

/** What judging families needs of a year: each school's measure and, when the measure
 * has confidence bounds, each school's bound on the worse side (NaN when missing). */
export interface JudgeData {
  measures: Float64Array;
  bounds?: Float64Array;
}

/** A judging job another thread can do: `rows`, each a school with its family. */
export interface JudgeJob extends JudgeData {
  rule: CandidateRule;
  rows: SomeFamilies;
}

/**
 * Another thread to judge families with (io/helperThread.ts is one). Like NeighbourHelper:
 * `judge` returns at once, and the function it returns waits for the columns, or gives
 * undefined when the helper did not do the job, which the caller then does itself.
 */
export interface JudgeHelper {
  /** The fewest member values (the families' total size) worth sharing. */
  readonly minJudged: number;
  judge(job: JudgeJob): () => ComparisonColumns | undefined;
}

/**
 * Every eligible school compared with the other members of its family, and whether it is
 * a candidate partner (docs/methodology.md, Candidate partners): z ≥ threshold in the better
 * direction and, where the measure has confidence bounds, the bound on the worse side
 * strictly beyond the family median (lower bound above it; upper bound below it when
 * lower is better). A missing bound means not a candidate. O(n·N log N) for neighbours,
 * O(n log n) for disjoint families. With `only`, just those schools are compared. With a
 * helper and enough schools, neighbour families are judged half here, half there.
 */
export function compareFamilies(yf: YearFamilies, rule: CandidateRule, only?: readonly number[], helper?: JudgeHelper): Comparisons {
  const { schools, families } = yf;
  const n = schools.length;
  const data = judgeData(yf, rule);
  const out = comparisonColumns(n);
  if (families.kind === 'own') {
    // The rows judged together (every part's, or those of `only`), each into its school's place.
    for (const rows of only ? [rowsOf(families, Int32Array.from(only))] : families.parts) judgeShared(data, rows, rule, helper, out, rows.schools);
  } else {
    const sorted: SortedFamily[] = groupValues(families, data.measures).map((v) => sortedFamily(v, v.length));
    for (const i of only ?? range(n)) {
      standingInto(sorted[families.group[i]], data.measures[i], rule.lowerIsBetter, out, i);
      out.why[i] = whyOf(out, i, data.bounds, i, rule);
    }
  }
  const familyOf = families.kind === 'own' ? (i: number) => schools[i].id : (i: number) => String(families.group[i] + 1);
  return new Comparisons(out, data.measures, familyOf, rule.lowerIsBetter);
}

/** The measures and, when the rule needs them, the bounds on the worse side. */
export function judgeData(yf: YearFamilies, rule: CandidateRule): JudgeData {
  if (!rule.hasBounds) return { measures: yf.measures };
  return { measures: yf.measures, bounds: numberColumn(yf.schools, rule.lowerIsBetter ? 'ciHigh' : 'ciLow') };
}

/**
 * Each row of `rows` (a school and its family) judged: row k's comparison goes to row
 * place[k] of `out` (row k without `place`). With a helper and enough work, the second
 * half of the rows is judged on the helper while this thread judges the first.
 */
export function judgeShared(data: JudgeData, rows: SomeFamilies, rule: CandidateRule, helper?: JudgeHelper, out = comparisonColumns(rows.schools.length), place?: Int32Array): ComparisonColumns {
  const n = rows.schools.length;
  const at = helper && rows.offsets[n] - rows.offsets[0] >= helper.minJudged ? n >> 1 : n;
  const wait = at < n ? helper!.judge({ ...data, rule, rows: rowsFrom(rows, at) }) : undefined;
  judgeRows(data, rows, rule, out, 0, at, place);
  if (wait) {
    const theirs = wait();
    if (theirs) placeRows(out, theirs, at, place);
    else judgeRows(data, rows, rule, out, at, n, place);
  }
  return out;
}

/** Rows from..to of `rows` judged into rows place[k] (or k) of `out`. */
export function judgeRows(data: JudgeData, rows: SomeFamilies, rule: CandidateRule, out: ComparisonColumns, from: number, to: number, place?: Int32Array): void {
  const { measures, bounds } = data;
  const { schools, offsets, members } = rows;
  for (let k = from; k < to; k++) {
    // A reused buffer: standingInto() reads the sorted values and keeps nothing of them.
    const a = offsets[k];
    const size = offsets[k + 1] - a;
    if (size > scratch.length) scratch = new Float64Array(size * 2);
    for (let j = 0; j < size; j++) scratch[j] = measures[members[a + j]];
    const i = schools[k];
    const o = place ? place[k] : k;
    standingInto(sortedFamily(scratch, size), measures[i], rule.lowerIsBetter, out, o);
    out.why[o] = whyOf(out, o, bounds, i, rule);
  }
}

let scratch = new Float64Array(64);

/** The rows of `schools` (own families), copied into compact rows. */
function rowsOf(families: OwnFamilies, schools: Int32Array): SomeFamilies {
  const offsets = new Int32Array(schools.length + 1);
  for (let k = 0; k < schools.length; k++) offsets[k + 1] = offsets[k] + ownFamily(families, schools[k]).length;
  const members = new Int32Array(offsets[schools.length]);
  for (let k = 0; k < schools.length; k++) members.set(ownFamily(families, schools[k]), offsets[k]);
  return { schools, offsets, members };
}

/** Rows at.. of `rows` on their own (so they can be sent to another thread without the
 * rest): offsets rebased; the members copied, or a view when in shared memory. */
function rowsFrom(rows: SomeFamilies, at: number): SomeFamilies {
  const n = rows.schools.length;
  const base = rows.offsets[at];
  const offsets = rows.offsets.slice(at, n + 1);
  for (let k = 0; k < offsets.length; k++) offsets[k] -= base;
  const end = rows.offsets[n];
  const members = rows.members.buffer instanceof SharedArrayBuffer ? rows.members.subarray(base, end) : rows.members.slice(base, end);
  return { schools: rows.schools.slice(at), offsets, members };
}

const WHY = Object.fromEntries(WHYS.map((w, k) => [w, k])) as Record<CandidateWhy, number>;

/** Why school i (row k of `c`) is or is not a candidate, as an index into WHYS. */
function whyOf(c: ComparisonColumns, k: number, bounds: Float64Array | undefined, i: number, rule: CandidateRule): number {
  const z = c.z[k];
  if (Number.isNaN(z)) return c.sd[k] === 0 ? WHY['family all equal'] : WHY['family too small'];
  if ((rule.lowerIsBetter ? -z : z) < rule.threshold) return WHY['below threshold'];
  if (!rule.hasBounds) return WHY.qualifies;
  const bound = bounds![i];
  if (Number.isNaN(bound)) return WHY['bound missing'];
  const median = c.median[k];
  return (rule.lowerIsBetter ? bound < median : bound > median) ? WHY.qualifies : WHY['bound does not clear median'];
}

/** Why, in words, e.g. "z 1.84 ≥ 1; lower bound 0.12 clears median 0.05". */
export function candidateReason(c: Comparison, school: SchoolYear, rule: CandidateRule): string {
  const z = c.z === null ? '' : `z ${(rule.lowerIsBetter ? -c.z : c.z).toFixed(2)}`;
  const side = rule.lowerIsBetter ? 'upper' : 'lower';
  const bound = rule.lowerIsBetter ? school.ciHigh : school.ciLow;
  const median = c.median === null ? '' : String(Math.round(c.median * 100) / 100);
  switch (c.why) {
    case 'qualifies':
      return `${z} ≥ ${rule.threshold}${rule.hasBounds ? `; ${side} bound ${bound} clears median ${median}` : ''}`;
    case 'below threshold':
      return `${z} < ${rule.threshold}`;
    case 'bound missing':
      return `${z} ≥ ${rule.threshold} but no ${side} bound`;
    case 'bound does not clear median':
      return `${z} ≥ ${rule.threshold} but ${side} bound ${bound} does not clear median ${median}`;
    default:
      return c.why;
  }
}
