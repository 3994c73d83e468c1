import { ckmeans } from 'simple-statistics';
import { compactGroups, orderBy, type DisjointFamilies } from './disjointFamilies.js';

/**
 * Natural breaks (docs/methodology.md, `ckmeans`): optimal one-dimensional k-means on the context
 * index, by simple-statistics' ckmeans (Wang & Song 2011, "Ckmeans.1d.dp: optimal k-means
 * clustering in one dimension by dynamic programming"), O(k·n log n). Each school then
 * goes to the first cluster whose largest value is ≥ its own, so equal values never
 * split. With fewer distinct values than K, each distinct value is its own family.
 */
export function ckmeansFamilies(index: ArrayLike<number>, idRank: Int32Array, k: number): DisjointFamilies {
  const values = Array.from(index);
  const distinct = new Set(values).size;
  const clusters = ckmeans(values, Math.max(1, Math.min(k, distinct)));
  const tops = clusters.map((c) => c[c.length - 1]);
  const group = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let g = 0;
    while (g < tops.length - 1 && values[i] > tops[g]) g++;
    group[i] = g;
  }
  return compactGroups(group, orderBy(index, idRank));
}
