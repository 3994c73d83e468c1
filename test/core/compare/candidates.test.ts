import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse.js';
import fc from 'fast-check';
import { compareFamilies, judgeData, judgeRow, judgeRows } from '../../../src/core/compare/compareFamilies.js';
import { comparisonColumns, UNJUDGED, WHYS } from '../../../src/core/compare/comparisons.js';
import { range } from '../../../src/core/range.js';
import { familyOver } from '../../../src/core/compare/standing.js';
import { consistency } from '../../../src/core/compare/consistency.js';
import { buildFamilies } from '../../../src/core/families/buildFamilies.js';
import { tableOfRows } from '../../../src/core/load/schoolTable.js';
import { school, table } from '../../helpers/schools.js';

const opts = { method: 'neighbours' as const, size: 5, tiesAll: false, bands: [0, 100], groups: 1, context: [{ name: 'fsm', weight: 1 }] };

describe('candidate partners', () => {
  // Five schools in one family (N = 5). Others of school 5 (measure 70): 40, 50, 50, 60 →
  // mean 50, SD √(200/3) ≈ 8.165, z ≈ 2.449; median 50.
  const five = [40, 50, 50, 60, 70].map((m, k) => school(String(k + 1), 10 + k, m));

  it('flags z ≥ threshold', () => {
    const c = compareFamilies(buildFamilies('2019', table(five), opts), { threshold: 1, lowerIsBetter: false, hasBounds: false });
    expect(c.get(4).z).toBeCloseTo(20 / Math.sqrt(200 / 3), 12);
    expect([0, 1, 2, 3, 4].map((i) => c.candidate(i))).toEqual([false, false, false, false, true]);
    const strict = compareFamilies(buildFamilies('2019', table(five), opts), { threshold: 2.5, lowerIsBetter: false, hasBounds: false });
    expect(strict.candidate(4)).toBe(false);
  });

  it('needs the lower bound strictly above the family median when there are bounds', () => {
    const withBounds = (lo: number | null) => five.map((s, k) => (k === 4 ? { ...s, ciLow: lo, ciHigh: 80 } : s));
    const rule = { threshold: 1, lowerIsBetter: false, hasBounds: true };
    expect(compareFamilies(buildFamilies('2019', table(withBounds(50.1)), opts), rule).candidate(4)).toBe(true);
    expect(compareFamilies(buildFamilies('2019', table(withBounds(50)), opts), rule).candidate(4)).toBe(false); // equal is not above
    const missing = compareFamilies(buildFamilies('2019', table(withBounds(null)), opts), rule).get(4);
    expect(missing.candidate).toBe(false);
    expect(missing.why).toBe('bound missing');
  });

  it('turns the rule round when lower is better', () => {
    const c = compareFamilies(buildFamilies('2019', table(five), opts), { threshold: 1, lowerIsBetter: true, hasBounds: false });
    expect([0, 1, 2, 3, 4].map((i) => c.candidate(i))).toEqual([true, false, false, false, false]);
  });

  it('runs year by year over each year’s eligible schools', () => {
    const y2018 = five.map((s) => ({ ...s, year: '2018' }));
    const years = analyse(
      [
        { year: '2018', schools: tableOfRows('2018', y2018), files: [], join: { matched: 5, attainmentOnly: 0, fsmOnly: 0, sameFile: true } },
        { year: '2019', schools: table([...five, school('6', 12, 45, { cohort: 5 })]), files: [], join: { matched: 6, attainmentOnly: 0, fsmOnly: 0, sameFile: true } },
      ],
      { eligibility: { minCohort: 11, includeSpecial: false, contextVars: [] }, families: opts, rule: { threshold: 1, lowerIsBetter: false, hasBounds: false } },
    );
    expect(years.map((y) => y.families.schools.length)).toEqual([5, 5]);
    expect(years[1].eligibility.excluded.map((e) => e.reason)).toEqual(['cohort below minimum']);
  });
});

