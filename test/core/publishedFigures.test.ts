import { describe, expect, it } from 'vitest';
import { publishedFigures } from '../../src/core/load/publishedFigures.js';

const row = (rectype: string, la: string, value: number, line: number, schoolType = '') => ({ rectype, schoolType, la, value, cohort: null, file: 'f.csv', line });

describe('publishedFigures', () => {
  it('KS2: RECTYPE 3 is the LA, and of the national rows 4 (all schools) and 5 (state-funded) the higher RECTYPE is taken', () => {
    const p = publishedFigures([row('3', '850', 68, 2), row('4', '', 64, 3), row('5', '', 63, 4)])!;
    expect(p.la['850'].value).toBe(68);
    expect(p.nation).toMatchObject({ value: 63, rectype: '5', line: 4 });
  });

  it('the first row per LA; none without total rows', () => {
    const p = publishedFigures([row('4', '900', 50, 2), row('4', '900', 99, 3)])!;
    expect(p.la['900'].value).toBe(50);
    expect(p.nation).toBeUndefined();
    expect(publishedFigures([])).toBeUndefined();
    expect(publishedFigures(undefined)).toBeUndefined();
  });

  it('a long file with rows of several school types per LA and nation: the All state-funded row of each, wherever it is', () => {
    // As EES writes establishment_type_group: the All state-funded row is not first for LA 202 nor for England.
    const p = publishedFigures([
      row('', '202', 50, 2, 'Academies'),
      row('', '202', 48.5, 3, 'All state-funded'),
      row('', '202', 47, 4, 'Local authority maintained schools'),
      row('', '', 47, 5, 'State-funded mainstream'),
      row('', '', 46, 6, 'All schools'),
      row('', '', 46.5, 7, 'All state-funded'),
      row('', '', 45, 8, 'State-funded special'),
      row('', '203', 41, 9, 'Academies'),
    ])!;
    expect(p.la['202']).toMatchObject({ value: 48.5, line: 3, schoolType: 'All state-funded' });
    expect(p.nation).toMatchObject({ value: 46.5, line: 7, schoolType: 'All state-funded', rectype: '' });
    // An LA with no All state-funded row: its first row (no better one).
    expect(p.la['203'].value).toBe(41);
    // No All state-funded national row: All schools (as RECTYPE 5 without 7) over one kind of school.
    expect(publishedFigures([row('', '', 47, 2, 'Academies'), row('', '', 46, 3, 'All schools')])!.nation?.value).toBe(46);
  });
});
