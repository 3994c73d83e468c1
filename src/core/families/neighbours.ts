import type { ContextSpace } from './context.js';
import { LOCAL_ARRAYS, type ArrayMaker } from './arrayMaker.js';
import type { Runner } from '../runner.js';
import { buildKdTree, KdTree, PointList, type KdTreeArrays } from './kdTree.js';
import { pointOrder } from './pointOrder.js';
import { range } from '../range.js';
import { Growable } from '../growable.js';

/** Each school's own family (itself first, then nearest first), as compressed rows in
 * school order: school i's family is members[offsets[i] .. offsets[i + 1]). */
export interface OwnFamilies {
  kind: 'own';
  offsets: Int32Array;
  members: Int32Array;
  /** The search structure, kept so other family sizes can be asked of it. */
  index: NeighbourIndex;
}

/** School i's family: its members, itself first, then nearest first. */
export function ownFamily(f: OwnFamilies, i: number): Int32Array {
  return f.members.subarray(f.offsets[i], f.offsets[i + 1]);
}

/** The families of some schools, as compressed rows: schools[k]'s family (itself first,
 * then nearest first) is members[offsets[k] .. offsets[k+1]). */
export interface FamilyRows {
  schools: Int32Array;
  offsets: Int32Array;
  members: Int32Array;
}

/** Two distances are equal when they differ by no more than this share of the larger. */
export const DISTANCE_TOLERANCE = 1e-9;

export function sameDistance(a: number, b: number): boolean {
  return Math.abs(a - b) <= DISTANCE_TOLERANCE * Math.max(a, b);
}

/** Far enough past the last needed distance to hold its whole tie group. */
const SLACK = 1e-8;

/** What a NeighbourIndex is made of: plain arrays (so an index can be made again over
 * them as they are, with nothing copied). */
export interface NeighbourIndexArrays {
  dims: number;
  idRank: Int32Array;
  /** Schools at distinct point p: schoolsAt[pointStart[p] .. pointStart[p + 1]), by id. */
  pointStart: Int32Array;
  schoolsAt: Int32Array;
  pointOf: Int32Array;
  /** Each distinct point's number of schools and (row-major) coordinates. */
  weight: Int32Array;
  pc: Float64Array;
  tree?: KdTreeArrays;
}

/** The index of a context space (see NeighbourIndex), its arrays made by `make`. */
export function buildNeighbourIndex(space: Pick<ContextSpace, 'dims' | 'coords'>, idRank: Int32Array, make: ArrayMaker = LOCAL_ARRAYS): NeighbourIndex {
  const n = idRank.length;
  const D = space.dims;
  const c = space.coords;
  // Group schools into distinct points, ordered by coordinates, each point's schools by id.
  const order = pointOrder(c, D, idRank);
  // Each distinct point's first place in `order`, and its coordinates (room for n).
  const starts = make.int32(n + 1);
  const coords = make.float64(n * D);
  const pointOf = make.int32(n);
  let P = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const prev = k > 0 ? order[k - 1] : -1;
    let fresh = prev < 0;
    for (let d = 0; !fresh && d < D; d++) fresh = c[i * D + d] !== c[prev * D + d];
    if (fresh) {
      starts[P] = k;
      for (let d = 0; d < D; d++) coords[P * D + d] = c[i * D + d];
      P++;
    }
    pointOf[i] = P - 1;
  }
  starts[P] = n;
  const weight = make.int32(P);
  for (let p = 0; p < P; p++) weight[p] = starts[p + 1] - starts[p];
  const pc = coords.subarray(0, P * D);
  const copy = (a: Int32Array) => {
    if (make === LOCAL_ARRAYS) return a;
    const b = make.int32(a.length);
    b.set(a);
    return b;
  };
  return new NeighbourIndex({
    dims: D,
    idRank: copy(idRank),
    pointStart: starts.subarray(0, P + 1),
    schoolsAt: copy(order),
    pointOf,
    weight,
    pc,
    tree: D > 1 ? buildKdTree(pc, D, weight, make) : undefined,
  });
}

