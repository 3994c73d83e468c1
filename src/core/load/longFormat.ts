import { FosError } from '../errors.js';
import type { LongSelection } from '../types.js';
import { resolveColumns, type ColumnOverrides, type Headers, type ResolvedColumns } from './dfeColumns.js';
import { longKeys, type LongKeys } from './longKeys.js';
import type { RawRow, RawTable } from './rawTable.js';
import { keepsRow, whereFilters } from './readSchoolRows.js';
import { yearLabel } from './yearLabel.js';

export { longKeys, type LongKeys };

/**
 * Long ("tidy") files, as Explore Education Statistics publishes school-level data: one row
 * per school × year × breakdown (eesColumns.ts). Read as the wide tables the rest of fos
 * reads: for one year, the rows of one breakdown (default `Total`, the whole school) of the
 * schools (`geographic_level` School), one row per school, under the file's own column
 * names. National and LA rows are summary rows (those of the breakdown are the file's
 * published figures, as a wide file's RECTYPE totals are), other levels are dropped and
 * counted likewise, other breakdowns are counted apart; one file can hold several years
 * (`time_period`).
 */

/** The geographic levels whose rows are the file's own published figures: the nation's and each LA's. */
const TOTAL_LEVELS = new Set(['national', 'local authority']);

/** The breakdown read when none is asked for: the whole school. */
export const WHOLE_SCHOOL = 'Total';

/** A school type that names special schools (EES `establishment_type_group`, e.g. "Special school"). */
export const SPECIAL_TYPE = /\bspecial\b/i;

/** Whether a year as the user writes it (2024, 2023-24, 2023/24, 2023-2024, 202324) names the time_period (yearLabel.ts). */
export function namesPeriod(label: string, period: string): boolean {
  return yearLabel(label) === yearLabel(period);
}

/** How a year of a long file is written in messages: "2024 (time_period 202324)". */
export const describePeriod = (p: string) => (yearLabel(p) !== p ? `${yearLabel(p)} (time_period ${p})` : p);

/**
 * The time_period a year label stands for in a file holding `periods`: the one it names.
 * A label naming none of them is an error listing them (also for a file of one year: a
 * label is not a way to read one year as another).
 */
export function periodFor(label: string, periods: readonly string[], file: string, column: string): string {
  const named = periods.find((p) => namesPeriod(label, p));
  if (named !== undefined) return named;
  const years = periods.map(yearLabel);
  throw new FosError(
    'INVALID_OPTION',
    periods.length === 1
      ? `${label} is not the year of this long-format file, which holds only ${describePeriod(periods[0])}`
      : `${label} is not one of the ${periods.length} years in this long-format file (${periods.map(describePeriod).join(', ')})`,
    { file, column },
    periods.length === 1
      ? `give the file without a year (it is read as ${years[0]}), or write --attainment ${years[0]}=FILE`
      : `give the file without a year to read every year of it, or write --attainment YEAR=FILE with one of ${years.join(', ')}`,
  );
}

/** The distinct time_periods of a table, in order (a table holding the period column). */
export function periodsIn(table: RawTable, column: string): string[] {
  const at = table.header.indexOf(column);
  const seen = new Set<string>();
  table.scan((row) => {
    const p = row.text(at).trim();
    if (p !== '') seen.add(p);
  });
  return [...seen].sort();
}

/**
 * One year and one breakdown of a long table (which must hold the `keys` columns) as a
 * table of its own: a view whose scan visits that year's School rows of that breakdown.
 * `selection` counts the rest as the scan goes. At the scan's end, no row of the
 * breakdown is an error listing the breakdowns present; a school twice is an error
 * naming both lines and how the rows differ.
 */
