import { quantileSorted } from 'simple-statistics';

/**
 * The lowest value, the median and the highest (`fos check`'s ranges of % FSM and of the
 * measure). The median is R type 7 (linear interpolation between order statistics, as
 * R's and numpy's default), simple-statistics' quantileSorted; NaN values are left out.
 * Nulls when no value is left.
 *
 * minMedianMax([3, 1, 4, 1]) // => { min: 1, median: 2, max: 4 }
 */
export function minMedianMax(values: ArrayLike<number>): { min: number | null; median: number | null; max: number | null } {
  const sorted = Array.from(values).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { min: null, median: null, max: null };
  return { min: sorted[0], median: quantileSorted(sorted, 0.5), max: sorted[sorted.length - 1] };
}