/**
 * Nearest-neighbour families (docs/methodology.md, `neighbours`): each school with its size − 1
 * nearest eligible schools in the context space. Distances equal within 1e-9 of the
 * larger form one tie group (groups chain from their nearest member); a group that does
 * not fit goes to the smaller ids (`idRank`), or is kept whole with `tiesAll` (R's
 * class::knn use.all), so a family can then be larger than `size`.
 *
 * Schools at exactly the same context point are handled as one weighted point, so a
 * thousand schools sharing a % FSM cost no more than one. One variable: a sorted sweep,
 * O(n log n + n·size). Several: a k-d tree. Both equal the all-pairs brute force (tested).
 */
export class NeighbourIndex {
  private readonly n: number;
  private readonly dims: number;
  private readonly idRank: Int32Array;
  private readonly pointStart: Int32Array;
  readonly pointOf: Int32Array;
  private readonly schoolsAt: Int32Array;
  private readonly weight: Int32Array;
  private readonly pc: Float64Array;
  private readonly tree?: KdTree;
  /** The candidates last found (see candidates). */
  private readonly cand = new PointList();

  /** An index over its arrays as they are (made by buildNeighbourIndex). */
  constructor(readonly arrays: NeighbourIndexArrays) {
    ({ dims: this.dims, idRank: this.idRank, pointStart: this.pointStart, pointOf: this.pointOf, schoolsAt: this.schoolsAt, weight: this.weight, pc: this.pc } = arrays);
    this.n = this.idRank.length;
    if (arrays.tree) this.tree = new KdTree(arrays.tree);
  }

  /** Distinct points in an order that keeps consecutive queries close in space. */
  private pointOrder(): Int32Array {
    return this.tree ? this.tree.perm : range(this.weight.length);
  }

  /**
   * The given schools (all when undefined) ordered so that each one's point follows the
   * last in space (tree order), which keeps each search seeded with a tight bound and its
   * memory warm; schools at one point come together (by id), so they share one search.
   * A walk of every point in that order (no sort).
   */
  inSearchOrder(schools?: ArrayLike<number>): Int32Array {
    // How many times each school is asked for (once each when all are).
    let asked: Int32Array | undefined;
    if (schools) {
      asked = new Int32Array(this.n);
      for (let k = 0; k < schools.length; k++) asked[schools[k]]++;
    }
    const out = new Int32Array(schools ? schools.length : this.n);
    let k = 0;
    for (const p of this.pointOrder()) {
      for (let at = this.pointStart[p]; at < this.pointStart[p + 1]; at++) {
        const i = this.schoolsAt[at];
        for (let c = asked ? asked[i] : 1; c > 0; c--) out[k++] = i;
      }
    }
    return out;
  }

  /** Find the candidates around point p for families of `size` (and smaller); every
   * school at p shares them. */
  candidates(p: number, size: number): void {
    const need = Math.min(size - 1, this.n - 1);
    const { cand, weight } = this;
    if (!this.tree) candidates1d(this.pc, weight, p, need, cand);
    else {
      // The last point's reach plus the step from it bounds this point's reach (triangle
      // inequality), so the search can skip what lies beyond from the start.
      const within = this.lastNeed === need && this.lastP >= 0 ? this.lastReach + this.between(p, this.lastP) : Infinity;
      this.tree.nearest(p, need, 1, SLACK, cand, within);
    }
    this.groupCandidates(p, need);
  }

  /** The last point searched, the need it was searched for, and its reach. */
  private lastP = -1;
  private lastNeed = 0;
  private lastReach = Infinity;

  private between(a: number, b: number): number {
    const D = this.dims;
    let sum = 0;
    for (let d = 0; d < D; d++) sum += (this.pc[a * D + d] - this.pc[b * D + d]) ** 2;
    return Math.sqrt(sum);
  }

