import { describe, expect, it } from 'vitest';
import { contextBeside } from '../../../src/core/families/contextBeside.js';

describe('contextBeside', () => {
  // R: quantile(c(10, 12, 14, 16), c(0.05, 0.5, 0.95)) (type 7) → 10.3, 13, 15.7.
  it('gives the others’ range, median and middle 90% (R type 7), and flags a school outside it', () => {
    const b = contextBeside('fsm', 30, [16, 10, 14, 12])!;
    expect(b).toMatchObject({ min: 10, median: 13, max: 16, atEdge: true });
    expect(b.p5).toBeCloseTo(10.3, 10);
    expect(b.p95).toBeCloseTo(15.7, 10);
    expect(contextBeside('fsm', 15.7, [10, 12, 14, 16])!.atEdge).toBe(false);
    expect(contextBeside('fsm', 10.2, [10, 12, 14, 16])!.atEdge).toBe(true);
  });
  it('leaves missing values out, and gives nothing without a value or others', () => {
    expect(contextBeside('eal', 5, [NaN, 4, 6])).toMatchObject({ min: 4, median: 5, max: 6, atEdge: false });
    expect(contextBeside('eal', NaN, [1, 2])).toBeUndefined();
    expect(contextBeside('eal', 1, [NaN])).toBeUndefined();
  });
});
