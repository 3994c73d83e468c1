import { describe, expect, it } from 'vitest';
import { buildFamilies } from '../../../src/core/families/buildFamilies.js';
import { familySummaries } from '../../../src/core/families/familySummaries.js';
import { school, table } from '../../helpers/schools.js';

describe('familySummaries', () => {
  it('describes each band by hand-worked figures', () => {
    // Band 0–10%: measures 40, 50, 60 → median 50, mean 50, SD 10 (n − 1), p10 = 40 + 0.2·10 = 42,
    // p90 = 50 + 0.8·10 = 58 (R type 7: h = (n − 1)p). Band 10–100%: one school, SD null.
    const schools = [school('1', 2, 40), school('2', 5, 60), school('3', 8, 50), school('4', 30, 70)];
    const f = buildFamilies('2019', table(schools), { method: 'bands', size: 20, tiesAll: false, bands: [0, 10, 100], groups: 5, context: [{ name: 'fsm', weight: 1 }] });
    const [low, high] = familySummaries(f);
    expect(low).toEqual({ family: 1, size: 3, fsmMin: 2, fsmMax: 8, median: 50, mean: 50, sd: 10, p10: 42, p90: 58 });
    expect(high).toMatchObject({ family: 2, size: 1, fsmMin: 30, fsmMax: 30, median: 70, sd: null });
  });

  it('is empty for neighbours, whose families overlap', () => {
    const schools = [school('1', 2, 40), school('2', 5, 60), school('3', 8, 50)];
    expect(familySummaries(buildFamilies('2019', table(schools), { method: 'neighbours', size: 2, tiesAll: false, bands: [0, 100], groups: 2, context: [{ name: 'fsm', weight: 1 }] }))).toEqual([]);
  });
});
