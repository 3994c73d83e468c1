import { lowerBound } from '../bounds.js';

/** Past this many distinct values in a dimension, ranks come from a sort, not a lookup. */
const LOOKUP_LIMIT = 4096;

/**
 * Schools ordered by their point in the context space (coordinates compared in dimension
 * order), schools at the same point by id rank: the order that groups them into distinct
 * points. A least-significant-first radix sort (Knuth, TAOCP vol. 3, 5.2.5): start in id
 * order, then a stable counting sort on each dimension's value rank, last dimension first.
 * O(D·n) when values repeat (a % to one decimal has at most 1,001), O(D·n log n) else,
 * with native sorts of numbers only: a comparison sort with a comparator costs several
 * times more (bench/NOTES.md).
 * Coordinates compare as numbers (0 and −0 are one value); they are never NaN.
 * `lookupLimit` is for tests (see valueRanks).
 *
 * pointOrder(Float64Array.of(2, 1, 2), 1, Int32Array.of(0, 1, 2)) // => [1, 0, 2]
 */
export function pointOrder(coords: Float64Array, dims: number, idRank: Int32Array, lookupLimit = LOOKUP_LIMIT): Int32Array {
  const n = idRank.length;
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[idRank[i]] = i;
  let next = new Int32Array(n);
  const rank = new Int32Array(n);
  const values = new Float64Array(n);
  for (let d = dims - 1; d >= 0; d--) {
    for (let i = 0; i < n; i++) values[i] = coords[i * dims + d];
    const u = valueRanks(values, rank, lookupLimit);
    const count = new Int32Array(u + 1);
    for (let i = 0; i < n; i++) count[rank[i] + 1]++;
    for (let r = 0; r < u; r++) count[r + 1] += count[r];
    for (let k = 0; k < n; k++) next[count[rank[order[k]]]++] = order[k];
    [order, next] = [next, order];
  }
  return order;
}

/**
 * Each value's rank among the distinct values (0 and −0 one value) into `rank`; returns
 * how many there are. Few distinct values (up to `lookupLimit`) are numbered as met, in a
 * hash table on their bits (open addressing with linear probing, Knuth, TAOCP vol. 3,
 * 6.4, in typed arrays: no value is boxed, as a Map's are), and only they are sorted, a
 * third of the time of sorting every value (bench/NOTES.md). With more, every value is
 * sorted and each rank found by a binary search.
 */
function valueRanks(values: Float64Array, rank: Int32Array, lookupLimit: number): number {
  const log = Math.ceil(Math.log2(2 * lookupLimit + 2));
  const mask = (1 << log) - 1;
  const slot = new Int32Array(mask + 1).fill(-1);
  const met = new Float64Array(lookupLimit);
  const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
  let u = 0;
  let i = 0;
  for (; i < values.length; i++) {
    const v = values[i];
    // Fibonacci hashing of the value's two halves; −0 as 0 (=== finds them equal).
    let h = v === 0 ? 0 : Math.imul(bits[2 * i] ^ Math.imul(bits[2 * i + 1], 0x9e3779b1), 0x9e3779b1) >>> (32 - log);
    while (slot[h] >= 0 && met[slot[h]] !== v) h = (h + 1) & mask;
    if (slot[h] < 0) {
      if (u === lookupLimit) break;
      met[u] = v;
      slot[h] = u++;
    }
    rank[i] = slot[h];
  }
  if (i === values.length) {
    const sorted = met.slice(0, u).sort();
    const rankOf = new Int32Array(u);
    for (let k = 0; k < u; k++) rankOf[k] = lowerBound(sorted, u, met[k]);
    for (let j = 0; j < values.length; j++) rank[j] = rankOf[rank[j]];
    return u;
  }
  const sorted = values.slice().sort();
  let w = 0;
  for (let k = 0; k < sorted.length; k++) if (w === 0 || sorted[k] !== sorted[w - 1]) sorted[w++] = sorted[k];
  for (let j = 0; j < values.length; j++) rank[j] = lowerBound(sorted, w, values[j]);
  return w;
}
