import type { ContextSpace } from './context.js';
import { LOCAL_ARRAYS, SHARED_ARRAYS, type ArrayMaker } from './arrayMaker.js';
import { buildKdTree, KdTree, type KdTreeArrays } from './kdTree.js';
import { pointOrder } from './pointOrder.js';
import { Growable } from '../growable.js';
import { range } from '../range.js';

/** Each school's own family (itself first, then nearest first), as compressed rows in
 * one part per thread that shared the search. Rows come in the order they were found,
 * which can differ from run to run: read a school's family with ownFamily, or every row
 * of every part, in any order. */
export interface OwnFamilies {
  kind: 'own';
  parts: SomeFamilies[];
  /** The row of each school, counting the parts' rows end to end. */
  rowOf: Int32Array;
  /** The search structure, kept so other family sizes can be asked of it. */
  index: NeighbourIndex;
}

/** School i's family: its members, itself first, then nearest first. */
export function ownFamily(f: OwnFamilies, i: number): Int32Array {
  let k = f.rowOf[i];
  let p = 0;
  while (k >= f.parts[p].schools.length) k -= f.parts[p++].schools.length;
  const { offsets, members } = f.parts[p];
  return members.subarray(offsets[k], offsets[k + 1]);
}

/** The families of some schools, as compressed rows: schools[k]'s family (itself first,
 * then nearest first) is members[offsets[k] .. offsets[k+1]). */
export interface SomeFamilies {
  schools: Int32Array;
  offsets: Int32Array;
  members: Int32Array;
}

/** A family search: the schools asked for (all when undefined), taken in search order.
 * One search, at the largest of `sizes`, gives each school's family of every size (the
 * smaller families are the nearest part of the larger search, with the same tie rule).
 * With `taken`, the search is shared: it is cut into runs, and each thread takes the next
 * run not yet taken (taken[0] counts them, in shared memory) until none is left, so a
 * thread that starts late or runs slow simply takes fewer. */
export interface NeighbourJob {
  sizes: number[];
  tiesAll: boolean;
  schools?: Int32Array;
  taken?: Int32Array;
}

/** Runs of a shared search: short enough for the threads to end together, long enough to
 * keep each search seeded by the one before (about 1,500 schools a run at 100,000). */
const RUNS = 64;

/**
 * Another thread to share a search with (io/helperThread.ts is one). `ready` is called
 * before the index is built, so a thread can start meanwhile; `start` hands it the index
 * (in shared memory: the same index, not a copy) and a job, and returns at once; the
 * function it returns waits for the answer, or gives undefined when the helper failed,
 * and the caller then does that share itself. Each school's family is found on its own,
 * so how the work is shared never changes a result.
 */
export interface NeighbourHelper {
  /** The least work (schools searched × dimensions) worth sharing: a thread costs time to start. */
  readonly minWork: number;
  ready(): void;
  start(index: NeighbourIndex, job: NeighbourJob): () => SomeFamilies[] | undefined;
}

/** Two distances are equal when they differ by no more than this share of the larger. */
export const DISTANCE_TOLERANCE = 1e-9;

export function sameDistance(a: number, b: number): boolean {
  return Math.abs(a - b) <= DISTANCE_TOLERANCE * Math.max(a, b);
}

/** Far enough past the last needed distance to hold its whole tie group. */
const SLACK = 1e-8;

