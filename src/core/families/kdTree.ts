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
  /** Coordinates and weights in leaf order (so a leaf scan reads memory in sequence). */
  sc: Float64Array;
  sw: Int32Array;
}

/** A tree built over points (row-major coordinates) and their weights, its arrays made by `make`. */
export function buildKdTree(coords: Float64Array, dims: number, weight: Int32Array, make: ArrayMaker = LOCAL_ARRAYS): KdTreeArrays {
  const n = weight.length;
  const perm = make.int32(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const max = Math.max(1, 2 * Math.ceil(n / (LEAF / 2)) + 1);
  const t: KdTreeArrays = { coords, weight, dims, perm, lo: make.int32(max), hi: make.int32(max), dim: make.int32(max), split: make.float64(max), left: make.int32(max), right: make.int32(max), sc: make.float64(n * dims), sw: make.int32(n) };
  let nodes = 0;
  const build = (lo: number, hi: number): number => {
    const node = nodes++;
    t.lo[node] = lo;
    t.hi[node] = hi;
    t.dim[node] = -1;
    if (hi - lo <= LEAF) return node;
    let best = 0;
    let bestSpread = -1;
    // The widest dimension, judged on at most about 64 of the node's points: any split
    // gives exact answers, and a sample picks nearly as well at a fraction of the cost.
    const step = Math.max(1, ((hi - lo) / 64) | 0);
    for (let d = 0; d < dims; d++) {
      let min = Infinity;
      let max = -Infinity;
      for (let i = lo; i < hi; i += step) {
        const v = coords[perm[i] * dims + d];
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min > bestSpread) {
        bestSpread = max - min;
        best = d;
      }
    }
    const mid = (lo + hi) >> 1;
    select(perm, coords, dims, lo, hi - 1, mid, best);
    t.dim[node] = best;
    t.split[node] = coords[perm[mid] * dims + best];
    t.left[node] = build(lo, mid);
    t.right[node] = build(mid, hi);
    return node;
  };
  if (n > 0) build(0, n);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dims; d++) t.sc[i * dims + d] = coords[perm[i] * dims + d];
    t.sw[i] = weight[perm[i]];
  }
  return t;
}

