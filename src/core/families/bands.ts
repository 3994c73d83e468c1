import { FosError } from '../errors.js';
import type { DisjointFamilies } from './disjointFamilies.js';

export const DEFAULT_BANDS = [0, 5, 9, 13, 21, 35, 50, 100];

/**
 * Fixed % FSM bands (docs/methodology.md, `bands`): band k holds edges[k] ≤ FSM < edges[k+1]; the
 * last band also holds its upper edge, so 100% has a band. Bands with no school are
 * dropped and the rest numbered from 1, lowest FSM first. A school outside the edges is
 * an error naming it, since putting it in the nearest band would mislabel it.
 *
 * bandOf(13, DEFAULT_BANDS) // => 3 (13–21%, counting from 0)
 */
export function bandOf(x: number, edges: readonly number[]): number {
  const last = edges.length - 2;
  if (x < edges[0] || x > edges[last + 1]) return -1;
  for (let k = 0; k < last; k++) if (x < edges[k + 1]) return k;
  return last;
}

/**
 * The error for schools outside the band edges (bands families and fos odds alike), or
 * undefined when every school has a band: how many, and the first of them.
 */
export function outsideBands(fsm: ArrayLike<number>, ids: readonly string[], edges: readonly number[]): FosError | undefined {
  let first = -1;
  let count = 0;
  for (let i = 0; i < fsm.length; i++) {
    if (bandOf(fsm[i], edges) >= 0) continue;
    if (first < 0) first = i;
    count++;
  }
  if (first < 0) return undefined;
  const which = count === 1 ? `school ${ids[first]} has ${fsm[first]}% FSM, outside the bands ${edges.join(',')}` : `${count} schools have a % FSM outside the bands ${edges.join(',')} (the first: school ${ids[first]}, ${fsm[first]}%)`;
  return new FosError('INVALID_OPTION', which, { value: String(fsm[first]) }, 'widen --bands so the first edge is 0 and the last 100');
}

export function bands(fsm: ArrayLike<number>, ids: readonly string[], edges: readonly number[]): DisjointFamilies {
  const group = new Int32Array(fsm.length);
  for (let i = 0; i < fsm.length; i++) {
    group[i] = bandOf(fsm[i], edges);
    if (group[i] < 0) throw outsideBands(fsm, ids, edges)!;
  }
  // Bands are already in % FSM order, so renumbering the non-empty ones needs no sort.
  const number = new Int32Array(edges.length).fill(-1);
  for (let i = 0; i < group.length; i++) number[group[i]] = 0;
  let count = 0;
  for (let k = 0; k < number.length; k++) if (number[k] === 0) number[k] = count++;
  for (let i = 0; i < group.length; i++) group[i] = number[group[i]];
  return { kind: 'disjoint', group, count };
}
