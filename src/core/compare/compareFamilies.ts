import { groupValues } from '../families/disjointFamilies.js';
import type { YearFamilies } from '../families/buildFamilies.js';
import { ownFamily, type OwnFamilies, type FamilyRows } from '../families/neighbours.js';
import type { Runner } from '../runner.js';
import type { SchoolYear } from '../types.js';
import { comparisonColumns, Comparisons, placeRows, UNJUDGED, WHYS, type CandidateWhy, type Comparison, type ComparisonColumns } from './comparisons.js';
import { familyOver, sortedFamily, sortFamily, standingInto, type SortedFamily } from './standing.js';
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
  // Rows left UNJUDGED by judgeRows, judged when asked.
  let late: ((i: number) => void) | undefined;
  if (families.kind === 'own') {
    const judge = run?.judgeRows ?? judgeRows;
    if (only) {
      const rows = rowsOf(families, Int32Array.from(only));
      out = comparisonColumns(n);
      placeRows(out, judge(data, rows, rule), 0, rows.schools);
    } else out = judge(data, { schools: range(n), offsets: families.offsets, members: families.members }, rule);
    const f = scratchFamily();
    const { offsets, members } = families;
    late = (i) => judgeRow(data, members, offsets[i], offsets[i + 1] - offsets[i], i, rule, out, i, f);
  } else {
    out = comparisonColumns(n);
    const sorted: SortedFamily[] = groupValues(families, data.measures).map((v) => sortedFamily(v, v.length));
    for (const i of only ?? range(n)) {
      standingInto(sorted[families.group[i]], data.measures[i], rule.lowerIsBetter, out, i);
      out.why[i] = whyOf(out, i, data.bounds, i, rule);
    }
  }
  const familyOf = families.kind === 'own' ? (i: number) => schools.id[i] : (i: number) => String(families.group[i] + 1);
  return new Comparisons(out, data.measures, familyOf, rule.lowerIsBetter, late);
}

/** The measures and, when the rule needs them, the bounds on the worse side. */
export function judgeData(yf: YearFamilies, rule: CandidateRule): JudgeData {
  const { measure, ciLow, ciHigh } = yf.schools;
  return rule.hasBounds ? { measures: measure, bounds: rule.lowerIsBetter ? ciHigh : ciLow } : { measures: measure };
}

/**
 * Each row of `rows` (a school and its family) judged: row k's comparison is row k of the
 * columns. A row whose school is surely not a candidate by its z (surelyBelow) is left
 * for later, marked UNJUDGED: only its `why` is known, and judgeRow gives the rest when asked
 * (Comparisons does), so most schools of a large year cost no sort of their family.
 */
export function judgeRows(data: JudgeData, rows: FamilyRows, rule: CandidateRule): ComparisonColumns {
  const { schools, offsets, members } = rows;
  const out = comparisonColumns(schools.length);
  const f = scratchFamily();
  for (let k = 0; k < schools.length; k++) {
    const a = offsets[k];
    const size = offsets[k + 1] - a;
    if (surelyBelow(data.measures, members, a, size, schools[k], rule)) out.why[k] = UNJUDGED;
    else judgeRow(data, members, a, size, schools[k], rule, out, k, f);
  }
  return out;
}

/** A family to sort values in, reused from row to row (its buffer grows when needed). */
function scratchFamily(): SortedFamily {
  return familyOver(new Float64Array(64));
}

/**
 * School i compared with its family, members[a .. a + size), written to row k of `out`
 * (standingInto, then whyOf); `f` is scratch. One copy of the measures, one small sort.
 */
export function judgeRow(data: JudgeData, members: Int32Array, a: number, size: number, i: number, rule: CandidateRule, out: ComparisonColumns, k: number, f: SortedFamily): void {
  const { measures } = data;
  if (size > f.values.length) f.values = new Float64Array(size * 2);
  const buffer = f.values;
  for (let j = 0; j < size; j++) buffer[j] = measures[members[a + j]];
  sortFamily(f, size);
  standingInto(f, measures[i], rule.lowerIsBetter, out, k);
  out.why[k] = whyOf(out, k, data.bounds, i, rule);
}

/**
 * Whether school i's z against the others of its family, members[a .. a + size), is
 * surely below the threshold (in the better direction), so that it is not a candidate:
 * from sums of the others' differences from its own value, in member order, without a
 * sort. Trusted only far from the threshold (a margin of 10⁻⁶, against rounding errors
 * some 10⁻⁹ at most here) and when the others' spread is well above rounding (their sum
 * of squares about their mean above 10⁻⁶ of that about the school's value; all equal
 * others never pass); else, and with fewer than 2 others, false: judged in full.
 */
function surelyBelow(measures: Float64Array, members: Int32Array, a: number, size: number, i: number, rule: CandidateRule): boolean {
  const m = size - 1;
  if (m < 2) return false;
  const self = measures[i];
  // The school itself adds 0 to both sums: they are the others' (one copy of self removed).
  let s1 = 0;
  let s2 = 0;
  for (let j = a; j < a + size; j++) {
    const d = measures[members[j]] - self;
    s1 += d;
    s2 += d * d;
  }
  const spread = s2 - (s1 * s1) / m;
  if (!(spread > 1e-6 * s2)) return false;
  const z = -(s1 / m) / Math.sqrt(spread / (m - 1));
  const better = rule.lowerIsBetter ? -z : z;
  return better < rule.threshold - 1e-6 * (1 + Math.abs(better));
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
