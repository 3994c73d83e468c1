/**
 * A k-d tree over weighted points (Bentley 1975, "Multidimensional binary search trees used
 * for associative searching"): median splits on the widest dimension, leaves of up to 8
 * points. Built in O(n log n) with quickselect; a nearest-neighbour query visits O(log n)
 * nodes on spread-out data. Each point has a weight (the number of schools at it), so a
 * query can ask for "enough points to hold k schools".
 */
const LEAF = 8;

export class KdTree {
  private readonly perm: Int32Array;
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private readonly dim: number[] = [];
  private readonly split: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  // Max-heap of (squared distance, point) for queries; reused.
  private heapD = new Float64Array(64);
  private heapP = new Int32Array(64);
  private heapSize = 0;

  constructor(
    private readonly coords: Float64Array,
    private readonly dims: number,
    private readonly weight: Int32Array,
  ) {
    const n = weight.length;
    this.perm = new Int32Array(n);
    for (let i = 0; i < n; i++) this.perm[i] = i;
    if (n > 0) this.build(0, n);
  }

  private build(lo: number, hi: number): number {
    const node = this.start.length;
    this.start.push(lo);
    this.end.push(hi);
    this.dim.push(-1);
    this.split.push(0);
    this.left.push(-1);
    this.right.push(-1);
    if (hi - lo <= LEAF) return node;
    // Widest dimension.
    let best = 0;
    let bestSpread = -1;
    for (let d = 0; d < this.dims; d++) {
      let min = Infinity;
      let max = -Infinity;
      for (let i = lo; i < hi; i++) {
        const v = this.coords[this.perm[i] * this.dims + d];
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min > bestSpread) {
        bestSpread = max - min;
        best = d;
      }
    }
    const mid = (lo + hi) >> 1;
    this.select(lo, hi - 1, mid, best);
    this.dim[node] = best;
    this.split[node] = this.coords[this.perm[mid] * this.dims + best];
    this.left[node] = this.build(lo, mid);
    this.right[node] = this.build(mid, hi);
    return node;
  }

  /** Hoare's quickselect: perm[k] gets the point that belongs there in order of dimension d. */
  private select(lo: number, hi: number, k: number, d: number) {
    const p = this.perm;
    const c = this.coords;
    const D = this.dims;
    while (hi > lo) {
      const pivot = c[p[(lo + hi) >> 1] * D + d];
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (c[p[i] * D + d] < pivot) i++;
        while (c[p[j] * D + d] > pivot) j--;
        if (i <= j) {
          const t = p[i];
          p[i] = p[j];
          p[j] = t;
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
   * The distance within which the nearest points hold at least `need` schools, the
   * query point's own weight reduced by `selfWeightLess` (the school itself). Infinity
   * when all points together hold fewer.
   */
  kthDistance(q: number, need: number, selfWeightLess: number): number {
    this.heapSize = 0;
    let total = 0;
    const D = this.dims;
    const c = this.coords;
    const visit = (node: number) => {
      const d = this.dim[node];
      if (d < 0) {
        for (let i = this.start[node]; i < this.end[node]; i++) {
          const p = this.perm[i];
          const w = this.weight[p] - (p === q ? selfWeightLess : 0);
          if (w <= 0) continue;
          let d2 = 0;
          for (let k = 0; k < D; k++) {
            const diff = c[p * D + k] - c[q * D + k];
            d2 += diff * diff;
          }
          if (total >= need && d2 >= this.heapD[0]) continue;
          this.push(d2, p);
          total += w;
          while (this.heapSize > 1 && total - this.weightOf(this.heapP[0], q, selfWeightLess) >= need) {
            total -= this.weightOf(this.heapP[0], q, selfWeightLess);
            this.pop();
          }
        }
        return;
      }
      const diff = c[q * D + d] - this.split[node];
      const near = diff < 0 ? this.left[node] : this.right[node];
      const far = diff < 0 ? this.right[node] : this.left[node];
      visit(near);
      if (total < need || diff * diff <= this.heapD[0]) visit(far);
    };
    if (this.weight.length) visit(0);
    return total >= need ? Math.sqrt(this.heapD[0]) : Infinity;
  }

  /** Every point within `radius` of point q, with its distance, appended to out arrays. */
  within(q: number, radius: number, outP: number[], outD: number[]) {
    const D = this.dims;
    const c = this.coords;
    const r2 = radius === Infinity ? Infinity : radius * radius;
    const visit = (node: number) => {
      const d = this.dim[node];
      if (d < 0) {
        for (let i = this.start[node]; i < this.end[node]; i++) {
          const p = this.perm[i];
          let d2 = 0;
          for (let k = 0; k < D; k++) {
            const diff = c[p * D + k] - c[q * D + k];
            d2 += diff * diff;
          }
          if (d2 <= r2) {
            outP.push(p);
            outD.push(Math.sqrt(d2));
          }
        }
        return;
      }
      const diff = c[q * D + d] - this.split[node];
      if (diff < 0 || diff * diff <= r2) visit(this.left[node]);
      if (diff >= 0 || diff * diff <= r2) visit(this.right[node]);
    };
    if (this.weight.length) visit(0);
  }

  private weightOf(p: number, q: number, less: number): number {
    return this.weight[p] - (p === q ? less : 0);
  }

  private push(d2: number, p: number) {
    if (this.heapSize === this.heapD.length) {
      const d = new Float64Array(this.heapD.length * 2);
      d.set(this.heapD);
      this.heapD = d;
      const pp = new Int32Array(this.heapP.length * 2);
      pp.set(this.heapP);
      this.heapP = pp;
    }
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.heapD[parent] >= d2) break;
      this.heapD[i] = this.heapD[parent];
      this.heapP[i] = this.heapP[parent];
      i = parent;
    }
    this.heapD[i] = d2;
    this.heapP[i] = p;
  }

  private pop() {
    const n = --this.heapSize;
    const d2 = this.heapD[n];
    const p = this.heapP[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.heapD[child + 1] > this.heapD[child]) child++;
      if (this.heapD[child] <= d2) break;
      this.heapD[i] = this.heapD[child];
      this.heapP[i] = this.heapP[child];
      i = child;
    }
    this.heapD[i] = d2;
    this.heapP[i] = p;
  }
}
