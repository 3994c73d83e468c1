import { LOCAL_ARRAYS, type ArrayMaker } from './arrayMaker.js';

const LEAF = 32;

/** What a tree is made of: plain arrays, so a tree can be made again over them as they
 * are (new KdTree(arrays)), with nothing copied. */
export interface KdTreeArrays {
  /** The points: row-major coordinates and weights, in point order. */
  coords: Float64Array;
  weight: Int32Array;
  dims: number;
  /** Points in leaf order: queries taken in this order walk the tree with a warm cache. */
  perm: Int32Array;
  /** Node k holds points perm[lo[k] .. hi[k]); a leaf has dim −1, else it splits on
   * dimension dim[k] at split[k] into left[k] and right[k]. */
  lo: Int32Array;
  hi: Int32Array;
  dim: Int32Array;
  split: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** Node k's bounding box: its points' least coordinates at box[2·dims·k ..], then their greatest. */
  box: Float64Array;
  /** Coordinates and weights in leaf order (so a leaf scan reads memory in sequence). */
  sc: Float64Array;
  sw: Int32Array;
}

/** A tree built over points (row-major coordinates) and their weights, its arrays made by
 * `make`. The points are moved into leaf order as the tree is built (sc, sw and perm
 * together), so each split reads its coordinates in sequence. */
