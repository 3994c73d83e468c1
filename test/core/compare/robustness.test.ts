import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFamilies } from '../../../src/core/compare/compareFamilies.js';
import { robustness, ROBUSTNESS_CHECKS } from '../../../src/core/compare/robustness.js';
import { buildFamilies, otherFamilies } from '../../../src/core/families/buildFamilies.js';
import { school, table } from '../../helpers/schools.js';

describe('robustness', () => {
  it('counts the other family definitions in which each school is still a candidate, as building each in full does (property)', () => {
    // Up to 60 schools on a coarse grid (ties in FSM and in the measure), 1 or 2 variables,
    // bounds on some schools; the reference builds every family definition for every school.
    const row = fc.record({ fsm: fc.integer({ min: 0, max: 40 }), eal: fc.integer({ min: 0, max: 10 }), measure: fc.integer({ min: 20, max: 80 }), lo: fc.option(fc.integer({ min: -5, max: 5 })) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 60 }), fc.boolean(), fc.boolean(), fc.boolean(), (rows, twoVars, lowerIsBetter, bounds) => {
        const schools = rows.map((r, k) => school(String(100 + 3 * k), r.fsm, r.measure, { context: { eal: r.eal }, ciLow: r.lo === null ? null : r.measure + r.lo, ciHigh: r.lo === null ? null : r.measure + 5 }));
        const context = twoVars ? [{ name: 'fsm', weight: 1 }, { name: 'eal', weight: 2 }] : [{ name: 'fsm', weight: 1 }];
        const yf = buildFamilies('2019', table(schools), { method: 'neighbours', size: 5, tiesAll: false, bands: [0, 100], groups: 1, context });
        const rule = { threshold: 0.5, lowerIsBetter, hasBounds: bounds };
        const which = schools.map((_, i) => i).filter((i) => i % 2 === 0);
        const counts = robustness(yf, which, rule);
        const full = ROBUSTNESS_CHECKS.map((check) => compareFamilies(otherFamilies(yf, check.change), rule));
        for (const i of which) expect(counts.get(i)).toBe(full.filter((c) => c.candidate(i)).length);
      }),
      { numRuns: 150 },
    );
  });
});
