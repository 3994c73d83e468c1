import { describe, expect, it } from 'vitest';
import { FosError } from '../../../src/core/errors.js';
import { longKeys, namesPeriod, periodFor, selectLongRows, withSelection } from '../../../src/core/load/longFormat.js';
import { endYear, yearLabel } from '../../../src/core/load/yearLabel.js';
import { ArrayRow, type RawRow, type RawTable } from '../../../src/core/load/rawTable.js';
import { readSchoolRows } from '../../../src/core/load/readSchoolRows.js';
import { thrown } from '../../helpers/thrown.js';

function table(header: string[], rows: string[][]): RawTable {
  const scan = (visit: (row: RawRow, line: number) => void) => {
    rows.forEach((row, i) => visit(new ArrayRow(row), i + 2));
    return { rows: rows.length, shortRows: 0 };
  };
  return { file: 'long.csv', header, scan, encoding: 'utf-8', delimiter: ',', sha256: 'x' };
}

const HEADER = ['time_period', 'geographic_level', 'version', 'school_urn', 'establishment_type_group', 'breakdown_topic', 'breakdown', 't_pupils', 'avg_att8'];
// Two years; in 202324 a national and an LA row, two schools with Total and Disadvantaged rows.
const ROWS = [
  ['202223', 'School', 'Final', '100001', 'Academy', 'All pupils', 'Total', '150', '40.1'],
  ['202324', 'National', 'Final', '', 'All state-funded', 'All pupils', 'Total', '600000', '45.9'],
  ['202324', 'Local authority', 'Final', '', 'All state-funded', 'All pupils', 'Total', '3000', '44.0'],
  ['202324', 'School', 'Final', '100001', 'Academy', 'All pupils', 'Total', '160', '41.5'],
  ['202324', 'School', 'Final', '100001', 'Academy', 'Disadvantage status', 'Disadvantaged', '40', '33.0'],
  ['202324', 'School', 'Final', '100002', 'Special school', 'All pupils', 'total', '20', 'low'],
  ['202324', 'School', 'Final', '100002', 'Special school', 'Disadvantage status', 'Disadvantaged', '9', 'c'],
];
const keys = longKeys(HEADER)!;
const cols = { id: 'school_urn', measure: 'avg_att8', cohort: 't_pupils', schoolType: 'establishment_type_group' };
const opts = { year: '2024', role: 'attainment' as const, where: [], strict: false };

