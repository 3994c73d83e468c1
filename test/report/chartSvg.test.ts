import { describe, expect, it } from 'vitest';
import { barDomain, toVegaLite } from '../../src/report/chartSvg.js';
import { percentMeasure } from '../../src/report/percentMeasure.js';

const bars = (values: number[]) => values.map((value, k) => ({ name: `S${k}`, value, highlight: k === 0 }));

describe("the bar chart's value axis", () => {
  it('scores far from 0 (287–338): the axis starts near the least, not at 0', () => {
    // Spread 51 < 287; padded by a tenth of the spread, 5.1, on each side.
    const chart = { kind: 'bar' as const, title: 't', valueTitle: 'score', bars: bars([287, 301, 338]), reference: { value: 302, label: 'family median' } };
    const [lo, hi] = barDomain(chart)!;
    expect(lo).toBeCloseTo(281.9, 10);
    expect(hi).toBeCloseTo(343.1, 10);
    const x = (toVegaLite(chart).layer as { encoding: { x: Record<string, unknown> } }[])[0].encoding.x;
    expect(x).toMatchObject({ scale: { zero: false, domain: [lo, hi] }, stack: null });
  });

  it('from 0: a percentage, values spread wider than their distance from 0, or values on both sides of 0', () => {
    expect(barDomain({ bars: bars([70, 80, 95]), percent: true })).toBeUndefined();
    expect(barDomain({ bars: bars([20, 45, 70]) })).toBeUndefined(); // 20 < 3 × spread 50
    expect(barDomain({ bars: bars([29.4, 38, 47.2]) })).toBeUndefined(); // Attainment 8 of a family: 29.4 < 3 × 17.8
    expect(barDomain({ bars: bars([-0.4, 0.3]) })).toBeUndefined();
    const x = (toVegaLite({ kind: 'bar', title: 't', valueTitle: 'v', bars: bars([70, 80, 95]), percent: true }).layer as { encoding: { x: Record<string, unknown> } }[])[0].encoding.x;
    expect(x).toEqual({ field: 'value', type: 'quantitative', title: 'v', scale: { zero: false } });
  });

  it('all below 0 and far from it: likewise', () => {
    expect(barDomain({ bars: bars([-50, -40]) })).toEqual([-51, -39]); // 40 > 3 × 10; pad 1
  });

  it('percentages by name: DfE PT… and PNUM… columns, EES …_percent; not Attainment 8 or Progress 8', () => {
    expect(['PTRWM_EXP', 'PTL2BASICS_94', 'PNUMFSMEVER', 'expected_standard_pupil_percent', '% Proficient'].map(percentMeasure)).toEqual([true, true, true, true, true]);
    expect(['ATT8SCR', 'P8MEA', 'Mean Scale Score', 'avg_att8'].map(percentMeasure)).toEqual([false, false, false, false]);
  });
});
