import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinYear } from '../../../src/core/load/joinYear.js';
import type { SchoolRows } from '../../../src/core/load/readSchoolRows.js';
import { flagColumn, numberColumn, SchoolColumns, textColumn, type NumberField } from '../../../src/core/load/schoolColumns.js';
import type { ColumnMap, SchoolYear } from '../../../src/core/types.js';

const rows = (ids: string[], text: Record<string, string[]>, numbers: Record<string, number[]>): SchoolRows => ({
  ids,
  lines: Int32Array.from(ids, (_, k) => k + 2),
  order: Int32Array.from(ids.map((_, k) => k).sort((a, b) => Number(ids[a]) - Number(ids[b]))),
  text,
  numbers: Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, Float64Array.from(v)])),
});

/** A joined school as a plain object (every field read once), to compare with plain data. */
const plain = (s: SchoolYear): SchoolYear => ({
  year: s.year,
  id: s.id,
  name: s.name,
  la: s.la,
  measure: s.measure,
  fsm: s.fsm,
  cohort: s.cohort,
  ciLow: s.ciLow,
  ciHigh: s.ciHigh,
  context: s.context,
  subjects: s.subjects,
  location: s.location,
  special: s.special,
  inFsmFile: s.inFsmFile,
});

describe('joinYear into SchoolColumns', () => {
  it('gives each school its fields from either file, in id order (worked by hand)', () => {
    // School 2 has no FSM row; school 1 has no measure, and its name comes from the FSM
    // file; school 3 is in the FSM file only.
    const attainment = rows(['2', '1'], { name: ['B', ''], la: ['900', '901'], rectype: ['1', '2'] }, { measure: [50, NaN], cohort: [100, 20], 'context:eal': [7, NaN] });
    const fsm = rows(['1', '3'], { name: ['A', 'C'] }, { fsm: [10, 20], 'context:sen': [5, NaN], locationA: [51.5, 52], locationB: [-0.1, 0] });
    const map: ColumnMap = { id: 'URN', measure: 'ATT8SCR', fsm: 'PNUMFSM', context: { eal: 'PNUMEAL', sen: 'PSENELK' }, subjects: [], location: { cols: ['LAT', 'LON'], kind: 'latlon' } };
    const { schools, join } = joinYear('2019', attainment, fsm, map);
    expect(join).toEqual({ matched: 1, attainmentOnly: 1, fsmOnly: 1, sameFile: false });
    expect(schools.map(plain)).toEqual([
      { year: '2019', id: '1', name: 'A', la: '901', measure: null, fsm: 10, cohort: 20, ciLow: null, ciHigh: null, context: { eal: null, sen: 5 }, subjects: {}, location: { kind: 'latlon', x: -0.1, y: 51.5 }, special: true, inFsmFile: true },
      { year: '2019', id: '2', name: 'B', la: '900', measure: 50, fsm: null, cohort: 100, ciLow: null, ciHigh: null, context: { eal: 7, sen: null }, subjects: {}, location: null, special: false, inFsmFile: false },
    ]);
  });
});

describe('numberColumn, flagColumn and textColumn', () => {
  it('read the same values from joined schools as from plain ones (property)', () => {
    const value = fc.oneof(fc.constant(NaN), fc.double({ min: -100, max: 100, noNaN: true }));
    const school = fc.record({ measure: value, fsm: value, cohort: value, ciLow: value, ciHigh: value, eal: value, special: fc.boolean(), inFsm: fc.boolean() });
    fc.assert(
      fc.property(fc.array(school, { maxLength: 30 }), (data) => {
        const c = new SchoolColumns('2019', data.length, ['eal'], [], undefined);
        data.forEach((d, k) => {
          c.id[k] = String(k);
          c.name[k] = `School ${k}`;
          c.la[k] = '900';
          for (const f of ['measure', 'fsm', 'cohort', 'ciLow', 'ciHigh'] as const) c[f][k] = d[f];
          c.context.eal[k] = d.eal;
          c.special[k] = d.special ? 1 : 0;
          c.inFsmFile[k] = d.inFsm ? 1 : 0;
        });
        const joined = data.map((_, k) => c.school(k));
        const copies = joined.map(plain);
        // Fields read through the view: NaN is null.
        copies.forEach((s, k) => {
          expect(s.measure).toBe(Number.isNaN(data[k].measure) ? null : data[k].measure);
          expect(s.context).toEqual({ eal: Number.isNaN(data[k].eal) ? null : data[k].eal });
          expect(s.special).toBe(data[k].special);
        });
        for (const field of ['measure', 'fsm', 'cohort', 'ciLow', 'ciHigh', { context: 'eal' }, { context: 'sen' }] as (NumberField | { context: string })[]) {
          expect(numberColumn(joined, field)).toEqual(numberColumn(copies, field));
        }
        for (const field of ['special', 'inFsmFile'] as const) expect(flagColumn(joined, field)).toEqual(flagColumn(copies, field));
        for (const field of ['id', 'name', 'la'] as const) expect(textColumn(joined, field)).toEqual(copies.map((s) => s[field]));
      }),
    );
  });
});
