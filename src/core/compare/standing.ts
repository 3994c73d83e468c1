import { lowerBound, upperBound } from '../bounds.js';

/**
 * Where a school stands among the other members of its family (METHOD.md, Comparing a
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
 * place (insertion sort for a neighbour family's few values); else a sorted copy.
 */
export function sortedFamily(values: ArrayLike<number>, n?: number): SortedFamily {
  let v: Float64Array;
  let len: number;
  if (n !== undefined && values instanceof Float64Array) {
    v = values;
    len = n;
    if (n <= 48) insertionSort(v, n);
    else v.subarray(0, n).sort();
  } else {
    v = Float64Array.from(values).sort();
    len = v.length;
  }
  const shift = len ? v[len >> 1] : 0;
  let sum = 0;
  let sumSq = 0;
  for (let k = 0; k < len; k++) {
    const x = v[k] - shift;
    sum += x;
    sumSq += x * x;
  }
  return { values: v, n: len, shift, sum, sumSq };
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

/**
 * Standing of the member with value `self` in a sorted family. Removing one copy of `self`
 * from the sorted values gives the others, so the median, the moments (from the shifted
 * sums), rank and percentile cost O(log n) for any family size: large bands cost no more
 * than neighbours. `lowerIsBetter` turns rank, percentile and label round (gap and z keep
 * their sign).
 *
 * standing(sortedFamily([40, 50, 60, 70]), 70, false)
 * // => median 50, mean 50, sd 10, gap 20, z 2, rank 1, percentile 100, 'well above'
 */
export function standing(f: SortedFamily, self: number, lowerIsBetter: boolean): Standing {
  const v = f.values;
  const n = f.n;
  const m = n - 1;
  const lo = lowerBound(v, n, self);
  const hi = upperBound(v, n, self);
  // The others are v without one copy of self (at index lo): other j is v[j + (j >= lo)].
  const greater = n - hi;
  const less = lo;
  const equalOthers = hi - lo - 1;
  const rank = 1 + (lowerIsBetter ? less : greater);
  let median: number | null = null;
  let mean: number | null = null;
  let sd: number | null = null;
  let z: number | null = null;
  let percentile: number | null = null;
  if (m > 0) {
    const a = m % 2 === 1 ? (m - 1) / 2 : m / 2 - 1;
    const b = m / 2;
    median = m % 2 === 1 ? v[a + (a >= lo ? 1 : 0)] : (v[a + (a >= lo ? 1 : 0)] + v[b + (b >= lo ? 1 : 0)]) / 2;
    const s1 = f.sum - (self - f.shift);
    const s2 = f.sumSq - (self - f.shift) ** 2;
    mean = f.shift + s1 / m;
    const allEqual = v[lo > 0 ? 0 : 1] === v[m - 1 >= lo ? m : m - 1];
    sd = m < 2 ? null : allEqual ? 0 : Math.sqrt(Math.max(0, (s2 - (s1 * s1) / m) / (m - 1)));
    z = sd === null || sd === 0 ? null : (self - mean) / sd;
    percentile = (((lowerIsBetter ? greater : less) + equalOthers / 2) / m) * 100;
  }
  return {
    size: n,
    median,
    mean,
    sd,
    gap: median === null ? null : self - median,
    z,
    rank,
    percentile,
    label: z === null ? null : labelFor(lowerIsBetter ? -z : z),
  };
}