  // The candidates last found, in tie groups: group g is cand[groupCand[g] ..
  // groupCand[g + 1]), and the groups up to g hold groupHeld[g] schools other than one at
  // the searched point itself; `groups` of them, up to the group that holds `need`;
  // `groupSchools` schools at their points in all.
  private groupCand = new Int32Array(65);
  private groupHeld = new Int32Array(64);
  private groups = 0;
  private groupSchools = 0;
  /** Scratch: where each point of a group that does not fit whole is up to. */
  private pos = new Int32Array(64);

  /** The candidates last found for point p as tie groups, up to the group that holds
   * `need`, and the reach they give (kept for the next search's bound). */
  private groupCandidates(p: number, need: number): void {
    const { p: candP, d: candD, n: candN } = this.cand;
    const weight = this.weight;
    if (this.groupHeld.length < candN) {
      this.groupHeld = new Int32Array(2 * candN);
      this.groupCand = new Int32Array(2 * candN + 1);
    }
    const { groupHeld, groupCand } = this;
    let held = 0;
    let schools = 0;
    let g = 0;
    let c = 0;
    let reach = Infinity;
    // Distances equal (sameDistance) to a group's nearest form the group.
    while (c < candN && held < need) {
      const start = candD[c];
      groupCand[g] = c;
      for (; c < candN && sameDistance(candD[c], start); c++) {
        schools += weight[candP[c]];
        held += weight[candP[c]] - (candP[c] === p ? 1 : 0);
        if (held >= need && reach === Infinity) reach = candD[c];
      }
      groupHeld[g++] = held;
    }
    groupCand[g] = c;
    this.groups = g;
    this.groupSchools = schools;
    this.lastP = p;
    this.lastNeed = need;
    this.lastReach = reach;
  }

  /** Room for any family from the candidates last found (1 + their schools): what a
   * family can hold with ties all; without, min(size, number of schools). */
  familyRoom(): number {
    return 1 + this.groupSchools;
  }

  /** School i's family from the candidates last found for its point, into out[at ..]
   * (with familyRoom() there); returns where it ends. */
  familyFromCandidates(i: number, size: number, tiesAll: boolean, out: Int32Array, at: number): number {
    const need = Math.min(size - 1, this.n - 1);
    const { groupHeld, groupCand, groups, pointStart, schoolsAt } = this;
    const candP = this.cand.p;
    out[at++] = i;
    // The tie groups that fit whole (with ties all: up to the one that reaches need).
    let g = 0;
    while (g < groups && (tiesAll ? (g > 0 ? groupHeld[g - 1] : 0) < need : groupHeld[g] <= need)) g++;
    for (let c = 0, whole = groupCand[g]; c < whole; c++) {
      const end = pointStart[candP[c] + 1];
      for (let k = pointStart[candP[c]]; k < end; k++) if (schoolsAt[k] !== i) out[at++] = schoolsAt[k];
    }
    const taken = g > 0 ? groupHeld[g - 1] : 0;
    if (taken < need && g < groups) {
      // The group that does not fit: merge its points' schools (each point's already in
      // id order), taking the smallest ids.
      const idRank = this.idRank;
      const first = groupCand[g];
      const points = groupCand[g + 1] - first;
      if (this.pos.length < points) this.pos = new Int32Array(2 * points);
      const pos = this.pos;
      for (let c = 0; c < points; c++) pos[c] = pointStart[candP[first + c]];
      for (let t = taken; t < need; t++) {
        let best = -1;
        for (let c = 0; c < points; c++) {
          const end = pointStart[candP[first + c] + 1];
          while (pos[c] < end && schoolsAt[pos[c]] === i) pos[c]++;
          if (pos[c] < end && (best < 0 || idRank[schoolsAt[pos[c]]] < idRank[schoolsAt[pos[best]]])) best = c;
        }
        out[at++] = schoolsAt[pos[best]++];
      }
    }
    return at;
  }
}

/**
 * Every school's own family, in school order. One search per distinct point (its schools
 * share it), the points taken in tree order. `run` (default: core's own functions) says how
 * the index's arrays are made and what does the search.
 */
