import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOf, bands, DEFAULT_BANDS } from '../../../src/core/families/bands.js';
import { groupValues } from '../../../src/core/families/disjointFamilies.js';
import { ckmeansFamilies } from '../../../src/core/families/ckmeansFamilies.js';
import { quantiles } from '../../../src/core/families/quantiles.js';
import { sizeFamilies } from '../../../src/core/families/sizeFamilies.js';
import { idRanks } from '../../../src/core/idOrder.js';

const ranksFor = (n: number) => idRanks(Array.from({ length: n }, (_, i) => String(i + 1)));

describe('bands', () => {
  it('puts the lower edge in its band and 100 in the last', () => {
    expect([0, 4.9, 5, 13, 34.9, 35, 50, 99.9, 100].map((x) => bandOf(x, DEFAULT_BANDS))).toEqual([0, 0, 1, 3, 4, 5, 6, 6, 6]);
    expect(bandOf(101, DEFAULT_BANDS)).toBe(-1);
  });

  it('numbers the bands that have schools from 1, lowest FSM first', () => {
    const f = bands([40, 2, 3, 60], ['a', 'b', 'c', 'd'], DEFAULT_BANDS);
    expect(Array.from(f.group)).toEqual([1, 0, 0, 2]);
    expect(f.count).toBe(3);
  });

  it('refuses a school outside the edges', () => {
    expect(() => bands([3, 20], ['a', 'b'], [5, 50])).toThrow(/outside the bands/);
  });
});

describe('groupValues', () => {
  it("gives each family's values in school order, an empty family nothing", () => {
    // By hand: schools 0..4 in families 1, 0, 1, 2, 0 (of 4; family 3 is empty).
    const f = { kind: 'disjoint' as const, group: Int32Array.of(1, 0, 1, 2, 0), count: 4 };
    const v = groupValues(f, Float64Array.of(10, 20, 30, 40, 50));
    expect(v.map((x) => Array.from(x))).toEqual([[20, 50], [10, 30], [40], []]);
  });
});

describe('quantiles', () => {
  it('cuts equal-count groups and never splits equal values', () => {
    expect(Array.from(quantiles([1, 2, 3, 4], ranksFor(4), 2).group)).toEqual([0, 0, 1, 1]);
    // 1, 2, 2, 2, 3, 4 in 2 groups: the 2s start at position 1 → all in group 0.
    expect(Array.from(quantiles([1, 2, 2, 2, 3, 4], ranksFor(6), 2).group)).toEqual([0, 0, 0, 0, 1, 1]);
  });
});

describe('size', () => {
  it('cuts consecutive families of N, a small remainder joining the last', () => {
    const count = (n: number, N: number) => {
      const f = sizeFamilies(Array.from({ length: n }, (_, i) => i), ranksFor(n), N);
      return Array.from({ length: f.count }, (_, g) => Array.from(f.group).filter((x) => x === g).length);
    };
    expect(count(45, 20)).toEqual([20, 25]); // remainder 5 < 10 joins
    expect(count(50, 20)).toEqual([20, 20, 10]); // remainder 10 ≥ 10 is its own
    expect(count(7, 20)).toEqual([7]);
  });

  it('orders ties in the index by id', () => {
    const f = sizeFamilies([5, 5, 5, 5], idRanks(['4', '3', '2', '1']), 2);
    expect(Array.from(f.group)).toEqual([1, 1, 0, 0]);
  });
});

describe('ckmeans', () => {
  /** Within-group sum of squares of the best contiguous split of sorted values into ≤ k groups (brute force). */
  function bestSse(sorted: number[], k: number): number {
    const n = sorted.length;
    const sse = (a: number, b: number) => {
      const part = sorted.slice(a, b);
      const m = part.reduce((x, y) => x + y, 0) / part.length;
      return part.reduce((x, y) => x + (y - m) ** 2, 0);
    };
    let best = Infinity;
    const go = (start: number, left: number, acc: number) => {
      if (start === n) {
        best = Math.min(best, acc);
        return;
      }
      if (left === 0) return;
      for (let end = start + 1; end <= n; end++) go(end, left - 1, acc + sse(start, end));
    };
    go(0, k, 0);
    return best;
  }

  it('finds the optimal split, as brute force does, and never splits equal values (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 11 }), fc.integer({ min: 1, max: 4 }), (ints, k) => {
        const values = ints.map((v) => v / 4);
        const f = ckmeansFamilies(values, ranksFor(values.length), k);
        const groups = Array.from({ length: f.count }, (_, g) => values.filter((_, i) => f.group[i] === g));
        const sse = groups.reduce((acc, g) => {
          const m = g.reduce((x, y) => x + y, 0) / g.length;
          return acc + g.reduce((x, y) => x + (y - m) ** 2, 0);
        }, 0);
        expect(sse).toBeCloseTo(bestSse([...values].sort((a, b) => a - b), Math.min(k, new Set(values).size)), 9);
        for (let i = 0; i < values.length; i++) for (let j = 0; j < values.length; j++) if (values[i] === values[j]) expect(f.group[i]).toBe(f.group[j]);
      }),
      { numRuns: 200 },
    );
  });
});
