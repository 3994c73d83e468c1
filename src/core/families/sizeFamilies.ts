import { orderBy, type DisjointFamilies } from './disjointFamilies.js';

/**
 * Consecutive families of N along the weighted context index, ties by id (docs/methodology.md,
 * `size`): the booklet layout. A remainder smaller than N/2 joins the last family; a
 * larger one is a family of its own.
 *
 * 45 schools, N = 20 → families of 20 and 25; 50 schools → 20, 20 and 10.
 */
export function sizeFamilies(index: ArrayLike<number>, idRank: Int32Array, size: number): DisjointFamilies {
  const order = orderBy(index, idRank);
  const n = order.length;
  const full = Math.floor(n / size);
  const rest = n - full * size;
  const count = full === 0 ? (n > 0 ? 1 : 0) : rest > 0 && rest >= size / 2 ? full + 1 : full;
  const group = new Int32Array(n);
  order.forEach((i, r) => (group[i] = Math.min(Math.floor(r / size), count - 1)));
  return { kind: 'disjoint', group, count };
}
