import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalText, neutralise } from '../../src/report/cells.js';
import { roundTo } from '../../src/report/model.js';

describe('decimalText', () => {
  it('rounds to 4 decimals and writes the shortest form (worked by hand)', () => {
    expect(decimalText(-1.23456)).toBe('-1.2346');
    expect(decimalText(8.84540001)).toBe('8.8454');
    expect(decimalText(2.5)).toBe('2.5');
    expect(decimalText(0.00005)).toBe('0.0001');
    expect(decimalText(0.0102)).toBe('0.0102');
    expect(decimalText(-0.00004)).toBe('0');
    expect(decimalText(-0)).toBe('0');
    expect(decimalText(70)).toBe('70');
  });

  it('equals String(roundTo(x, 4)) for every four decimals', () => {
    for (let f = 0; f < 1e4; f++) for (const x of [f / 1e4, -(12 + f / 1e4)]) expect(decimalText(x)).toBe(String(roundTo(x, 4)));
  });

  it('equals String(roundTo(x, 4)) for any number (property)', () => {
    const x = fc.oneof(
      fc.double({ noNaN: true }),
      fc.double({ min: -1000, max: 1000, noNaN: true }),
      // Exact ten-thousandths, and halves between them, near and past ±2³¹ ten-thousandths.
      fc.integer({ min: -(2 ** 32), max: 2 ** 32 }).map((m) => m / 1e4),
      fc.integer({ min: -(2 ** 32), max: 2 ** 32 }).map((m) => (m + 0.5) / 1e4),
      fc.constantFrom(NaN, Infinity, -Infinity, -0, 214748.3647, -214748.3648, 1e-7),
    );
    fc.assert(fc.property(x, (v) => {
        expect(decimalText(v)).toBe(String(roundTo(v, 4)));
      }), { numRuns: 2000 });
  });
});

describe('neutralise', () => {
  it('puts an apostrophe before text a spreadsheet would run as a formula, and only then', () => {
    for (const t of ['=1+1', '+44', '-3', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(t)).toBe(`'${t}`);
    for (const t of ['', 'St Mary', '1-2', ' =x', "'=x"]) expect(neutralise(t)).toBe(t);
  });
});
