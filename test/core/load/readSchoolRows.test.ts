import { describe, expect, it } from 'vitest';
import { FosError } from '../../../src/core/errors.js';
import { ArrayRow, type RawRow, type RawTable } from '../../../src/core/load/rawTable.js';
import { keepsRow, keepsSummaryRow, readSchoolRows, whereFilters, type SchoolRows } from '../../../src/core/load/readSchoolRows.js';

function table(header: string[], rows: string[][]): RawTable {
  const scan = (visit: (row: RawRow, line: number) => void) => {
    rows.forEach((row, i) => visit(new ArrayRow(row), i + 2));
    return { rows: rows.length, shortRows: 0 };
  };
  return { file: 'ks4.csv', header, scan, encoding: 'utf-8', delimiter: ',', sha256: 'x' };
}
/** Row `id` as plain objects: its numbers (null when missing) and text fields. */
function rowOf(rows: SchoolRows, id: string) {
  const r = rows.ids.indexOf(id);
  return {
    numbers: Object.fromEntries(Object.entries(rows.numbers).map(([f, col]) => [f, Number.isNaN(col[r]) ? null : col[r]])),
    text: Object.fromEntries(Object.entries(rows.text).map(([f, col]) => [f, col[r]])),
  };
}
const cols = { id: 'URN', rectype: 'RECTYPE', measure: 'ATT8SCR', cohort: 'TPUP' };
const opts = { year: '2019', role: 'attainment' as const, where: [], strict: false };

describe('readSchoolRows', () => {
  it('keeps ids as text with leading zeros, drops and counts summary rows', () => {
    const t = table(['RECTYPE', 'URN', 'ATT8SCR', 'TPUP'], [
      ['1', '0123', '47.2', '100'],
      ['4', '', '46.8', '8002'], // LA total
      ['5', '', '44.5', ''], // national
      ['1', 'NAT', '40', ''], // census-style national row
      ['1', '', '50', '10'], // no id
      ['2', '999', 'NE', '12'],
    ]);
    const { rows, report } = readSchoolRows(t, cols, opts);
    expect(rows.ids).toEqual(['0123', '999']);
    expect(Array.from(rows.lines)).toEqual([2, 7]);
    expect(report.summaryRowsDropped).toBe(4);
    expect(rowOf(rows, '0123').numbers).toEqual({ measure: 47.2, cohort: 100 });
    expect(rowOf(rows, '999').text.rectype).toBe('2');
    expect(report.missing.ATT8SCR).toEqual({ NE: 1 });
  });

  it('counts missing values per column and code, and short rows as blank', () => {
    const t = table(['RECTYPE', 'URN', 'ATT8SCR', 'TPUP'], [
      ['1', '1', 'SUPP', '5'],
      ['1', '2', 'SUPP', 'NA'],
      ['1', '3'], // short row
    ]);
    const { rows, report } = readSchoolRows(t, cols, opts);
    expect(report.missing.ATT8SCR).toEqual({ SUPP: 2, '(blank)': 1 });
    expect(report.missing.TPUP).toEqual({ NA: 1, '(blank)': 1 });
    expect(rowOf(rows, '3').numbers.measure).toBeNull();
  });

  it('refuses the same id twice, naming both lines and --where', () => {
    const t = table(['RECTYPE', 'URN', 'ATT8SCR', 'TPUP'], [['1', '7', '40', '10'], ['1', '8', '41', '10'], ['1', '7', '42', '10']]);
    try {
      readSchoolRows(t, cols, opts);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FosError);
      const err = e as FosError;
      expect(err.code).toBe('DUPLICATE_ID');
      expect(err.message).toContain('lines 2 and 4');
      expect(err.hint).toContain('--where');
      expect(err.location).toMatchObject({ file: 'ks4.csv', line: 4, value: '7' });
    }
    // Several repeats: the first one down the file is named, with the line of its first copy.
    const many = table(['URN', 'ATT8SCR'], [['9', '1'], ['3', '1'], ['9', '1'], ['3', '1'], ['9', '1']]);
    expect(() => readSchoolRows(many, { id: 'URN', measure: 'ATT8SCR' }, opts)).toThrow('school 9 appears twice (lines 2 and 4)');
  });

  it('applies --where before looking for duplicates', () => {
    const t = table(['URN', 'YEAR', 'ATT8SCR'], [['7', '2018', '40'], ['7', '2019', '42']]);
    const { rows, report } = readSchoolRows(t, { id: 'URN', measure: 'ATT8SCR' }, { ...opts, where: [{ column: 'year', value: '2019' }] });
    expect(rowOf(rows, '7').numbers.measure).toBe(42);
    expect(report.rowsFilteredOut).toBe(1);
  });

  it('skips and counts bad values; --strict makes them an error', () => {
    const t = table(['URN', 'ATT8SCR', 'PNUMFSMEVER'], [['1', '40', '12'], ['2', 'n/a?', '130'], ['3', '41', '-2']]);
    const c = { id: 'URN', measure: 'ATT8SCR', fsm: 'PNUMFSMEVER' };
    const { rows, report } = readSchoolRows(t, c, opts);
    expect(report.skippedRows.map((s) => [s.line, s.column, s.value])).toEqual([[3, 'ATT8SCR', 'n/a?'], [3, 'PNUMFSMEVER', '130'], [4, 'PNUMFSMEVER', '-2']]);
    expect(rowOf(rows, '2').numbers).toEqual({ measure: null, fsm: null });
    expect(() => readSchoolRows(t, c, { ...opts, strict: true })).toThrow(/not a number/);
  });

  it('calls a numeric column of text the wrong column', () => {
    const t = table(['URN', 'SCHNAME'], [['1', 'Alpha'], ['2', 'Beta']]);
    expect(() => readSchoolRows(t, { id: 'URN', measure: 'SCHNAME' }, opts)).toThrow(/holds text, not numbers/);
  });
});

