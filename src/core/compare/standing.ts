import { lowerBound, upperBound } from '../bounds.js';
import { orNull } from '../orNull.js';

/**
 * Where a school stands among the other members of its family (docs/methodology.md, Comparing a
 * school with its family). All statistics are over the others, never the school itself.
 */
export const LABELS = ['well above', 'above', 'close to', 'below', 'well below'] as const;
export type Label = (typeof LABELS)[number];

export interface Standing {
  /** Members including the school. */
  size: number;
  /** Median of the others (the middle value, or the mean of the two middle values). */
  median: number | null;
  mean: number | null;
  /** Sample SD of the others (n − 1 in the denominator, Bessel's correction). */
  sd: number | null;
  /** measure − family median. */
  gap: number | null;
  /** (measure − mean of others) / SD of others; null when SD is 0 or < 2 others. */
  z: number | null;
  /** 1 = best among all members; tied schools share the better rank. */
  rank: number;
  /** (others below + ½ others equal) / others × 100; "below" means worse. */
  percentile: number | null;
  label: Label | null;
}

/** A family's measure values sorted ascending (values[0 .. n)), with sums about a shift
 * for stable moments. */
export interface SortedFamily {
  values: Float64Array;
  n: number;
  shift: number;
  sum: number;
  sumSq: number;
}

/**
 * The first `n` values sorted ascending. Given `n`, `values` is a scratch buffer sorted in
 * place (as sortFamily); else a sorted copy.
 */
export function sortedFamily(values: ArrayLike<number>, n?: number): SortedFamily {
  if (n !== undefined && values instanceof Float64Array) {
    const f = familyOver(values);
    sortFamily(f, n);
    return f;
  }
  const f = familyOver(Float64Array.from(values).sort());
  f.n = f.values.length;
  addSums(f);
  return f;
}

/** A family of no values yet, over a buffer that sortFamily sorts in place: every
 * SortedFamily is made here, in one shape. */
export function familyOver(values: Float64Array): SortedFamily {
  // NaN, not 0: the sums are doubles from the start (a field first given a small integer
  // and then a double throws away the code compiled for it).
  return { values, n: 0, shift: NaN, sum: NaN, sumSq: NaN };
}

/**
 * The first `n` of `f.values` sorted in place (insertion sort for a neighbour family's few
 * values) and made `f`'s family: one SortedFamily reused from family to family costs no
 * object per family (judgeRows).
 */
export function sortFamily(f: SortedFamily, n: number): void {
  const v = f.values;
  if (n <= 48) insertionSort(v, n);
  else v.subarray(0, n).sort();
  f.n = n;
  addSums(f);
}

/** The shift (the middle value) and the sums about it of a sorted family. */
function addSums(f: SortedFamily): void {
  const v = f.values;
  const len = f.n;
  const shift = len ? v[len >> 1] : 0;
  let sum = 0;
  let sumSq = 0;
  for (let k = 0; k < len; k++) {
    const x = v[k] - shift;
    sum += x;
    sumSq += x * x;
  }
  f.shift = shift;
  f.sum = sum;
  f.sumSq = sumSq;
}

function insertionSort(v: Float64Array, n: number) {
  for (let i = 1; i < n; i++) {
    const x = v[i];
    let j = i - 1;
    while (j >= 0 && v[j] > x) {
      v[j + 1] = v[j];
      j--;
    }
    v[j + 1] = x;
  }
}

/**
 * The label of a z-score measured in the better direction (My School's five levels):
 * well above (z ≥ 1), above (z ≥ 0.5), close to (−0.5 < z < 0.5), below (z ≤ −0.5),
 * well below (z ≤ −1).
 *
 * labelFor(0.5) // => 'above'
 */
export function labelFor(z: number): Label {
  if (z >= 1) return 'well above';
  if (z >= 0.5) return 'above';
  if (z > -0.5) return 'close to';
  if (z > -1) return 'below';
  return 'well below';
}