/** Hoare's quickselect: p[k] gets the point that belongs there in order of dimension d. */
function select(p: Int32Array, c: Float64Array, D: number, lo: number, hi: number, k: number, d: number) {
  while (hi > lo) {
    const pivot = c[p[(lo + hi) >> 1] * D + d];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (c[p[i] * D + d] < pivot) i++;
      while (c[p[j] * D + d] > pivot) j--;
      if (i <= j) {
        const x = p[i];
        p[i] = p[j];
        p[j] = x;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * A k-d tree over weighted points (Bentley 1975, "Multidimensional binary search trees used
 * for associative searching"): median splits on the widest dimension, leaves of up to 32
 * points. Built in O(n log n) with quickselect; a nearest-neighbour query visits O(log n)
 * nodes on spread-out data. Each point has a weight (the number of schools at it), so a
 * query asks for "the nearest points that hold `need` schools".
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
  private readonly sc: Float64Array;
  private readonly sw: Int32Array;
  /** The query point's coordinates, and its offsets from the current cell (per dimension). */
  private readonly qc: Float64Array;
  private readonly off: Float64Array;
  // Max-heap of (squared distance, point) and near misses; reused across queries.
  private heapD = new Float64Array(64);
  private heapP = new Int32Array(64);
  private heapW = new Int32Array(64);
  private heapSize = 0;
  private missD: number[] = [];
  private missP: number[] = [];

  /** A tree over its arrays as they are (built by buildKdTree). */
  constructor(readonly arrays: KdTreeArrays) {
    ({ coords: this.coords, weight: this.weight, dims: this.dims, perm: this.perm, lo: this.lo, hi: this.hi, dim: this.dim, split: this.split, left: this.left, right: this.right, sc: this.sc, sw: this.sw } = arrays);
    this.off = new Float64Array(this.dims);
    this.qc = new Float64Array(this.dims);
  }

  /**
   * The nearest points to point q that together hold at least `need` schools (q's own
   * weight less `selfLess`, the school itself), plus every point whose distance is within
   * a factor (1 + slack) of the farthest of them, so its whole tie group is there. Points
   * and distances go to outP/outD, nearest first. All points when they hold fewer.
   * Subtrees are pruned by the distance to their cell (Arya & Mount's incremental
   * distance), not only to the splitting plane.
   */
  nearest(q: number, need: number, selfLess: number, slack: number, outP: number[], outD: number[], within = Infinity) {
    this.q = q;
    this.need = need;
    this.selfLess = selfLess;
    this.grow = (1 + slack) * (1 + slack);
    this.total = 0;
    this.heapSize = 0;
    this.limit = within * within * this.grow;
    this.missD.length = 0;
    this.missP.length = 0;
    this.off.fill(0);
    for (let d = 0; d < this.dims; d++) this.qc[d] = this.coords[q * this.dims + d];
    if (this.weight.length) this.search(0, 0);
    const bound = this.total >= need ? this.heapD[0] * this.grow : Infinity;
    // Gather heap and near misses, then insertion-sort by distance (then point): ~20 items.
    const start = outP.length;
    for (let k = 0; k < this.heapSize; k++) {
      outP.push(this.heapP[k]);
      outD.push(this.heapD[k]);
    }
    for (let k = 0; k < this.missD.length; k++) {
      if (this.missD[k] <= bound) {
        outP.push(this.missP[k]);
        outD.push(this.missD[k]);
      }
    }
    for (let i = start + 1; i < outP.length; i++) {
      const d = outD[i];
      const p = outP[i];
      let j = i - 1;
      while (j >= start && (outD[j] > d || (outD[j] === d && outP[j] > p))) {
        outD[j + 1] = outD[j];
        outP[j + 1] = outP[j];
        j--;
      }
      outD[j + 1] = d;
      outP[j + 1] = p;
    }
    for (let i = start; i < outD.length; i++) outD[i] = Math.sqrt(outD[i]);
  }

  private q = 0;
  private need = 0;
  private selfLess = 0;
  private grow = 1;
  /** Squared distance beyond which nothing is needed: the caller's bound, then the heap's. */
  private limit = Infinity;
  private total = 0;

  private search(node: number, rd: number) {
    const d = this.dim[node];
    const D = this.dims;
    const qc = this.qc;
    if (d < 0) {
      const sc = this.sc;
      const q = this.q;
      const hi = this.hi[node];
      for (let i = this.lo[node]; i < hi; i++) {
        // The squared distance, summed in dimension order (three dimensions written out).
        let d2: number;
        if (D === 3) {
          const a = sc[3 * i] - qc[0];
          const b = sc[3 * i + 1] - qc[1];
          const c = sc[3 * i + 2] - qc[2];
          d2 = a * a + b * b + c * c;
        } else {
          d2 = 0;
          for (let k = 0; k < D; k++) {
            const diff = sc[i * D + k] - qc[k];
            d2 += diff * diff;
          }
        }
        if (d2 > this.limit) continue;
        const p = this.perm[i];
        const wp = this.sw[i] - (p === q ? this.selfLess : 0);
        if (wp <= 0) continue;
        if (this.total >= this.need && d2 >= this.heapD[0]) {
          this.miss(d2, p);
          continue;
        }
        this.push(d2, p, wp);
        this.total += wp;
        while (this.heapSize > 1) {
          const top = this.heapP[0];
          const wt = this.heapW[0];
          if (this.total - wt < this.need) break;
          this.total -= wt;
          const topD = this.heapD[0];
          this.pop();
          if (topD <= this.heapD[0] * this.grow) this.miss(topD, top);
        }
        if (this.total >= this.need && this.heapD[0] * this.grow < this.limit) this.limit = this.heapD[0] * this.grow;
      }
      return;
    }
    const diff = qc[d] - this.split[node];
    const near = diff < 0 ? this.left[node] : this.right[node];
    const far = diff < 0 ? this.right[node] : this.left[node];
    this.search(near, rd);
    const old = this.off[d];
    const rdFar = rd - old * old + diff * diff;
    if (rdFar <= this.limit) {
      this.off[d] = diff;
      this.search(far, rdFar);
      this.off[d] = old;
    }
  }

  private miss(d2: number, p: number) {
    this.missD.push(d2);
    this.missP.push(p);
  }

  private push(d2: number, p: number, w: number) {
    if (this.heapSize === this.heapD.length) {
      const d = new Float64Array(this.heapD.length * 2);
      d.set(this.heapD);
      this.heapD = d;
      const pp = new Int32Array(this.heapP.length * 2);
      pp.set(this.heapP);
      this.heapP = pp;
      const ww = new Int32Array(this.heapW.length * 2);
      ww.set(this.heapW);
      this.heapW = ww;
    }
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.heapD[parent] >= d2) break;
      this.heapD[i] = this.heapD[parent];
      this.heapP[i] = this.heapP[parent];
      this.heapW[i] = this.heapW[parent];
      i = parent;
    }
    this.heapD[i] = d2;
    this.heapP[i] = p;
    this.heapW[i] = w;
  }

  private pop() {
    const n = --this.heapSize;
    const d2 = this.heapD[n];
    const p = this.heapP[n];
    const w = this.heapW[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.heapD[child + 1] > this.heapD[child]) child++;
      if (this.heapD[child] <= d2) break;
      this.heapD[i] = this.heapD[child];
      this.heapP[i] = this.heapP[child];
      this.heapW[i] = this.heapW[child];
      i = child;
    }
    this.heapD[i] = d2;
    this.heapP[i] = p;
    this.heapW[i] = w;
  }
}