describe('--where filters (the one lookup readSchoolRows and long files share)', () => {
  it('a filter finds its column ignoring case and spaces; one on a column the header lacks is dropped; a row is kept when it has every value', () => {
    const f = whereFilters(['URN', ' Version ', 'subject'], [{ column: 'version', value: ' Final ' }, { column: 'SUBJECT', value: 'Maths' }, { column: 'sex', value: 'Boys' }]);
    expect(f).toEqual([{ at: 1, value: 'final' }, { at: 2, value: 'maths' }]);
    expect(keepsRow(f, new ArrayRow(['1', ' Final', 'Maths ']))).toBe(true);
    expect(keepsRow(f, new ArrayRow(['1', 'Provisional', 'Maths']))).toBe(false);
    expect(keepsRow([], new ArrayRow(['1']))).toBe(true);
  });

  it('values match ignoring case, as column names do (README "--where")', () => {
    const f = whereFilters(['URN', 'Type'], [{ column: 'type', value: 'academy CONVERTER' }]);
    expect(keepsRow(f, new ArrayRow(['1', 'Academy converter']))).toBe(true);
    expect(keepsRow(f, new ArrayRow(['1', 'Academy sponsor led']))).toBe(false);
  });

  it('a summary row is left out only by a value of its own that differs: not for a blank cell, nor by the RECTYPE that makes it a total', () => {
    // Columns: URN, RECTYPE, Type (joined: blank on totals), subject.
    const f = whereFilters(['URN', 'RECTYPE', 'Type', 'subject'], [{ column: 'RECTYPE', value: '1' }, { column: 'Type', value: 'Community school' }, { column: 'subject', value: 'Maths' }]);
    expect(keepsSummaryRow(f, new ArrayRow(['', '4', '', 'Maths']), 1)).toBe(true);
    expect(keepsSummaryRow(f, new ArrayRow(['', '5', '', '']), 1)).toBe(true);
    expect(keepsSummaryRow(f, new ArrayRow(['', '4', '', 'Reading']), 1)).toBe(false);
    // The same row as a school's is filtered as any school row.
    expect(keepsRow(f, new ArrayRow(['', '4', '', 'Maths']))).toBe(false);
  });
});
