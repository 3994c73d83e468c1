import type { ContextSpace } from './context.js';
import { KdTree } from './kdTree.js';

/** Each school's own family, as compressed rows: school i's members (itself first) are
 * members[offsets[i] .. offsets[i+1]), nearest first, with their distances to i. */
export interface OwnFamilies {
  kind: 'own';
  offsets: Int32Array;
  members: Int32Array;
  distances: Float64Array;
}

/** Two distances are equal when they differ by no more than this share of the larger. */
export const DISTANCE_TOLERANCE = 1e-9;

export function sameDistance(a: number, b: number): boolean {
  return Math.abs(a - b) <= DISTANCE_TOLERANCE * Math.max(a, b);
}

/**
 * Nearest-neighbour families (METHOD.md, `neighbours`): each school with its size − 1
 * nearest eligible schools in the context space. Distances equal within 1e-9 of the
 * larger form one tie group (groups chain from their nearest member); a group that does
 * not fit goes to the smaller ids (`idRank`), or is kept whole with `tiesAll` (R's
 * class::knn use.all), so a family can then be larger than `size`.
 *
 * Schools at exactly the same context point are handled as one weighted point, so a
 * thousand schools sharing a % FSM cost no more than one. One variable: a sorted sweep,
 * O(n log n + n·size). Several: a k-d tree. Both equal the all-pairs brute force (tested).
 */
export function neighbours(space: ContextSpace, idRank: Int32Array, size: number, tiesAll: boolean): OwnFamilies {
  const n = idRank.length;
  const D = space.dims;
  const need = Math.min(size - 1, n - 1);

  // Group schools into distinct points, ordered by coordinates, each point's schools by id.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (let d = 0; d < D; d++) {
      const diff = space.coords[a * D + d] - space.coords[b * D + d];
      if (diff !== 0) return diff;
    }
    return idRank[a] - idRank[b];
  });
  const pointStart: number[] = [];
  const pointOf = new Int32Array(n);
  const pointCoords: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const prev = k > 0 ? order[k - 1] : -1;
    let fresh = prev < 0;
    for (let d = 0; !fresh && d < D; d++) fresh = space.coords[i * D + d] !== space.coords[prev * D + d];
    if (fresh) {
      pointStart.push(k);
      for (let d = 0; d < D; d++) pointCoords.push(space.coords[i * D + d]);
    }
    pointOf[i] = pointStart.length - 1;
  }
  const P = pointStart.length;
  pointStart.push(n);
  const schoolsAt = Int32Array.from(order);
  const weight = new Int32Array(P);
  for (let p = 0; p < P; p++) weight[p] = pointStart[p + 1] - pointStart[p];
  const pc = Float64Array.from(pointCoords);
  const tree = D > 1 ? new KdTree(pc, D, weight) : undefined;

  const offsets = new Int32Array(n + 1);
  let members = new Int32Array(Math.max(1, n * (need + 1)));
  let distances = new Float64Array(members.length);
  let filled = 0;
  const candP: number[] = [];
  const candD: number[] = [];
  const ensure = (extra: number) => {
    if (filled + extra <= members.length) return;
    const cap = Math.max(members.length * 2, filled + extra);
    const m = new Int32Array(cap);
    m.set(members);
    members = m;
    const dd = new Float64Array(cap);
    dd.set(distances);
    distances = dd;
  };

  for (let i = 0; i < n; i++) {
    const q = pointOf[i];
    candP.length = 0;
    candD.length = 0;
    if (tree) candidatesKd(tree, q, need, candP, candD);
    else candidates1d(pc, weight, q, need, candP, candD);
    offsets[i] = filled;
    ensure(1);
    members[filled] = i;
    distances[filled++] = 0;
    // Walk tie groups in order of distance.
    let taken = 0;
    let g = 0;
    while (g < candP.length && taken < need) {
      const start = candD[g];
      let h = g;
      let groupCount = 0;
      while (h < candP.length && sameDistance(candD[h], start)) {
        groupCount += weight[candP[h]] - (candP[h] === q ? 1 : 0);
        h++;
      }
      const take = tiesAll ? groupCount : Math.min(groupCount, need - taken);
      ensure(take);
      if (take === groupCount) {
        for (let c = g; c < h; c++) {
          const p = candP[c];
          for (let k = pointStart[p]; k < pointStart[p + 1]; k++) {
            const s = schoolsAt[k];
            if (s === i) continue;
            members[filled] = s;
            distances[filled++] = candD[c];
          }
        }
      } else {
        // Merge the group's points (each already in id order), taking the smallest ids.
        const pos = [];
        for (let c = g; c < h; c++) pos.push(pointStart[candP[c]]);
        for (let t = 0; t < take; ) {
          let best = -1;
          for (let c = 0; c < pos.length; c++) {
            const p = candP[g + c];
            while (pos[c] < pointStart[p + 1] && schoolsAt[pos[c]] === i) pos[c]++;
            if (pos[c] < pointStart[p + 1] && (best < 0 || idRank[schoolsAt[pos[c]]] < idRank[schoolsAt[pos[best]]])) best = c;
          }
          members[filled] = schoolsAt[pos[best]];
          distances[filled++] = candD[g + best];
          pos[best]++;
          t++;
        }
      }
      taken += take;
      g = h;
    }
  }
  offsets[n] = filled;
  return { kind: 'own', offsets, members: members.slice(0, filled), distances: distances.slice(0, filled) };
}

/** Far enough past the last needed distance to hold its whole tie group. */
const SLACK = 1e-8;

/** One variable: walk outwards from the school's point over the sorted distinct values. */
function candidates1d(v: Float64Array, weight: Int32Array, q: number, need: number, outP: number[], outD: number[]) {
  outP.push(q);
  outD.push(0);
  let cum = weight[q] - 1;
  let last = cum >= need ? 0 : -1;
  let l = q - 1;
  let r = q + 1;
  for (;;) {
    const dl = l >= 0 ? v[q] - v[l] : Infinity;
    const dr = r < v.length ? v[r] - v[q] : Infinity;
    const d = dl <= dr ? dl : dr;
    if (d === Infinity || (last >= 0 && d > last * (1 + SLACK))) return;
    const p = dl <= dr ? l-- : r++;
    outP.push(p);
    outD.push(d);
    cum += weight[p];
    if (last < 0 && cum >= need) last = d;
  }
}

/** Several variables: the k-d tree gives the distance that holds `need` schools, then
 * every point within it (and its tie slack), sorted by distance. */
function candidatesKd(tree: KdTree, q: number, need: number, outP: number[], outD: number[]) {
  const last = tree.kthDistance(q, need, 1);
  tree.within(q, last === Infinity ? Infinity : last * (1 + SLACK), outP, outD);
  const idx = outP.map((_, k) => k).sort((a, b) => outD[a] - outD[b] || outP[a] - outP[b]);
  const p = idx.map((k) => outP[k]);
  const d = idx.map((k) => outD[k]);
  outP.length = 0;
  outD.length = 0;
  outP.push(...p);
  outD.push(...d);
}
