import { describe, expect, it } from 'vitest';
import { publishedFigures } from '../../src/core/load/publishedFigures.js';

const row = (rectype: string, la: string, value: number, line: number) => ({ rectype, la, value, cohort: null, file: 'f.csv', line });

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
});
