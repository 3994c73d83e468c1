import { quantileSorted } from 'simple-statistics';

/** A school's value of one context variable beside its family's. */
export interface ContextBeside {
  name: string;
  value: number;
  /** Over the other members: lowest, median, highest, and the 5th and 95th percentiles. */
  min: number;
  median: number;
  max: number;
  p5: number;
  p95: number;
  /** The school lies outside the middle 90% of the other members (below p5 or above p95). */
  atEdge: boolean;
}

/**
 * How alike a family is on one variable (as DfE's similar-schools service shows
 * characteristics side by side): the school's value beside the other members' range and
 * median, and whether it sits outside their middle 90% (5th to 95th percentile, R type 7:
 * linear interpolation between order statistics, simple-statistics' quantileSorted).
 * Missing values are left out; undefined when the school has none or no other member does.
 *
 * contextBeside('fsm', 30, [10, 12, 14, 16]) // => min 10, median 13, max 16, p95 15.7, atEdge true
 */
export function contextBeside(name: string, value: number, others: readonly number[]): ContextBeside | undefined {
  const sorted = others.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (Number.isNaN(value) || sorted.length === 0) return undefined;
  const p5 = quantileSorted(sorted, 0.05);
  const p95 = quantileSorted(sorted, 0.95);
  return { name, value, min: sorted[0], median: quantileSorted(sorted, 0.5), max: sorted[sorted.length - 1], p5, p95, atEdge: value < p5 || value > p95 };
}