export function selectLongRows(
  table: RawTable,
  keys: LongKeys,
  o: { year: string; breakdown?: string; where?: readonly { column: string; value: string }[]; periods?: string[] },
): { table: RawTable; selection: LongSelection } {
  const col = (name: string) => table.header.indexOf(name);
  const periodAt = col(keys.period);
  const levelAt = keys.level ? col(keys.level) : -1;
  const breakdownAt = col(keys.breakdown);
  const idAt = col(keys.id);
  const dims = keys.dimensions.map((d) => ({ name: d, at: col(d) })).filter((d) => d.at >= 0);
  // A row --where leaves out is not a second row of its school (readSchoolRows counts it).
  const filters = whereFilters(table.header, o.where ?? []);
  // (The caller may know them already: one file gives several years.)
  const periods = o.periods ?? periodsIn(table, keys.period);
  const period = periods.length ? periodFor(o.year, periods, table.file, keys.period) : o.year;
  const want = (o.breakdown ?? WHOLE_SCHOOL).trim();
  const wantKey = want.toLowerCase();
  const selection: LongSelection = {
    periods,
    period,
    breakdownColumn: keys.breakdown,
    breakdown: want,
    otherYears: 0,
    notSchools: {},
    totalsPassed: 0,
    otherBreakdowns: {},
  };
  return {
    selection,
    table: {
      ...table,
      scan(visit) {
        selection.otherYears = 0;
        selection.notSchools = {};
        selection.totalsPassed = 0;
        selection.otherBreakdowns = {};
        const firstOf = new Map<string, { line: number; dims: string[] }>();
        let rows = 0;
        let shortRows = 0;
        let kept = 0;
        let bdValue = '';
        const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
        // Breakdowns are matched ignoring case, so they are counted so too (under the first spelling met).
        const spelling = new Map<string, string>();
        const spelled = (bd: string) => spelling.get(bd.toLowerCase()) ?? (spelling.set(bd.toLowerCase(), bd), bd);
        const counts = table.scan((row: RawRow, line: number) => {
          if (row.text(periodAt).trim() !== period) {
            selection.otherYears++;
            return;
          }
          rows++;
          const level = levelAt >= 0 ? row.text(levelAt).trim() : '';
          if (level !== '' && level.toLowerCase() !== 'school') {
            bump(selection.notSchools, level);
            // The file's own national and LA rows of the breakdown go on as summary rows, which
            // readSchoolRows keeps as the published figures (and counts); other levels stop here.
            if (TOTAL_LEVELS.has(level.toLowerCase()) && row.text(breakdownAt).trim().toLowerCase() === wantKey && row.text(idAt).trim() === '') {
              selection.totalsPassed++;
              visit(row, line);
            }
            return;
          }
          const bd = row.text(breakdownAt).trim();
          if (bd.toLowerCase() !== wantKey) {
            bump(selection.otherBreakdowns, spelled(bd) || '(blank)');
            return;
          }
          bdValue ||= bd;
          kept++;
          const id = row.text(idAt).trim();
          if (id !== '' && keepsRow(filters, row)) {
            const values = dims.map((d) => row.text(d.at).trim());
            const first = firstOf.get(id);
            if (first) twice(table.file, keys.id, id, first, { line, dims: values }, dims.map((d) => d.name), period, bd);
            firstOf.set(id, { line, dims: values });
          }
          visit(row, line);
        });
        shortRows = counts.shortRows;
        if (bdValue) selection.breakdown = bdValue;
        if (kept === 0 && Object.keys(selection.otherBreakdowns).length > 0) {
          const present = Object.entries(selection.otherBreakdowns).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
          throw new FosError(
            'NO_BREAKDOWN',
            `no school rows of ${yearLabel(period)} have ${keys.breakdown} ${want}`,
            { file: table.file, column: keys.breakdown, value: want },
            `the breakdowns in the file are: ${present.map(([k, n]) => `${k} (${n} row${n === 1 ? '' : 's'})`).join(', ')}; choose one with --breakdown VALUE`,
          );
        }
        return { rows, shortRows };
      },
    },
  };
}

/** A word as typed in a shell: quoted when it holds a space or a shell character. */
const shellWord = (w: string) => (/^[\w.=\/-]+$/.test(w) ? w : `"${w.replace(/(["\\$`])/g, '\\$1')}"`);

function twice(file: string, idColumn: string, id: string, a: { line: number; dims: string[] }, b: { line: number; dims: string[] }, names: string[], period: string, breakdown: string): never {
  const differ = names.map((n, k) => ({ n, x: a.dims[k], y: b.dims[k] })).filter((d) => d.x !== d.y);
  const how = differ.length
    ? `; the rows differ in ${differ.map((d) => `${d.n} (${d.x || 'blank'} / ${d.y || 'blank'})`).join(', ')}`
    : '';
  throw new FosError(
    'DUPLICATE_ID',
    `school ${id} appears twice for ${describePeriod(period)}, breakdown ${breakdown} (lines ${a.line} and ${b.line})${how}`,
    { file, line: b.line, column: idColumn, value: id },
    differ.length ? `keep one kind of row with --where ${shellWord(`${differ[0].n}=${differ[0].x || 'VALUE'}`)}` : 'a long-format file should hold one row per school, year and breakdown; keep one kind of row with --where COL=VALUE',
  );
}

/**
 * A file's report with what the long selection left out: national and LA rows count as
 * summary rows; the rows of other breakdowns and years are counted in `long` alone.
 */
export function withSelection<R extends { summaryRowsDropped: number; long?: LongSelection }>(report: R, selection: LongSelection): R {
  const notSchools = Object.values(selection.notSchools).reduce((a, b) => a + b, 0);
  // (The national and LA rows handed on were counted by readSchoolRows.)
  return { ...report, summaryRowsDropped: report.summaryRowsDropped + notSchools - selection.totalsPassed, long: selection };
}

/** The columns a long table must keep besides those used: its keys. */
export function keyColumns(keys: LongKeys): string[] {
  return [keys.id, keys.period, ...(keys.level ? [keys.level] : []), keys.breakdown, ...keys.dimensions];
}

/**
 * The columns of a year (resolveColumns) whose attainment file may be long: then the id
 * is its `school_urn` unless --id-col says otherwise, its school type (the `schoolType`
 * field) marks special schools (see SPECIAL_TYPE) and tells its summary rows apart, and a missing % FSM is explained:
 * long files hold none.
 */
export function resolveLongColumns(att: Headers['attainment'], fsm: Headers['fsm'], o: ColumnOverrides): ResolvedColumns {
  const keys = longKeys(att.layoutHeader ?? att.header);
  let resolved: ResolvedColumns;
  try {
    resolved = resolveColumns({ attainment: att, fsm }, o);
  } catch (e) {
    if (keys && !fsm && e instanceof FosError && e.code === 'COLUMN_NOT_FOUND' && /% FSM/.test(e.message)) {
      throw new FosError(e.code, e.message, { file: att.file }, 'a long-format (Explore Education Statistics) file holds no % FSM: give the school census with --fsm FILE, or name a column with --fsm-col');
    }
    throw e;
  }
  if (!keys) return resolved;
  // The id is the long file's own (a table joined to it may have a URN column too).
  const id = o.id ? resolved.attainment.id! : keys.id;
  const schoolType = keys.schoolType;
  return { ...resolved, attainment: { ...resolved.attainment, id, ...(schoolType ? { schoolType } : {}) }, map: { ...resolved.map, id, ...(schoolType ? { schoolType } : {}) } };
}
