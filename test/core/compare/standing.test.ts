import fc from 'fast-check';
import { median, mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { labelFor, sortedFamily, standing } from '../../../src/core/compare/standing.js';

describe('standing', () => {
  it('matches a family worked by hand', () => {
    // Family 40, 50, 60, 70; school 70. Others 40, 50, 60: median 50, mean 50,
    // SD √((100+0+100)/2) = 10; gap 20; z 2; rank 1; percentile 3/3 = 100.
    const s = standing(sortedFamily([60, 40, 70, 50]), 70, false);
    expect(s).toEqual({ size: 4, median: 50, mean: 50, sd: 10, gap: 20, z: 2, rank: 1, percentile: 100, label: 'well above' });
  });

  it('shares the better rank on ties and counts equal others as half', () => {
    // 40, 50, 50, 60; school 50: one better → rank 2; others 40, 50, 60:
    // below 1, equal 1 → (1 + 0.5)/3 = 50%.
    const s = standing(sortedFamily([40, 50, 50, 60]), 50, false);
    expect(s.rank).toBe(2);
    expect(s.percentile).toBeCloseTo(50, 12);
    expect(s.median).toBe(50);
  });

  it('turns round rank, percentile and label, not gap or z, when lower is better', () => {
    // Absence: 4, 6, 8; school 4. Others 6, 8: mean 7, SD √2, z = −3/√2 ≈ −2.12.
    const s = standing(sortedFamily([4, 6, 8]), 4, true);
    expect(s.rank).toBe(1);
    expect(s.percentile).toBe(100);
    expect(s.gap).toBe(-3);
    expect(s.z).toBeCloseTo(-3 / Math.SQRT2, 12);
    expect(s.label).toBe('well above');
  });

  it('leaves z and label empty when the others are all equal or fewer than two', () => {
    expect(standing(sortedFamily([50, 50, 60]), 60, false)).toMatchObject({ sd: 0, z: null, label: null, gap: 10 });
    expect(standing(sortedFamily([50, 60]), 60, false)).toMatchObject({ sd: null, z: null, median: 50 });
    expect(standing(sortedFamily([60]), 60, false)).toMatchObject({ median: null, rank: 1, percentile: null });
  });

  it('labels at the docs/methodology.md cut points', () => {
    expect([1, 0.99, 0.5, 0.49, -0.49, -0.5, -0.99, -1].map(labelFor)).toEqual(['well above', 'above', 'above', 'close to', 'close to', 'below', 'below', 'well below']);
  });

  it('equals simple-statistics over the others for any family (property)', () => {
    const value = fc.integer({ min: 0, max: 800 }).map((v) => v / 10);
    fc.assert(
      fc.property(fc.array(value, { minLength: 3, maxLength: 40 }), fc.nat(), fc.boolean(), (values, pick, lower) => {
        const self = values[pick % values.length];
        const others = [...values];
        others.splice(others.indexOf(self), 1);
        const s = standing(sortedFamily(values), self, lower);
        expect(s.median).toBeCloseTo(median(others), 9);
        expect(s.mean).toBeCloseTo(mean(others), 9);
        const sd = sampleStandardDeviation(others);
        expect(s.sd).toBeCloseTo(sd, 7);
        if (new Set(others).size > 1) expect(s.z!).toBeCloseTo((self - mean(others)) / sd, 6);
        const better = values.filter((v) => (lower ? v < self : v > self)).length;
        expect(s.rank).toBe(1 + better);
        const worse = others.filter((v) => (lower ? v > self : v < self)).length;
        const equal = others.filter((v) => v === self).length;
        expect(s.percentile).toBeCloseTo(((worse + equal / 2) / others.length) * 100, 9);
      }),
    );
  });

  it('does not depend on the order of the values (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 30 }), fc.nat(), (values, pick) => {
        const self = values[pick % values.length];
        expect(standing(sortedFamily([...values].reverse()), self, false)).toEqual(standing(sortedFamily(values), self, false));
      }),
    );
  });

  it('sorts a scratch buffer in place as it sorts a copy, short and long (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 120 }), fc.integer({ min: 0, max: 10 }), (values, extra) => {
        const scratch = new Float64Array(values.length + extra).fill(999);
        scratch.set(values);
        const inPlace = sortedFamily(scratch, values.length);
        const copy = sortedFamily(values);
        expect({ ...inPlace, values: inPlace.values.subarray(0, inPlace.n) }).toEqual(copy);
        // Past n the buffer is untouched, and standing reads only the first n.
        expect(Array.from(scratch.subarray(values.length))).toEqual(Array(extra).fill(999));
        for (const self of new Set(values)) expect(standing(inPlace, self, false)).toEqual(standing(copy, self, false));
      }),
      { numRuns: 300 },
    );
  });
});