describe('long-format files (Explore Education Statistics)', () => {
  it('are known by school_urn and time_period with breakdown, disadvantage_status or breakdown_topic', () => {
    expect(keys).toMatchObject({ id: 'school_urn', period: 'time_period', level: 'geographic_level', breakdown: 'breakdown', schoolType: 'establishment_type_group' });
    expect(longKeys(['time_period', 'school_urn', 'disadvantage_status'])?.breakdown).toBe('disadvantage_status');
    expect(longKeys(['TIME_PERIOD', 'School_URN', 'breakdown_topic'])?.breakdown).toBe('breakdown_topic');
    expect(longKeys(['time_period', 'school_urn', 'avg_att8'])).toBeUndefined();
    expect(longKeys(['URN', 'time_period', 'breakdown'])).toBeUndefined();
  });

  it('label a time_period by the academic year’s end, and accept the ways a user writes it', () => {
    expect(endYear('202324')).toBe('2024');
    expect(endYear('199900')).toBe('2000');
    expect(endYear('2024')).toBe('2024');
    expect(endYear('202325')).toBeUndefined();
    // One normaliser for labels and periods alike: every way of writing 2023-24 is 2024.
    for (const label of ['2024', '2023-24', '2023/24', '2023-2024', '202324', ' 2023-24 ']) expect(yearLabel(label)).toBe('2024');
    for (const label of ['2022-24', '2023-2025', '2023-4', 'latest']) expect(endYear(label)).toBeUndefined();
    expect(yearLabel('latest')).toBe('latest');
    for (const label of ['2024', '2023-24', '2023/24', '2023-2024', '202324']) expect(namesPeriod(label, '202324')).toBe(true);
    for (const label of ['2023', '2024-25', '2022-24']) expect(namesPeriod(label, '202324')).toBe(false);
  });

  it('YEAR= picks one year of several; a year the file does not hold is an error naming its years, also for a file of one year', () => {
    expect(periodFor('2023-24', ['202223', '202324'], 'long.csv', 'time_period')).toBe('202324');
    expect(periodFor('2024', ['202324'], 'long.csv', 'time_period')).toBe('202324');
    const e = thrown(() => periodFor('2022', ['202223', '202324'], 'long.csv', 'time_period')) as FosError;
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toBe('2022 is not one of the 2 years in this long-format file (2023 (time_period 202223), 2024 (time_period 202324))');
    expect(e.hint).toContain('with one of 2023, 2024');
    const one = thrown(() => periodFor('2030', ['202324'], 'long.csv', 'time_period')) as FosError;
    expect(one.message).toBe('2030 is not the year of this long-format file, which holds only 2024 (time_period 202324)');
    expect(one.hint).toBe('give the file without a year (it is read as 2024), or write --attainment 2024=FILE');
  });

  it('one year and breakdown read as a wide table: other rows left out and counted by reason', () => {
    const one = selectLongRows(table(HEADER, ROWS), keys, { year: '2024' });
    const { rows, report } = readSchoolRows(one.table, cols, opts);
    // 2024's Total rows (the breakdown matched ignoring case): 100001 and 100002.
    expect(rows.ids).toEqual(['100001', '100002']);
    expect([...rows.numbers.measure]).toEqual([41.5, NaN]);
    expect([...rows.numbers.cohort]).toEqual([160, 20]);
    expect(rows.text.schoolType).toEqual(['Academy', 'Special school']);
    expect(rows.text.rectype).toBeUndefined();
    expect(report.missing.avg_att8).toEqual({ low: 1 });
    // 6 rows of 2024 (1 of 2023 aside); 2 not schools; 2 of the other breakdown.
    expect(report.rowsRead).toBe(6);
    expect(one.selection).toMatchObject({ periods: ['202223', '202324'], period: '202324', breakdown: 'Total', otherYears: 1, notSchools: { National: 1, 'Local authority': 1 }, otherBreakdowns: { Disadvantaged: 2 } });
    // The national and LA rows of the breakdown go on to readSchoolRows, kept as the published figures.
    expect(one.selection.totalsPassed).toBe(2);
    expect(rows.totals?.map((t) => [t.value, t.line])).toEqual([[45.9, 3], [44, 4]]);
    const merged = withSelection(report, one.selection);
    expect(merged.summaryRowsDropped).toBe(2);
    expect(merged.rowsFilteredOut).toBe(0);

    const dis = readSchoolRows(selectLongRows(table(HEADER, ROWS), keys, { year: '2024', breakdown: 'disadvantaged' }).table, cols, opts).rows;
    expect([...dis.numbers.measure]).toEqual([33, NaN]);
    expect([...dis.numbers.cohort]).toEqual([40, 9]);
    const earlier = readSchoolRows(selectLongRows(table(HEADER, ROWS), keys, { year: '2023' }).table, cols, { ...opts, year: '2023' }).rows;
    expect([...earlier.numbers.measure]).toEqual([40.1]);
  });

  it('no row of the breakdown: an error listing the breakdowns present', () => {
    const one = selectLongRows(table(HEADER, ROWS), keys, { year: '2024', breakdown: 'Boys' });
    const e = thrown(() => readSchoolRows(one.table, cols, opts)) as FosError;
    expect(e.code).toBe('NO_BREAKDOWN');
    expect(e.message).toBe('no school rows of 2024 have breakdown Boys');
    expect(e.location).toMatchObject({ file: 'long.csv', column: 'breakdown', value: 'Boys' });
    // Total and total are one breakdown (matching ignores case), counted once under its first spelling.
    expect(e.hint).toBe('the breakdowns in the file are: Disadvantaged (2 rows), Total (2 rows); choose one with --breakdown VALUE');
    expect(one.selection.otherBreakdowns).toEqual({ Disadvantaged: 2, Total: 2 });
  });

  it('a school twice for one year and breakdown: both lines, and how the rows differ', () => {
    const rows = [...ROWS, ['202324', 'School', 'Provisional', '100001', 'Academy', 'All pupils', 'Total', '161', '41.4']];
    const e = thrown(() => readSchoolRows(selectLongRows(table(HEADER, rows), keys, { year: '2024' }).table, cols, opts)) as FosError;
    expect(e.code).toBe('DUPLICATE_ID');
    expect(e.message).toBe('school 100001 appears twice for 2024 (time_period 202324), breakdown Total (lines 5 and 9); the rows differ in version (Final / Provisional)');
    expect(e.location).toMatchObject({ file: 'long.csv', line: 9, column: 'school_urn', value: '100001' });
    expect(e.hint).toBe('keep one kind of row with --where version=Final');
    // As the hint says: --where version=Provisional keeps one row of 100001 (the other counted as filtered out).
    const kept = readSchoolRows(selectLongRows(table(HEADER, rows), keys, { year: '2024', where: [{ column: 'version', value: 'Provisional' }] }).table, cols, { ...opts, where: [{ column: 'version', value: 'Provisional' }] });
    expect(kept.rows.ids).toEqual(['100001']);
    expect([...kept.rows.numbers.measure]).toEqual([41.4]);
    // Filtered out: the Final rows of 100001 and 100002, and the national and LA rows (Final too).
    expect(kept.report.rowsFilteredOut).toBe(4);
  });
});
