import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildKdTree, KdTree, PointList } from '../../../src/core/families/kdTree.js';

/**
 * KdTree.nearest's contract, straight: the squared distance D at which the points nearest
 * q first hold `need` schools (q's own weight less `selfLess`); every point (of positive
 * weight) within D·(1 + slack)², by distance then point; all of them when they hold fewer.
 */
function bruteNearest(coords: Float64Array, dims: number, weight: Int32Array, q: number, need: number, selfLess: number, slack: number): [number, number][] {
  const all: [number, number][] = [];
  for (let p = 0; p < weight.length; p++) {
    let d2 = 0;
    for (let d = 0; d < dims; d++) d2 += (coords[p * dims + d] - coords[q * dims + d]) ** 2;
    if (weight[p] - (p === q ? selfLess : 0) > 0) all.push([p, d2]);
  }
  all.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  let total = 0;
  let bound = Infinity;
  for (const [p, d2] of all) {
    total += weight[p] - (p === q ? selfLess : 0);
    if (total >= need) {
      bound = d2 * (1 + slack) ** 2;
      break;
    }
  }
  return all.filter(([, d2]) => d2 <= bound).map(([p, d2]) => [p, Math.sqrt(d2)]);
}

describe('KdTree', () => {
  // Up to 300 points on a coarse grid (many exact ties, several levels of the tree),
  // weights of 1 to 3, queried in tree order (as the search does) and in id order.
  const cases = fc.record({
    dims: fc.integer({ min: 2, max: 4 }),
    n: fc.integer({ min: 1, max: 300 }),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    need: fc.integer({ min: 1, max: 45 }),
    grid: fc.integer({ min: 2, max: 12 }),
  });

  it('finds what the brute force finds, ties and weights included, in any query order (property)', () => {
    fc.assert(
      fc.property(cases, ({ dims, n, seed, need, grid }) => {
        let x = seed;
        const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
        const coords = Float64Array.from({ length: n * dims }, () => Math.floor(next() * grid) / 3);
        const weight = Int32Array.from({ length: n }, () => 1 + Math.floor(next() * next() * 3));
        const tree = new KdTree(buildKdTree(coords, dims, weight));
        const out = new PointList();
        const got: string[] = [];
        const want: string[] = [];
        for (const order of [tree.perm, Int32Array.from({ length: n }, (_, i) => i)]) {
          for (const q of order) {
            tree.nearest(q, need, 1, 1e-8, out);
            got.push(Array.from({ length: out.n }, (_, k) => `${out.p[k]}:${out.d[k]}`).join(' '));
            want.push(bruteNearest(coords, dims, weight, q, need, 1, 1e-8).map(([p, d]) => `${p}:${d}`).join(' '));
          }
        }
        expect(got).toEqual(want);
      }),
      { numRuns: 20 },
    );
  });
});
