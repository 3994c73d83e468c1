import { range } from '../range.js';

/** Families that partition the schools (bands, quantiles, ckmeans, size): group[i] is
 * school i's family number − 1. */
export interface DisjointFamilies {
  kind: 'disjoint';
  group: Int32Array;
  count: number;
}

/** Schools in order of a key, ties by id rank: the order every disjoint method cuts. */
export function orderBy(key: ArrayLike<number>, idRank: Int32Array): number[] {
  return Array.from(range(idRank.length)).sort((a, b) => key[a] - key[b] || idRank[a] - idRank[b]);
}

/** Renumber groups 0..count−1 in order of first appearance along `order`, dropping empty ones. */
export function compactGroups(group: Int32Array, order: number[]): DisjointFamilies {
  const map = new Map<number, number>();
  for (const i of order) if (!map.has(group[i])) map.set(group[i], map.size);
  const out = new Int32Array(group.length);
  for (let i = 0; i < group.length; i++) out[i] = map.get(group[i])!;
  return { kind: 'disjoint', group: out, count: map.size };
}

/** Each family's members (indexes in school order), in one pass: O(n). */
export function groupsOf(f: DisjointFamilies): number[][] {
  const out: number[][] = Array.from({ length: f.count }, () => []);
  for (let i = 0; i < f.group.length; i++) out[f.group[i]].push(i);
  return out;
}

/**
 * Each family's values (values[i] for its members, in school order), as pieces of one
 * array: a counting sort by family, O(n), with no array per family grown one by one.
 */
export function groupValues(f: DisjointFamilies, values: Float64Array): Float64Array[] {
  const start = new Int32Array(f.count + 1);
  for (let i = 0; i < f.group.length; i++) start[f.group[i] + 1]++;
  for (let g = 0; g < f.count; g++) start[g + 1] += start[g];
  const all = new Float64Array(f.group.length);
  const at = start.slice(0, f.count);
  for (let i = 0; i < f.group.length; i++) all[at[f.group[i]]++] = values[i];
  return Array.from({ length: f.count }, (_, g) => all.subarray(start[g], start[g + 1]));
}