/** What a NeighbourIndex is made of: plain arrays, which another thread can be given
 * (in shared memory, with nothing copied) to search the same index. */
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
  private readonly candP: number[] = [];
  private readonly candD: number[] = [];

  /** An index over its arrays as they are (made by buildNeighbourIndex, here or on another thread). */
  constructor(readonly arrays: NeighbourIndexArrays) {
    ({ dims: this.dims, idRank: this.idRank, pointStart: this.pointStart, pointOf: this.pointOf, schoolsAt: this.schoolsAt, weight: this.weight, pc: this.pc } = arrays);
    this.n = this.idRank.length;
    if (arrays.tree) this.tree = new KdTree(arrays.tree);
  }

  /** Whether the arrays are in shared memory, so another thread can search this index. */
  get shared(): boolean {
    return this.pc.buffer instanceof SharedArrayBuffer;
  }

  /** Distinct points in an order that keeps consecutive queries close in space. */
  private pointOrder(): Int32Array {
    return this.tree ? this.tree.perm : range(this.weight.length);
  }

  /**
   * The given schools (all when undefined) ordered so that each one's point follows the
   * last in space (tree order), which keeps each search seeded with a tight bound and its
   * memory warm; schools at one point come together, so they share one search.
   */
  inSearchOrder(schools?: ArrayLike<number>): Int32Array {
    const order = this.pointOrder();
    if (!schools) {
      const out = new Int32Array(this.n);
      let k = 0;
      for (const p of order) {
        const at = this.schoolsOf(p);
        out.set(at, k);
        k += at.length;
      }
      return out;
    }
    const rank = new Int32Array(this.weight.length);
    for (let k = 0; k < order.length; k++) rank[order[k]] = k;
    return Int32Array.from(schools).sort((a, b) => rank[this.pointOf[a]] - rank[this.pointOf[b]] || a - b);
  }

  /** Schools at distinct point p: schoolsAt[pointStart[p] .. pointStart[p + 1]). */
  private schoolsOf(p: number): Int32Array {
    return this.schoolsAt.subarray(this.pointStart[p], this.pointStart[p + 1]);
  }

  /** Find the candidates around point p for families of `size`; every school at p shares them. */
  candidates(p: number, size: number): void {
    const need = Math.min(size - 1, this.n - 1);
    const { candP, candD, weight } = this;
    candP.length = 0;
    candD.length = 0;
    if (!this.tree) {
      candidates1d(this.pc, weight, p, need, candP, candD);
      return;
    }
    // The last point's reach plus the step from it bounds this point's reach (triangle
    // inequality), so the search can skip what lies beyond from the start.
    const within = this.last.need === need && this.last.p >= 0 ? this.last.reach + this.between(p, this.last.p) : Infinity;
    this.tree.nearest(p, need, 1, SLACK, candP, candD, within);
    let count = 0;
    let reach = Infinity;
    for (let c = 0; c < candP.length; c++) {
      count += weight[candP[c]] - (candP[c] === p ? 1 : 0);
      if (count >= need) {
        reach = candD[c];
        break;
      }
    }
    this.last = { p, need, reach };
  }

  private last = { p: -1, need: 0, reach: Infinity };

  private between(a: number, b: number): number {
    const D = this.dims;
    let sum = 0;
    for (let d = 0; d < D; d++) sum += (this.pc[a * D + d] - this.pc[b * D + d]) ** 2;
    return Math.sqrt(sum);
  }

  /** School i's family from the candidates last found for its point. */
  familyFromCandidates(i: number, size: number, tiesAll: boolean, out: { push(x: number): unknown }): void {
    const need = Math.min(size - 1, this.n - 1);
    const { candP, candD, weight, pointStart, schoolsAt, idRank } = this;
    const q = this.pointOf[i];
    out.push(i);
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
      if (take === groupCount) {
        for (let c = g; c < h; c++) {
          const p = candP[c];
          for (let k = pointStart[p]; k < pointStart[p + 1]; k++) if (schoolsAt[k] !== i) out.push(schoolsAt[k]);
        }
      } else {
        // Merge the group's points (each already in id order), taking the smallest ids.
        const pos: number[] = [];
        for (let c = g; c < h; c++) pos.push(pointStart[candP[c]]);
        for (let t = 0; t < take; t++) {
          let best = -1;
          for (let c = 0; c < pos.length; c++) {
            const end = pointStart[candP[g + c] + 1];
            while (pos[c] < end && schoolsAt[pos[c]] === i) pos[c]++;
            if (pos[c] < end && (best < 0 || idRank[schoolsAt[pos[c]]] < idRank[schoolsAt[pos[best]]])) best = c;
          }
          out.push(schoolsAt[pos[best]]);
          pos[best]++;
        }
      }
      taken += take;
      g = h;
    }
  }
}

/**
 * Every school's own family. One search per distinct point (its schools share it), the
 * points taken in tree order. With a helper and enough work, the search is shared with it
 * (see NeighbourJob), and each thread's rows are kept as found: laying them out in school
 * order, or even end to end, would copy every member (a third of a second at 500,000
 * schools) for nothing, since each school's row is found through rowOf.
 */
export function neighbours(space: ContextSpace, idRank: Int32Array, size: number, tiesAll: boolean, helper?: NeighbourHelper): OwnFamilies {
  const n = idRank.length;
  let index: NeighbourIndex | undefined;
  const [parts] = findFamilies(space.dims, { sizes: [size], tiesAll }, n, (make) => (index = buildNeighbourIndex(space, idRank, make)), helper);
  const rowOf = new Int32Array(n);
  let k = 0;
  for (const part of parts) for (const i of part.schools) rowOf[i] = k++;
  return { kind: 'own', parts, rowOf, index: index! };
}

