import { groupValues } from '../families/disjointFamilies.js';
import type { YearFamilies } from '../families/buildFamilies.js';
import { ownFamily, type OwnFamilies, type FamilyRows } from '../families/neighbours.js';
import type { Runner } from '../runner.js';
import type { SchoolYear } from '../types.js';
import { comparisonColumns, Comparisons, placeRows, WHYS, type CandidateWhy, type Comparison, type ComparisonColumns } from './comparisons.js';
import { sortedFamily, sortFamily, standingInto, type SortedFamily } from './standing.js';
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

/**
 * Every eligible school compared with the other members of its family, and whether it is
 * a candidate partner (docs/methodology.md, Candidate partners): z ≥ threshold in the better
 * direction and, where the measure has confidence bounds, the bound on the worse side
 * strictly beyond the family median (lower bound above it; upper bound below it when
 * lower is better). A missing bound means not a candidate. O(n·N log N) for neighbours,
 * O(n log n) for disjoint families. With `only`, just those schools are compared. `run`:
 * how neighbour families are judged (default: judgeRows, here).
 */
export function compareFamilies(yf: YearFamilies, rule: CandidateRule, only?: readonly number[], run?: Runner): Comparisons {
  const { schools, families } = yf;
  const n = schools.length;
  const data = judgeData(yf, rule);
  let out: ComparisonColumns;
  if (families.kind === 'own') {
    const judge = run?.judgeRows ?? judgeRows;
    if (only) {
      const rows = rowsOf(families, Int32Array.from(only));
      out = comparisonColumns(n);
      placeRows(out, judge(data, rows, rule), 0, rows.schools);
    } else out = judge(data, { schools: range(n), offsets: families.offsets, members: families.members }, rule);
  } else {
    out = comparisonColumns(n);
    const sorted: SortedFamily[] = groupValues(families, data.measures).map((v) => sortedFamily(v, v.length));
    for (const i of only ?? range(n)) {
      standingInto(sorted[families.group[i]], data.measures[i], rule.lowerIsBetter, out, i);
      out.why[i] = whyOf(out, i, data.bounds, i, rule);
    }
  }
  const familyOf = families.kind === 'own' ? (i: number) => schools.id[i] : (i: number) => String(families.group[i] + 1);
  return new Comparisons(out, data.measures, familyOf, rule.lowerIsBetter);
}

/** The measures and, when the rule needs them, the bounds on the worse side. */
export function judgeData(yf: YearFamilies, rule: CandidateRule): JudgeData {
  const { measure, ciLow, ciHigh } = yf.schools;
  return rule.hasBounds ? { measures: measure, bounds: rule.lowerIsBetter ? ciHigh : ciLow } : { measures: measure };
}

/** Each row of `rows` (a school and its family) judged: row k's comparison is row k of the columns. */
export function judgeRows(data: JudgeData, rows: FamilyRows, rule: CandidateRule): ComparisonColumns {
  const { measures, bounds } = data;
  const { schools, offsets, members } = rows;
  const out = comparisonColumns(schools.length);
  // One family, its buffer reused for every row: standingInto() reads the sorted values and keeps nothing of them.
  const f: SortedFamily = { values: new Float64Array(64), n: 0, shift: 0, sum: 0, sumSq: 0 };
  for (let k = 0; k < schools.length; k++) {
    const a = offsets[k];
    const size = offsets[k + 1] - a;
    if (size > f.values.length) f.values = new Float64Array(size * 2);
    const buffer = f.values;
    for (let j = 0; j < size; j++) buffer[j] = measures[members[a + j]];
    sortFamily(f, size);
    const i = schools[k];
    standingInto(f, measures[i], rule.lowerIsBetter, out, k);
    out.why[k] = whyOf(out, k, bounds, i, rule);
  }
  return out;
}

/** The rows of `schools` (own families), copied into compact rows. */
function rowsOf(families: OwnFamilies, schools: Int32Array): FamilyRows {
  const offsets = new Int32Array(schools.length + 1);
  for (let k = 0; k < schools.length; k++) offsets[k + 1] = offsets[k] + ownFamily(families, schools[k]).length;
  const members = new Int32Array(offsets[schools.length]);
  for (let k = 0; k < schools.length; k++) members.set(ownFamily(families, schools[k]), offsets[k]);
  return { schools, offsets, members };
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

/** Why, in words, e.g. "z 1.84 ≥ 1; lower bound 0.12 clears median 0.05". The z keeps its
 * sign; when lower is better the threshold is on the lower side: "z -1.42 ≤ -1". */
export function candidateReason(c: Comparison, school: Pick<SchoolYear, 'ciLow' | 'ciHigh'>, rule: CandidateRule): string {
  const z = c.z === null ? '' : `z ${c.z.toFixed(2)}`;
  const reaches = rule.lowerIsBetter ? `≤ ${-rule.threshold}` : `≥ ${rule.threshold}`;
  const misses = rule.lowerIsBetter ? `> ${-rule.threshold}` : `< ${rule.threshold}`;
  const side = rule.lowerIsBetter ? 'upper' : 'lower';
  const bound = rule.lowerIsBetter ? school.ciHigh : school.ciLow;
  const median = c.median === null ? '' : String(Math.round(c.median * 100) / 100);
  switch (c.why) {
    case 'qualifies':
      return `${z} ${reaches}${rule.hasBounds ? `; ${side} bound ${bound} clears median ${median}` : ''}`;
    case 'below threshold':
      return `${z} ${misses}`;
    case 'bound missing':
      return `${z} ${reaches} but no ${side} bound`;
    case 'bound does not clear median':
      return `${z} ${reaches} but ${side} bound ${bound} does not clear median ${median}`;
    default:
      return c.why;
  }
}
