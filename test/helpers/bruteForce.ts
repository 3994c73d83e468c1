import type { ContextSpace } from '../../src/core/families/context.js';
import { sameDistance } from '../../src/core/families/neighbours.js';

/**
 * The all-pairs reference for neighbour families, written straight from docs/methodology.md:
 * every other school sorted by exact distance then id; tie groups chained from their
 * nearest member; a group that overflows goes to the smaller ids (or is kept whole).
 */
export function bruteForceFamilies(space: ContextSpace, idRank: Int32Array, size: number, tiesAll: boolean): number[][] {
  const n = idRank.length;
  const D = space.dims;
  const dist = (i: number, j: number) => {
    let s = 0;
    for (let d = 0; d < D; d++) s += (space.coords[i * D + d] - space.coords[j * D + d]) ** 2;
    return Math.sqrt(s);
  };
  const need = Math.min(size - 1, n - 1);
  return Array.from({ length: n }, (_, i) => {
    const others = Array.from({ length: n }, (_, j) => j)
      .filter((j) => j !== i)
      .map((j) => ({ j, d: dist(i, j) }))
      .sort((a, b) => a.d - b.d || idRank[a.j] - idRank[b.j]);
    const family = [i];
    let k = 0;
    while (k < others.length && family.length - 1 < need) {
      let h = k;
      while (h < others.length && sameDistance(others[h].d, others[k].d)) h++;
      const group = others.slice(k, h).sort((a, b) => idRank[a.j] - idRank[b.j]);
      const take = tiesAll ? group.length : Math.min(group.length, need - (family.length - 1));
      family.push(...group.slice(0, take).map((g) => g.j));
      k = h;
    }
    return family;
  });
}