export function neighbours(space: ContextSpace, idRank: Int32Array, size: number, tiesAll: boolean, run?: Runner): OwnFamilies {
  const index = buildNeighbourIndex(space, idRank, run?.arrays);
  const [rows] = (run?.searchFamilies ?? searchFamilies)(index, index.inSearchOrder(), [size], tiesAll);
  return { kind: 'own', ...inSchoolOrder(rows, idRank.length), index };
}

/**
 * The families of `schools` (best given in search order: NeighbourIndex.inSearchOrder),
 * one set of rows per size, row k for schools[k]. One search, at the largest of `sizes`,
 * gives each school's family of every size (the smaller families are the nearest part of
 * the larger search, with the same tie rule). Each school's family is found on its own,
 * so any split of `schools` into parts searched apart gives the same rows.
 */
export function searchFamilies(index: NeighbourIndex, schools: Int32Array, sizes: readonly number[], tiesAll: boolean): FamilyRows[] {
  const largest = Math.max(...sizes);
  const n = index.pointOf.length;
  const offsets = sizes.map(() => new Int32Array(schools.length + 1));
  // Room for every member: exact unless ties are kept (then it grows as needed).
  const members = sizes.map((size) => new Growable((m) => new Int32Array(m), schools.length * Math.min(size, n)));
  let last = -1;
  for (let k = 0; k < schools.length; k++) {
    const i = schools[k];
    const p = index.pointOf[i];
    if (p !== last) index.candidates(p, largest);
    last = p;
    for (let s = 0; s < members.length; s++) {
      // Without ties all a family holds exactly min(size, n), so the room above is never outgrown.
      const m = members[s];
      m.length = index.familyFromCandidates(i, sizes[s], tiesAll, m.reserve(tiesAll ? index.familyRoom() : Math.min(sizes[s], n)), m.length);
      offsets[s][k + 1] = m.length;
    }
  }
  // Views, not copies: a copy of every member would cost more than the room left unused.
  return members.map((m, s) => ({ schools, offsets: offsets[s], members: m.values() }));
}

/**
 * Rows covering each of the schools 0 .. n − 1 once (in any order), laid out in school
 * order. Rows of one length (families without --ties all) are moved in place, cycle by
 * cycle of the permutation, so the members are never held twice; others are copied.
 */
export function inSchoolOrder(rows: FamilyRows, n: number): { offsets: Int32Array; members: Int32Array } {
  const { schools, offsets: from, members: given } = rows;
  const m = n ? from[1] - from[0] : 0;
  let uniform = schools.length === n && from[0] === 0;
  for (let k = 0; uniform && k < n; k++) uniform = from[k + 1] - from[k] === m;
  const offsets = new Int32Array(n + 1);
  if (uniform) {
    for (let i = 0; i <= n; i++) offsets[i] = i * m;
    // Row k goes to school schools[k]'s place: follow each cycle from its first row.
    const source = new Int32Array(n);
    for (let k = 0; k < n; k++) source[schools[k]] = k;
    const done = new Uint8Array(n);
    const held = new Int32Array(m);
    for (let start = 0; start < n; start++) {
      if (done[start]) continue;
      held.set(given.subarray(start * m, start * m + m));
      let at = start;
      for (;;) {
        done[at] = 1;
        const k = source[at];
        if (k === start) {
          given.set(held, at * m);
          break;
        }
        given.copyWithin(at * m, k * m, k * m + m);
        at = k;
      }
    }
    return { offsets, members: given.subarray(0, n * m) };
  }
  for (let k = 0; k < schools.length; k++) offsets[schools[k] + 1] = from[k + 1] - from[k];
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const members = new Int32Array(offsets[n]);
  for (let k = 0; k < schools.length; k++) members.set(given.subarray(from[k], from[k + 1]), offsets[schools[k]]);
  return { offsets, members };
}

/** One variable: walk outwards from the school's point over the sorted distinct values. */
function candidates1d(v: Float64Array, weight: Int32Array, q: number, need: number, out: PointList) {
  out.n = 0;
  out.push(q, 0);
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
    out.push(p, d);
    cum += weight[p];
    if (last < 0 && cum >= need) last = d;
  }
}
