import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFamilies, membersOf, otherFamilies, type FamilyOptions } from '../../../src/core/families/buildFamilies.js';
import { contextSpace } from '../../../src/core/families/context.js';
import { strataOf, stratumValue, subRanks, subSpace } from '../../../src/core/families/strata.js';
import { idRanks } from '../../../src/core/idOrder.js';
import { selectRows } from '../../../src/core/load/schoolTable.js';
import { bruteForceFamilies } from '../../helpers/bruteForce.js';
import { school, table } from '../../helpers/schools.js';

const base: FamilyOptions = { method: 'neighbours', size: 4, tiesAll: false, bands: [0, 10, 20, 100], groups: 2, context: [{ name: 'fsm', weight: 1 }, { name: 'eal', weight: 0.5 }], match: ['ADMPOL'] };

/** Schools with % FSM, % EAL, a measure and an ADMPOL value. */
function schools(rows: [number, number, number, string][]) {
  const t = table(rows.map(([fsm, eal, m], k) => school(String(100 + k), fsm, m, { context: { eal } })));
  t.match = { ADMPOL: rows.map((r) => r[3]) };
  return t;
}

describe('stratumValue', () => {
  it('puts SEL / "Selective" apart from every other admissions value, and keeps any other column’s value', () => {
    expect(['SEL', 'sel', 'COMP', 'MOD', 'NA', ''].map((v) => stratumValue('ADMPOL', v))).toEqual(['selective', 'selective', 'non-selective', 'non-selective', 'non-selective', 'non-selective']);
    expect(['Selective', 'Non-selective', 'Not applicable', ''].map((v) => stratumValue('AdmissionsPolicy (name)', v))).toEqual(['selective', 'non-selective', 'non-selective', 'non-selective']);
    expect(stratumValue('PhaseOfEducation (name)', ' Secondary ')).toBe('Secondary');
  });
});

describe('families within strata (--match)', () => {
  // Worked by hand: five schools, two selective (SEL) with 1% and 30% FSM, three others
  // (COMP, MOD, blank) with 2%, 3% and 29%. By % FSM alone, the 1% grammar school's three
  // nearest are 2%, 3% (and the other grammar is far); within strata its family is the
  // other grammar school only, and the 29% comprehensive's is the 2% and 3% schools.
  it('draws a school’s family only from its own stratum', () => {
    const t = schools([[1, 0, 70, 'SEL'], [2, 0, 50, 'COMP'], [3, 0, 48, 'MOD'], [29, 0, 40, ''], [30, 0, 72, 'SEL']]);
    const yf = buildFamilies('2019', t, { ...base, context: [{ name: 'fsm', weight: 1 }] });
    const ids = (i: number) => membersOf(yf.families, i).map((j) => t.id[j]);
    expect(ids(0)).toEqual(['100', '104']);
    expect(ids(3)).toEqual(['103', '102', '101']);
    const plain = buildFamilies('2019', t, { ...base, context: [{ name: 'fsm', weight: 1 }], match: [] });
    expect(membersOf(plain.families, 0).map((j) => t.id[j])).toEqual(['100', '101', '102', '103']);
  });

  it('equals the all-pairs brute force over each stratum, and never mixes strata, for every method (property)', () => {
    const value = fc.constantFrom('SEL', 'COMP', 'MOD', '');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 20, max: 80 }), value), { minLength: 2, maxLength: 30 }),
        fc.constantFrom<FamilyOptions['method']>('neighbours', 'bands', 'quantiles', 'ckmeans', 'size'),
        fc.boolean(),
        (rows, method, tiesAll) => {
          const t = schools(rows);
          const yf = buildFamilies('2019', t, { ...base, method, tiesAll });
          const strata = strataOf(t, ['ADMPOL']);
          for (let i = 0; i < t.length; i++) for (const j of membersOf(yf.families, i)) expect(strata.stratum[j]).toBe(strata.stratum[i]);
          if (method !== 'neighbours') return;
          // The reference: each stratum's schools alone, in the year's standardised space.
          const space = contextSpace(t, base.context);
          const idRank = idRanks(t.id);
          for (const rows of strata.rows) {
            const want = bruteForceFamilies(subSpace(space, rows), subRanks(idRank, rows), base.size, tiesAll);
            // The same members (itself first; within a tie group the order may differ).
            const sorted = (m: number[]) => [m[0], ...m.slice(1).sort((x, y) => x - y)];
            rows.forEach((i, k) => expect(sorted(membersOf(yf.families, i))).toEqual(sorted(want[k].map((j) => rows[j]))));
          }
          // A stratum's own table gives the same schools (subRanks agrees with the table's own id order).
          for (const rows of strata.rows) expect(Array.from(subRanks(idRank, rows))).toEqual(Array.from(idRanks(selectRows(t, rows).id)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the strata when other families are asked for (robustness checks), and has no single index to misuse', () => {
    const t = schools([[1, 0, 70, 'SEL'], [2, 0, 50, 'COMP'], [3, 0, 48, 'MOD'], [29, 0, 40, ''], [30, 0, 72, 'SEL']]);
    const yf = buildFamilies('2019', t, base);
    const bands = otherFamilies(yf, { method: 'bands' });
    // Bands 0–10 and 20–100 in each stratum: SEL {1%}, SEL {30%}, others {2%, 3%}, {29%}.
    expect(bands.families.kind === 'disjoint' && bands.families.count).toBe(4);
    expect(() => yf.families.kind === 'own' && yf.families.index).toThrow(/no single search index/);
  });
});