export function buildKdTree(coords: Float64Array, dims: number, weight: Int32Array, make: ArrayMaker = LOCAL_ARRAYS): KdTreeArrays {
  const n = weight.length;
  const perm = make.int32(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const max = Math.max(1, 2 * Math.ceil(n / (LEAF / 2)) + 1);
  const t: KdTreeArrays = { coords, weight, dims, perm, lo: make.int32(max), hi: make.int32(max), dim: make.int32(max), split: make.float64(max), left: make.int32(max), right: make.int32(max), box: make.float64(2 * dims * max), sc: make.float64(n * dims), sw: make.int32(n) };
  const { sc, sw } = t;
  sc.set(coords.subarray(0, n * dims));
  sw.set(weight);
  let nodes = 0;
  const build = (lo: number, hi: number): number => {
    const node = nodes++;
    t.lo[node] = lo;
    t.hi[node] = hi;
    t.dim[node] = -1;
    if (hi - lo <= LEAF) {
      for (let d = 0; d < dims; d++) {
        let min = Infinity;
        let max = -Infinity;
        for (let i = lo; i < hi; i++) {
          const v = sc[i * dims + d];
          if (v < min) min = v;
          if (v > max) max = v;
        }
        t.box[2 * dims * node + d] = min;
        t.box[2 * dims * node + dims + d] = max;
      }
      return node;
    }
    let best = 0;
    let bestSpread = -1;
    // The widest dimension, judged on at most about 64 of the node's points: any split
    // gives exact answers, and a sample picks nearly as well at a fraction of the cost.
    const step = Math.max(1, ((hi - lo) / 64) | 0);
    for (let d = 0; d < dims; d++) {
      let min = Infinity;
      let max = -Infinity;
      for (let i = lo; i < hi; i += step) {
        const v = sc[i * dims + d];
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min > bestSpread) {
        bestSpread = max - min;
        best = d;
      }
    }
    const mid = (lo + hi) >> 1;
    select(t, lo, hi - 1, mid, best);
    t.dim[node] = best;
    t.split[node] = sc[mid * dims + best];
    const l = (t.left[node] = build(lo, mid));
    const r = (t.right[node] = build(mid, hi));
    for (let d = 0; d < 2 * dims; d++) {
      const a = t.box[2 * dims * l + d];
      const b = t.box[2 * dims * r + d];
      t.box[2 * dims * node + d] = d < dims ? Math.min(a, b) : Math.max(a, b);
    }
    return node;
  };
  if (n > 0) build(0, n);
  return t;
}

/** Hoare's quickselect: point k of the tree's points (sc, sw, perm) gets the point that
 * belongs there in order of dimension d. */
function select({ sc: c, sw: w, perm: p, dims: D }: KdTreeArrays, lo: number, hi: number, k: number, d: number) {
  while (hi > lo) {
    const pivot = c[((lo + hi) >> 1) * D + d];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (c[i * D + d] < pivot) i++;
      while (c[j * D + d] > pivot) j--;
      if (i <= j) {
        const x = p[i];
        p[i] = p[j];
        p[j] = x;
        const y = w[i];
        w[i] = w[j];
        w[j] = y;
        for (let e = 0; e < D; e++) {
          const z = c[i * D + e];
          c[i * D + e] = c[j * D + e];
          c[j * D + e] = z;
        }
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Points and their distances from a query, nearest first: p[0 .. n) and d[0 .. n), in
 * arrays that grow as needed and are reused from query to query. */
export class PointList {
  p = new Int32Array(64);
  d = new Float64Array(64);
  n = 0;

  push(p: number, d: number): void {
    if (this.n === this.p.length) this.grow();
    this.p[this.n] = p;
    this.d[this.n++] = d;
  }

  /** Twice the room, the points kept. */
  grow(): void {
    const pp = new Int32Array(2 * this.p.length);
    pp.set(this.p);
    this.p = pp;
    const dd = new Float64Array(2 * this.d.length);
    dd.set(this.d);
    this.d = dd;
  }
}

/**
 * A k-d tree over weighted points (Bentley 1975, "Multidimensional binary search trees used
 * for associative searching"): median splits on the widest dimension, leaves of up to 32
 * points, each node with the bounding box of its points. Built in O(n log n) with
 * quickselect; a nearest-neighbour query visits O(log n) nodes on spread-out data. Each
 * point has a weight (the number of schools at it), so a query asks for "the nearest
 * points that hold `need` schools".
 */
export class KdTree {
  readonly perm: Int32Array;
  private readonly coords: Float64Array;
  private readonly weight: Int32Array;
  private readonly dims: number;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly dim: Int32Array;
  private readonly split: Float64Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly box: Float64Array;
  private readonly sc: Float64Array;
  private readonly sw: Int32Array;
  // Scratch, reused across queries: the query point; the nodes still to visit, with the
  // squared distance to their box (a path holds one per level).
  private readonly qc: Float64Array;
  private readonly stackN = new Int32Array(128);
  private readonly stackR = new Float64Array(128);

  /** A tree over its arrays as they are (built by buildKdTree). */
  constructor(readonly arrays: KdTreeArrays) {
    ({ coords: this.coords, weight: this.weight, dims: this.dims, perm: this.perm, lo: this.lo, hi: this.hi, dim: this.dim, split: this.split, left: this.left, right: this.right, box: this.box, sc: this.sc, sw: this.sw } = arrays);
    this.qc = new Float64Array(this.dims);
  }

  /**
   * The nearest points to point q that together hold at least `need` schools (q's own
   * weight less `selfLess`, the school itself), plus every point whose distance is within
   * a factor (1 + slack) of the farthest of them, so its whole tie group is there: into
   * `out` (emptied first), nearest first, by distance then point. All points when they hold
   * fewer. `within`: no point farther than this is needed. Nodes are visited near side
   * first, and pruned by the distance to their box. `out` is kept sorted as points are
   * found (an insertion sort: some 20 of them), cut back to what is still needed each time.
   */
  nearest(q: number, need: number, selfLess: number, slack: number, out: PointList, within = Infinity): void {
    const { dims: D, sc, sw, perm, lo, hi, dim, split, left, right, box, qc, stackN, stackR, weight } = this;
    const grow = (1 + slack) * (1 + slack);
    for (let d = 0; d < D; d++) qc[d] = this.coords[q * D + d];
    const x = qc[0];
    const y = D > 1 ? qc[1] : 0;
    const z = D > 2 ? qc[2] : 0;
    // out holds len points by squared distance (od) then point (op). Once they hold
    // `need`, `cut` is the first point at which they do (the schools up to it: held), and
    // only points within its distance × grow are kept.
    let od = out.d;
    let op = out.p;
    let len = 0;
    let held = 0;
    let cut = -1;
    // Squared distance beyond which nothing is needed: the caller's bound, then cut's.
    let limit = within * within * grow;
    let sp = 0;
    if (weight.length) {
      stackN[0] = 0;
      stackR[0] = 0;
      sp = 1;
    }
    while (sp > 0) {
      sp--;
      if (stackR[sp] > limit) continue;
      let node = stackN[sp];
      // Down to the leaf on the query's side, leaving each far side for later.
      while (dim[node] >= 0) {
        const diff = qc[dim[node]] - split[node];
        const far = diff < 0 ? right[node] : left[node];
        node = diff < 0 ? left[node] : right[node];
        // The squared distance to the far side's box, summed in dimension order.
        let r = 0;
        for (let d = 0, at = 2 * D * far; d < D; d++, at++) {
          const v = qc[d];
          const gap = v < box[at] ? box[at] - v : v > box[at + D] ? v - box[at + D] : 0;
          r += gap * gap;
        }
        if (r <= limit) {
          stackN[sp] = far;
          stackR[sp] = r;
          sp++;
        }
      }
      const end = hi[node];
      for (let i = lo[node]; i < end; i++) {
        // The squared distance, summed in dimension order (three dimensions written out).
        let d2: number;
        if (D === 3) {
          const a = sc[3 * i] - x;
          const b = sc[3 * i + 1] - y;
          const c = sc[3 * i + 2] - z;
          d2 = a * a + b * b + c * c;
        } else {
          d2 = 0;
          for (let k = 0; k < D; k++) {
            const diff = sc[i * D + k] - qc[k];
            d2 += diff * diff;
          }
        }
        if (d2 > limit) continue;
        const p = perm[i];
        const w = sw[i] - (p === q ? selfLess : 0);
        if (w <= 0) continue;
        if (len === od.length) {
          out.grow();
          od = out.d;
          op = out.p;
        }
        let j = len++;
        while (j > 0 && (od[j - 1] > d2 || (od[j - 1] === d2 && op[j - 1] > p))) {
          od[j] = od[j - 1];
          op[j] = op[j - 1];
          j--;
        }
        od[j] = d2;
        op[j] = p;
        if (cut >= 0) {
          // Past the cut it changes nothing; before it, the cut moves back while the
          // points before it still hold `need`.
          if (j > cut) continue;
          held += w;
          cut++;
          for (;;) {
            const wc = weight[op[cut]] - (op[cut] === q ? selfLess : 0);
            if (held - wc < need) break;
            held -= wc;
            cut--;
          }
        } else {
          held += w;
          if (held < need) continue;
          // The first time they hold `need`: find where, from the nearest.
          held = 0;
          for (cut = 0; ; cut++) {
            held += weight[op[cut]] - (op[cut] === q ? selfLess : 0);
            if (held >= need) break;
          }
        }
        limit = Math.min(limit, od[cut] * grow);
        while (len > cut + 1 && od[len - 1] > limit) len--;
      }
    }
    out.n = len;
    for (let k = 0; k < len; k++) od[k] = Math.sqrt(od[k]);
  }
}
