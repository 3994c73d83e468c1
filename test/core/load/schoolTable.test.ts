import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinYear } from '../../../src/core/load/joinYear.js';
import type { SchoolRows } from '../../../src/core/load/readSchoolRows.js';
import { schoolRow, schoolRows, selectRows, tableOfRows } from '../../../src/core/load/schoolTable.js';
import type { ColumnMap } from '../../../src/core/types.js';

const rows = (ids: string[], text: Record<string, string[]>, numbers: Record<string, number[]>): SchoolRows => ({
  ids,
  lines: Int32Array.from(ids, (_, k) => k + 2),
  order: Int32Array.from(ids.map((_, k) => k).sort((a, b) => Number(ids[a]) - Number(ids[b]))),
  text,
  numbers: Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, Float64Array.from(v)])),
});

describe('joinYear into a SchoolTable', () => {
  it('gives each school its fields from either file, in id order (worked by hand)', () => {
    // School 2 has no FSM row; school 1 has no measure, and its name comes from the FSM
    // file; school 3 is in the FSM file only.
    const attainment = rows(['2', '1'], { name: ['B', ''], la: ['900', '901'], rectype: ['1', '2'] }, { measure: [50, NaN], cohort: [100, 20], 'context:eal': [7, NaN] });
    const fsm = rows(['1', '3'], { name: ['A', 'C'] }, { fsm: [10, 20], 'context:sen': [5, NaN], locationA: [51.5, 52], locationB: [-0.1, 0] });
    const map: ColumnMap = { id: 'URN', measure: 'ATT8SCR', fsm: 'PNUMFSM', context: { eal: 'PNUMEAL', sen: 'PSENELK' }, subjects: [], location: { cols: ['LAT', 'LON'], kind: 'latlon' } };
    const { schools, join } = joinYear('2019', attainment, fsm, map);
    expect(join).toEqual({ matched: 1, attainmentOnly: 1, fsmOnly: 1, sameFile: false });
    expect(schoolRows(schools)).toEqual([
      { year: '2019', id: '1', name: 'A', la: '901', measure: null, fsm: 10, cohort: 20, ciLow: null, ciHigh: null, context: { eal: null, sen: 5 }, subjects: {}, location: { kind: 'latlon', x: -0.1, y: 51.5 }, special: true, inFsmFile: true },
      { year: '2019', id: '2', name: 'B', la: '900', measure: 50, fsm: null, cohort: 100, ciLow: null, ciHigh: null, context: { eal: 7, sen: null }, subjects: {}, location: null, special: false, inFsmFile: false },
    ]);
  });
});

describe('tableOfRows, schoolRow and selectRows', () => {
  it('give back the rows a table was made of, and the rows picked (property)', () => {
    const value = fc.option(fc.double({ min: -100, max: 100, noNaN: true }));
    const row = fc.record({ measure: value, fsm: value, cohort: value, ciLow: value, ciHigh: value, eal: value, maths: value, x: value, special: fc.boolean(), inFsm: fc.boolean() });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 10 }), (data, picks) => {
        const rows = data.map((d, k) => ({
          year: '2019',
          id: String(k),
          name: `School ${k}`,
          la: '900',
          measure: d.measure,
          fsm: d.fsm,
          cohort: d.cohort,
          ciLow: d.ciLow,
          ciHigh: d.ciHigh,
          context: { eal: d.eal },
          subjects: { maths: d.maths },
          location: d.x === null ? null : { kind: 'en' as const, x: d.x, y: 7 },
          special: d.special,
          inFsmFile: d.inFsm,
        }));
        const t = tableOfRows('2019', rows);
        expect(t.length).toBe(rows.length);
        expect(schoolRows(t)).toEqual(rows);
        const keep = data.length ? picks.map((p) => p % data.length) : [];
        expect(schoolRows(selectRows(t, keep))).toEqual(keep.map((k) => rows[k]));
        keep.forEach((k) => expect(schoolRow(t, k)).toEqual(rows[k]));
      }),
    );
  });
});