describe('compareFamilies', () => {
  it('gives the same comparisons for some schools as for all (property)', () => {
    const row = fc.record({ fsm: fc.integer({ min: 0, max: 30 }), measure: fc.integer({ min: 20, max: 80 }), lo: fc.option(fc.integer({ min: -5, max: 5 })) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 50 }), fc.boolean(), fc.boolean(), fc.integer({ min: 2, max: 8 }), (rows, lowerIsBetter, hasBounds, size) => {
        const schools = rows.map((r, k) => school(String(10 + k), r.fsm, r.measure, { ciLow: r.lo === null ? null : r.measure + r.lo, ciHigh: r.lo === null ? null : r.measure - r.lo, context: { v: r.measure % 7 } }));
        const yf = buildFamilies('2019', table(schools), { ...opts, size, context: [...opts.context, { name: 'v', weight: 1 }] });
        const rule = { threshold: 0.5, lowerIsBetter, hasBounds };
        const alone = compareFamilies(yf, rule);
        const all = schools.map((_, i) => alone.get(i));
        const some = schools.map((_, i) => i).filter((i) => i % 3 !== 1);
        const part = compareFamilies(yf, rule, some);
        expect(some.map((i) => part.get(i))).toEqual(some.map((i) => all[i]));
        expect(part.candidate(1)).toBe(false); // not compared
      }),
      { numRuns: 150 },
    );
  });
});

describe('judging rows, leaving the surely-not candidates for later', () => {
  it('leaves only schools below the threshold, and gives the full comparison of every row when asked (property)', () => {
    let left = 0;
    const row = fc.record({ fsm: fc.integer({ min: 0, max: 30 }), measure: fc.oneof(fc.integer({ min: 20, max: 80 }), fc.double({ min: -3, max: 3, noNaN: true })) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 60 }), fc.boolean(), fc.constantFrom(-1, 0, 0.5, 1, 2), fc.integer({ min: 2, max: 12 }), (rows, lowerIsBetter, threshold, size) => {
        const schools = rows.map((r, k) => school(String(10 + k), r.fsm, r.measure, { ciLow: r.measure - 1, ciHigh: r.measure + 1 }));
        const yf = buildFamilies('2019', table(schools), { ...opts, size });
        if (yf.families.kind !== 'own') throw new Error('neighbours expected');
        const { offsets, members } = yf.families;
        const rule = { threshold, lowerIsBetter, hasBounds: true };
        const data = judgeData(yf, rule);
        // The simple path: every row judged in full.
        const full = comparisonColumns(schools.length);
        const f = familyOver(new Float64Array(4));
        for (let i = 0; i < schools.length; i++) judgeRow(data, members, offsets[i], offsets[i + 1] - offsets[i], i, rule, full, i, f);
        const quick = judgeRows(data, { schools: range(schools.length), offsets, members }, rule);
        left += quick.why.filter((w) => w === UNJUDGED).length;
        quick.why.forEach((w, i) => expect(w === UNJUDGED ? WHYS[full.why[i]] : w).toBe(w === UNJUDGED ? 'below threshold' : full.why[i]));
        const c = compareFamilies(yf, rule);
        schools.forEach((_, i) => {
          expect(c.candidate(i)).toBe(WHYS[full.why[i]] === 'qualifies');
          expect(c.get(i)).toMatchObject({ size: full.size[i], rank: full.rank[i], why: WHYS[full.why[i]] });
          expect([c.get(i).median, c.get(i).mean, c.get(i).sd, c.z(i)]).toEqual([full.median[i], full.mean[i], full.sd[i], full.z[i]].map((x) => (Number.isNaN(x) ? null : x)));
        });
      }),
      { numRuns: 200 },
    );
    expect(left).toBeGreaterThan(0);
  });
});

describe('consistency', () => {
  const h = (...c: boolean[]) => c.map((candidate, k) => ({ year: String(2015 + k), candidate }));
  it('counts candidates in the last N years the school has', () => {
    expect(consistency(h(true, false, true), { k: 2, n: 3 })).toMatchObject({ yearsCandidate: 2, yearsLoaded: 3, consistent: true });
    expect(consistency(h(true, true, false, false, true), { k: 2, n: 3 })).toMatchObject({ yearsCandidate: 1, yearsLoaded: 3, consistent: false });
    expect(consistency(h(true), { k: 2, n: 3 })).toMatchObject({ yearsCandidate: 1, yearsLoaded: 1, consistent: false });
    expect(consistency([{ year: '2019', candidate: true }, { year: '2018', candidate: true }], { k: 2, n: 3 }).history.map((x) => x.year)).toEqual(['2018', '2019']);
  });
});
