import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointOrder } from '../../../src/core/families/pointOrder.js';

/** The order pointOrder replaces: a comparator sort on coordinates, then id rank. */
function byComparator(c: Float64Array, D: number, idRank: Int32Array): number[] {
  return Array.from({ length: idRank.length }, (_, i) => i).sort((a, b) => {
    for (let d = 0; d < D; d++) {
      const diff = c[a * D + d] - c[b * D + d];
      if (diff !== 0) return diff;
    }
    return idRank[a] - idRank[b];
  });
}

describe('pointOrder', () => {
  it('orders by coordinates, then by id rank (worked by hand)', () => {
    // Points (2, 1), (1, 5), (2, 0), (1, 5) with id ranks 0, 3, 1, 2:
    // (1, 5) twice → ranks 2 then 3 → schools 3, 1; then (2, 0) → 2; then (2, 1) → 0.
    const c = Float64Array.of(2, 1, 1, 5, 2, 0, 1, 5);
    expect(Array.from(pointOrder(c, 2, Int32Array.of(0, 3, 1, 2)))).toEqual([3, 1, 2, 0]);
  });

  it('equals a comparator sort, with ties, −0 and any id ranks, ranks looked up or sorted (property)', () => {
    const value = fc.oneof(fc.constantFrom(0, -0, 1, 2.5), fc.double({ min: -100, max: 100, noNaN: true }));
    const input = fc.integer({ min: 1, max: 3 }).chain((D) =>
      fc.integer({ min: 0, max: 40 }).chain((n) =>
        fc.record({
          D: fc.constant(D),
          coords: fc.array(value, { minLength: n * D, maxLength: n * D }),
          ranks: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
          // Small limits send dimensions with more distinct values to the sort.
          lookupLimit: fc.integer({ min: 0, max: 8 }),
        }),
      ),
    );
    fc.assert(
      fc.property(input, ({ D, coords, ranks, lookupLimit }) => {
        const c = Float64Array.from(coords);
        const idRank = Int32Array.from(ranks);
        expect(Array.from(pointOrder(c, D, idRank, lookupLimit))).toEqual(byComparator(c, D, idRank));
      }),
    );
  });
});
