import { describe, expect, it } from 'vitest';
import { minMedianMax } from '../../src/core/minMedianMax.js';

describe('minMedianMax', () => {
  it('gives the lowest, the median (R type 7) and the highest, NaN left out; worked by hand', () => {
    // Sorted 1, 1, 3, 4: median halfway between the 2nd and 3rd, (1 + 3) / 2 = 2.
    expect(minMedianMax([3, 1, NaN, 4, 1])).toEqual({ min: 1, median: 2, max: 4 });
    expect(minMedianMax(new Float64Array([7]))).toEqual({ min: 7, median: 7, max: 7 });
    expect(minMedianMax([NaN])).toEqual({ min: null, median: null, max: null });
  });
});
