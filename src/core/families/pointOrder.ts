import { lowerBound } from '../bounds.js';

/**
 * Schools ordered by their point in the context space (coordinates compared in dimension
 * order), schools at the same point by id rank: the order that groups them into distinct
 * points. A least-significant-first radix sort (Knuth, TAOCP vol. 3, 5.2.5): start in id
 * order, then a stable counting sort on each dimension's value rank, last dimension first.
 * O(D·n log n), with native sorts of numbers only: a comparison sort with a comparator
 * costs several times more at 500,000 schools.
 * Coordinates compare as numbers (0 and −0 are one value); they are never NaN.
 *
 * pointOrder(Float64Array.of(2, 1, 2), 1, Int32Array.of(0, 1, 2)) // => [1, 0, 2]
 */
export function pointOrder(coords: Float64Array, dims: number, idRank: Int32Array): Int32Array {
  const n = idRank.length;
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[idRank[i]] = i;
  let next = new Int32Array(n);
  const rank = new Int32Array(n);
  // One buffer for a dimension's values and one for their sorted copy, reused for each.
  const values = new Float64Array(n);
  const sorted = new Float64Array(n);
  for (let d = dims - 1; d >= 0; d--) {
    for (let i = 0; i < n; i++) values[i] = coords[i * dims + d];
    // A value's rank among the dimension's distinct values: a search of a short list
    // when values repeat (a % to one decimal has at most 1,001), which stays in cache.
    sorted.set(values);
    const distinct = uniqueSorted(sorted.sort());
    const u = distinct.length;
    const count = new Int32Array(u + 1);
    for (let i = 0; i < n; i++) {
      rank[i] = lowerBound(distinct, u, values[i]);
      count[rank[i] + 1]++;
    }
    for (let r = 0; r < u; r++) count[r + 1] += count[r];
    for (let k = 0; k < n; k++) next[count[rank[order[k]]]++] = order[k];
    [order, next] = [next, order];
  }
  return order;
}

/** The distinct values of a sorted array, in place (0 and −0 counted once). */
function uniqueSorted(sorted: Float64Array): Float64Array {
  let u = 0;
  for (let k = 0; k < sorted.length; k++) if (u === 0 || sorted[k] !== sorted[u - 1]) sorted[u++] = sorted[k];
  return sorted.subarray(0, u);
}