/** Standings column by column, row k in each array: NaN stands for null. */
export interface StandingColumns {
  size: Int32Array;
  rank: Int32Array;
  median: Float64Array;
  mean: Float64Array;
  sd: Float64Array;
  z: Float64Array;
  percentile: Float64Array;
}

export function standingColumns(n: number): StandingColumns {
  const f = () => new Float64Array(n);
  return { size: new Int32Array(n), rank: new Int32Array(n), median: f(), mean: f(), sd: f(), z: f(), percentile: f() };
}

/**
 * Standing of the member with value `self` in a sorted family, written to row k of `out`.
 * Removing one copy of `self` from the sorted values gives the others, so the median, the
 * moments (from the shifted sums), rank and percentile cost O(log n) for any family size:
 * large bands cost no more than neighbours. `lowerIsBetter` turns rank and percentile
 * round (z keeps its sign). With fewer than 2 others there is no SD and no z (NaN); with
 * none, no median, mean or percentile either; when the others are all equal, SD is 0 and
 * there is no z.
 */
export function standingInto(f: SortedFamily, self: number, lowerIsBetter: boolean, out: StandingColumns, k: number): void {
  const v = f.values;
  const n = f.n;
  const m = n - 1;
  const lo = lowerBound(v, n, self);
  const hi = upperBound(v, n, self);
  // The others are v without one copy of self (at index lo): other j is v[j + (j >= lo)].
  const greater = n - hi;
  const less = lo;
  const equalOthers = hi - lo - 1;
  out.size[k] = n;
  out.rank[k] = 1 + (lowerIsBetter ? less : greater);
  if (m > 0) {
    const a = m % 2 === 1 ? (m - 1) / 2 : m / 2 - 1;
    const b = m / 2;
    out.median[k] = m % 2 === 1 ? v[a + (a >= lo ? 1 : 0)] : (v[a + (a >= lo ? 1 : 0)] + v[b + (b >= lo ? 1 : 0)]) / 2;
    const s1 = f.sum - (self - f.shift);
    const s2 = f.sumSq - (self - f.shift) ** 2;
    const mean = f.shift + s1 / m;
    const allEqual = v[lo > 0 ? 0 : 1] === v[m - 1 >= lo ? m : m - 1];
    const sd = m < 2 ? NaN : allEqual ? 0 : Math.sqrt(Math.max(0, (s2 - (s1 * s1) / m) / (m - 1)));
    out.mean[k] = mean;
    out.sd[k] = sd;
    out.z[k] = sd > 0 ? (self - mean) / sd : NaN;
    out.percentile[k] = (((lowerIsBetter ? greater : less) + equalOthers / 2) / m) * 100;
  } else {
    out.median[k] = out.mean[k] = out.sd[k] = out.z[k] = out.percentile[k] = NaN;
  }
}

/** Row k of standing columns as a Standing, for the member with value `self`. */
export function standingAt(c: StandingColumns, k: number, self: number, lowerIsBetter: boolean): Standing {
  const median = orNull(c.median[k]);
  const z = orNull(c.z[k]);
  return {
    size: c.size[k],
    median,
    mean: orNull(c.mean[k]),
    sd: orNull(c.sd[k]),
    gap: median === null ? null : self - median,
    z,
    rank: c.rank[k],
    percentile: orNull(c.percentile[k]),
    label: z === null ? null : labelFor(lowerIsBetter ? -z : z),
  };
}

const one = standingColumns(1);

/**
 * Standing of the member with value `self` in a sorted family (standingInto, as an object).
 *
 * standing(sortedFamily([40, 50, 60, 70]), 70, false)
 * // => median 50, mean 50, sd 10, gap 20, z 2, rank 1, percentile 100, 'well above'
 */
export function standing(f: SortedFamily, self: number, lowerIsBetter: boolean): Standing {
  standingInto(f, self, lowerIsBetter, one, 0);
  return standingAt(one, 0, self, lowerIsBetter);
}
