import { describe, expect, it } from 'vitest';
import { buildFamilies, type FamilyOptions } from '../../../src/core/families/buildFamilies.js';
import { pooledContext } from '../../../src/core/families/pooledContext.js';
import { turnover, turnoverLines } from '../../../src/core/families/turnover.js';
import { tableOfRows } from '../../../src/core/load/schoolTable.js';
import type { YearData } from '../../../src/core/types.js';
import { school } from '../../helpers/schools.js';

const o: FamilyOptions = { method: 'neighbours', size: 3, tiesAll: false, bands: [0, 100], groups: 2, context: [{ name: 'fsm', weight: 1 }] };
const year = (y: string, rows: [string, number, number][]): YearData => ({
  year: y,
  schools: tableOfRows(y, rows.map(([id, fsm, cohort]) => ({ ...school(id, fsm, 50, { cohort }), year: y }))),
  files: [],
  join: { matched: rows.length, attainmentOnly: 0, fsmOnly: 0, sameFile: true },
});

describe('turnover', () => {
  // Worked by hand, families of 3 by % FSM. 2018: A 1, B 2, C 10, D 11 → A {B, C}, B {A, C},
  // C {D, B}, D {C, B}. 2019: B moves to 10.5 → A 1: C at 9, B at 9.5 → {C, B}; B 10.5: C, D (0.5 each) → {C, D}; C 10: B (0.5), D (1) → {B, D}; D 11: B, C → {B, C}.
  // Kept: A 2 (B, C), B 1 (C), C 2 (B, D), D 2 (B, C); median 2, of 2.
  it('counts for each school the members kept from its family the year before, and their median', () => {
    const a = buildFamilies('2018', year('2018', [['100', 1, 10], ['101', 2, 10], ['102', 10, 10], ['103', 11, 10]]).schools, o);
    const b = buildFamilies('2019', year('2019', [['100', 1, 10], ['101', 10.5, 10], ['102', 10, 10], ['103', 11, 10]]).schools, o);
    const t = turnover(a, b)!;
    expect([...t.kept]).toEqual([['100', 2], ['101', 1], ['102', 2], ['103', 2]]);
    expect([t.medianKept, t.medianOthers, t.schools]).toEqual([2, 2, 4]);
    expect(turnoverLines([a, b])).toEqual(["Family turnover 2018→2019: a median of 2 of 2 members kept from last year's family (4 schools in both years)."]);
  });
});

describe('pooledContext', () => {
  it('is the cohort-weighted mean over the last K years with data; equal weights when a cohort is unknown; none without this year’s value', () => {
    // A: 10 (cohort 100), 20 (300) → (1000 + 6000) / 400 = 17.5. B: cohort unknown in 2019 → (30 + 40) / 2 = 35.
    // C: only in 2019 → 5. D: no value in 2019 → stays missing.
    const years = [year('2018', [['100', 10, 100], ['101', 30, 50], ['103', 8, 10]]), year('2019', [['100', 20, 300], ['101', 40, NaN], ['102', 5, 10], ['103', NaN, 10]])];
    const pooled = pooledContext(years, 2);
    expect(Array.from(pooled[1].schools.fsm)).toEqual([17.5, 35, 5, NaN]);
    expect(Array.from(pooled[0].schools.fsm)).toEqual([10, 30, 8]);
    expect(pooledContext(years, 1)[1].schools.fsm).toBe(years[1].schools.fsm);
    // The years given are not changed.
    expect(Array.from(years[1].schools.fsm)).toEqual([20, 40, 5, NaN]);
  });
});

describe('across a change of URN (a key from --links)', () => {
  // 101 becomes 901 in 2019; key: 101 → 901. Same families as above with 101 renamed.
  const key = (id: string) => (id === '101' ? '901' : id);
  it('turnover counts the school as kept, not as one left and one joined', () => {
    const a = buildFamilies('2018', year('2018', [['100', 1, 10], ['101', 2, 10], ['102', 10, 10], ['103', 11, 10]]).schools, o);
    const b = buildFamilies('2019', year('2019', [['100', 1, 10], ['102', 10, 10], ['103', 11, 10], ['901', 10.5, 10]]).schools, o);
    // As in the test above (901 is 101): kept 100 2, 901 1, 102 2, 103 2.
    expect([...turnover(a, b, key)!.kept]).toEqual([['100', 2], ['102', 2], ['103', 2], ['901', 1]]);
    // By id alone, 901 is new and 101 gone: 100 keeps 1 (102), 102 keeps 1 (103), 103 keeps 1 (102).
    expect([...turnover(a, b)!.kept]).toEqual([['100', 1], ['102', 1], ['103', 1]]);
  });

  it('pooledContext takes the earlier years under the old URN', () => {
    const years = [year('2018', [['101', 10, 100]]), year('2019', [['901', 20, 300]])];
    // (10·100 + 20·300) / 400 = 17.5, as for one id.
    expect(Array.from(pooledContext(years, 2, key)[1].schools.fsm)).toEqual([17.5]);
    expect(Array.from(pooledContext(years, 2)[1].schools.fsm)).toEqual([20]);
  });
});
