import { compactGroups, orderBy, type DisjointFamilies } from './disjointFamilies.js';

/**
 * K groups of (nearly) equal count along the context index (docs/methodology.md, `quantiles`).
 * A school's group is ⌊K·r/n⌋, where r is the position (from 0) of the first school with
 * the same index value, so equal values always share a family; groups are then as equal
 * as ties allow. Cost: one sort.
 *
 * quantiles([1, 2, 3, 4], …, 2) // => groups [0, 0, 1, 1]
 */
export function quantiles(index: ArrayLike<number>, idRank: Int32Array, k: number): DisjointFamilies {
  const order = orderBy(index, idRank);
  const n = order.length;
  const group = new Int32Array(n);
  let first = 0;
  for (let r = 0; r < n; r++) {
    if (r > 0 && index[order[r]] !== index[order[r - 1]]) first = r;
    group[order[r]] = Math.floor((k * first) / n);
  }
  return compactGroups(group, order);
}