/**
 * The families of a search (`work`: how many schools it searches, weighted by their
 * cost), for each of its sizes, in shares: one, or two when a helper is there and the
 * work is worth it. Then the index (`index(make)`, built or reused) is made in shared
 * memory, the helper is given it, and each thread takes runs of the search (NeighbourJob)
 * until none is left. What a failed helper took is done here. An index not in shared
 * memory is searched here alone. `meanwhile` is other work for this thread, done once the
 * helper has started on the search (before the search, without a helper). One variable
 * is a sorted sweep, too cheap to gain from a second thread (500k schools: 0.48 s either
 * way), so it is never shared.
 */
export function findFamilies(
  dims: number,
  search: Pick<NeighbourJob, 'sizes' | 'tiesAll' | 'schools'>,
  work: number,
  index: (make: ArrayMaker) => NeighbourIndex,
  helper?: NeighbourHelper,
  meanwhile?: () => void,
): SomeFamilies[][] {
  const worth = helper !== undefined && dims > 1 && work * dims >= helper.minWork;
  if (worth) helper.ready();
  const own = index(worth ? SHARED_ARRAYS : LOCAL_ARRAYS);
  const shared = worth && own.shared;
  const job = { ...search, taken: shared ? new Int32Array(new SharedArrayBuffer(4)) : undefined };
  const wait = shared ? helper!.start(own, job) : undefined;
  meanwhile?.();
  const shares = [familiesOf(own, job)];
  if (wait) shares.push(wait() ?? familiesOf(own, { ...search, schools: notIn(search.schools ?? range(own.pointOf.length), shares[0][0].schools, own.pointOf.length) }));
  return search.sizes.map((_, s) => shares.map((found) => found[s]));
}

/** The schools of `all` not in `done` (schools of 0 .. n − 1). */
function notIn(all: Int32Array, done: Int32Array, n: number): Int32Array {
  const seen = new Uint8Array(n);
  for (const i of done) seen[i] = 1;
  return all.filter((i) => !seen[i]);
}

/** The families this thread finds in a search (see NeighbourJob), one per size, with `index`. */
export function familiesOf(index: NeighbourIndex, job: NeighbourJob): SomeFamilies[] {
  const ordered = index.inSearchOrder(job.schools);
  const largest = Math.max(...job.sizes);
  // A shared search takes about half the schools here: room for that, grown if need be.
  const expected = job.taken ? ordered.length >> 1 : ordered.length;
  // A shared search's families go to shared memory: the other thread can then judge them
  // with nothing copied.
  const make = job.taken ? SHARED_ARRAYS : LOCAL_ARRAYS;
  // Each size's families laid out as they are found: members grow as needed, offsets are set per school.
  const offsets = job.sizes.map(() => make.int32(ordered.length + 1));
  const members = job.sizes.map((size) => new Growable((n) => make.int32(n), expected * size));
  const schools = make.int32(ordered.length);
  let k = 0;
  let last = -1;
  for (const run of searchRuns(ordered, job.taken)) {
    for (const i of run) {
      const p = index.pointOf[i];
      if (p !== last) index.candidates(p, largest);
      last = p;
      schools[k] = i;
      for (let s = 0; s < members.length; s++) {
        index.familyFromCandidates(i, job.sizes[s], job.tiesAll, members[s]);
        offsets[s][k + 1] = members[s].length;
      }
      k++;
    }
  }
  // Views, not copies: a copy of every member would cost more than the room left unused.
  return members.map((m, s) => ({ schools: schools.subarray(0, k), offsets: offsets[s].subarray(0, k + 1), members: m.values() }));
}

/** The runs of `ordered` this thread takes: all of it at once without `taken`, else the
 * next run not yet taken by any thread, until none is left (see NeighbourJob). */
export function* searchRuns(ordered: Int32Array, taken?: Int32Array): Generator<Int32Array> {
  if (!taken) {
    yield ordered;
    return;
  }
  const runs = Math.min(RUNS, ordered.length);
  for (let r = Atomics.add(taken, 0, 1); r < runs; r = Atomics.add(taken, 0, 1)) {
    yield ordered.subarray(Math.floor((ordered.length * r) / runs), Math.floor((ordered.length * (r + 1)) / runs));
  }
}

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
