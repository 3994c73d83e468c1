import { describe, expect, it } from 'vitest';
import { againstTheOdds } from '../../../src/core/odds/againstTheOdds.js';
import { regressOnFsm } from '../../../src/core/odds/regressOnFsm.js';
import { school } from '../../helpers/schools.js';

describe('against the odds', () => {
  it('fits the line of the measure on FSM', () => {
    // Exact line: measure = 60 − 0.4·FSM.
    const line = regressOnFsm([school('1', 0, 60), school('2', 50, 40), school('3', 100, 20)]);
    expect(line.slope).toBeCloseTo(-0.4, 12);
    expect(line.intercept).toBeCloseTo(60, 12);
    expect(line.r2).toBeCloseTo(1, 12);
  });

  it('crosses FSM bands with quartiles (R type 7) and lists high-FSM schools in the top half', () => {
    // Measures 10..80 step 10 (n = 8). R: quantile(seq(10,80,10), c(.25,.5,.75)) → 27.5 45 62.5
    const s = [
      school('1', 2, 10), school('2', 3, 20), school('3', 6, 30), school('4', 7, 40),
      school('5', 36, 50), school('6', 40, 60), school('7', 55, 70), school('8', 60, 80),
    ];
    const r = againstTheOdds(s, { bands: [0, 5, 35, 50, 100], highFsm: 35, lowerIsBetter: false });
    expect(r.cuts).toEqual([27.5, 45, 62.5]);
    expect(r.bands.map((b) => b.counts)).toEqual([[0, 0, 0, 2], [0, 0, 2, 0], [0, 2, 0, 0], [2, 0, 0, 0]]);
    expect(r.bands.map((b) => b.high)).toEqual([false, false, true, true]);
    expect(r.againstTheOdds.map((x) => x.school.id)).toEqual(['8', '7', '6', '5']);
  });

  it('puts a value on a cut point in the better quartile', () => {
    // 1, 2, 3, 4, 5: cuts 2, 3, 4 → 4 is top, 3 second, 2 third.
    const s = [1, 2, 3, 4, 5].map((m, k) => school(String(k), k * 10, m));
    const q = againstTheOdds(s, { bands: [0, 100], highFsm: 35, lowerIsBetter: false }).schools.map((x) => x.quartile);
    expect(q).toEqual([4, 3, 2, 1, 1]);
    const low = againstTheOdds(s, { bands: [0, 100], highFsm: 35, lowerIsBetter: true }).schools.map((x) => x.quartile);
    expect(low).toEqual([1, 1, 2, 3, 4]);
  });

  it('refuses schools outside the band edges, as bands families do, never leaves them out of the table', () => {
    const s = [school('1', 2, 10), school('2', 5, 20), school('3', 30, 30), school('4', 60, 40)];
    expect(() => againstTheOdds(s, { bands: [10, 100], highFsm: 35, lowerIsBetter: false })).toThrow(/2 schools have a % FSM outside the bands 10,100 \(the first: school 1, 2%\)/);
    expect(againstTheOdds(s, { bands: [0, 10, 100], highFsm: 35, lowerIsBetter: false }).bands.map((b) => b.total)).toEqual([2, 2]);
  });
});

