import { basename } from 'node:path';
import { quantileSorted } from 'simple-statistics';
import { eligibility } from '../../core/load/eligibility.js';
import type { ExclusionReason } from '../../core/types.js';
import type { Cell, Column, Report, Table } from '../../report/model.js';
import { boundsMissing, type CommandContext } from '../context.js';

const REASONS: ExclusionReason[] = ['special school', 'no FSM row', 'measure missing', 'FSM missing', 'context missing', 'cohort below minimum'];
/** Rows of the left-out list shown on a terminal (all of them in files, and with --excluded). */
const TERMINAL_EXCLUDED = 20;
const reasonKey = (r: string) => `excluded_${r.replace(/[^a-z]+/gi, '_').toLowerCase()}`;

/**
 * `fos check`: the data-quality report to read before trusting a comparison. Per year:
 * files, join coverage, eligible schools and the reasons for the rest, the ranges of % FSM
 * and of the measure; per file: rows, summary rows, missing values per column and code;
 * and every school left out, with its reason (the main table with --excluded).
 */
export function check(ctx: CommandContext): Report {
  const { years, map } = ctx.load();
  const c = ctx.config;
  const left: Record<string, Cell>[] = [];
  const yearRows = years.map((y) => {
    const el = eligibility(y.year, y.schools, ctx.eligibilityOptions());
    for (const e of el.excluded) left.push({ year: y.year, id: e.school.id, name: e.school.name, la: e.school.la, reason: e.reason, detail: e.detail });
    const count = (r: ExclusionReason) => el.excluded.filter((e) => e.reason === r).length;
    const fsm = el.eligible.map((s) => s.fsm!).sort((a, b) => a - b);
    const measure = el.eligible.map((s) => s.measure!).sort((a, b) => a - b);
    const q = (v: number[], p: number) => (v.length ? quantileSorted(v, p) : null);
    return {
      year: y.year,
      attainment_file: basename(y.files[0].file),
      fsm_file: y.join.sameFile ? '(attainment file)' : basename(y.files[1].file),
      schools: y.schools.length,
      matched: y.join.matched,
      attainment_only: y.join.attainmentOnly,
      fsm_only: y.join.fsmOnly,
      eligible: el.eligible.length,
      ...Object.fromEntries(REASONS.map((r) => [reasonKey(r), count(r)])),
      fsm_min: q(fsm, 0),
      fsm_median: q(fsm, 0.5),
      fsm_max: q(fsm, 1),
      measure_min: q(measure, 0),
      measure_median: q(measure, 0.5),
      measure_max: q(measure, 1),
    };
  });
  const yearCols: Column[] = [
    { key: 'year', header: 'year', type: 'text' },
    { key: 'attainment_file', header: 'attainment_file', type: 'text', label: 'attainment' },
    { key: 'fsm_file', header: 'fsm_file', type: 'text', label: 'FSM' },
    { key: 'schools', header: 'schools', type: 'int' },
    { key: 'matched', header: 'matched', type: 'int' },
    { key: 'attainment_only', header: 'attainment_only', type: 'int', label: 'att. only' },
    { key: 'fsm_only', header: 'fsm_only', type: 'int', label: 'FSM only' },
    { key: 'eligible', header: 'eligible', type: 'int' },
    ...REASONS.map((r): Column => ({ key: reasonKey(r), header: reasonKey(r), type: 'int', label: r })),
    { key: 'fsm_min', header: 'fsm_min', type: 'number', digits: 1, label: 'FSM min' },
    { key: 'fsm_median', header: 'fsm_median', type: 'number', digits: 1, label: 'median' },
    { key: 'fsm_max', header: 'fsm_max', type: 'number', digits: 1, label: 'max' },
    { key: 'measure_min', header: 'measure_min', type: 'number', digits: 1, label: `${map.measure} min` },
    { key: 'measure_median', header: 'measure_median', type: 'number', digits: 1, label: 'median' },
    { key: 'measure_max', header: 'measure_max', type: 'number', digits: 1, label: 'max' },
  ];
  const files: Table = {
    id: 'files',
    title: 'Files',
    columns: [
      { key: 'year', header: 'year', type: 'text' },
      { key: 'file', header: 'file', type: 'text' },
      { key: 'role', header: 'role', type: 'text' },
      { key: 'encoding', header: 'encoding', type: 'text' },
      { key: 'delimiter', header: 'delimiter', type: 'text' },
      { key: 'rows', header: 'rows', type: 'int' },
      { key: 'schools', header: 'schools', type: 'int' },
      { key: 'summary', header: 'summary_rows_dropped', type: 'int', label: 'summary rows' },
      { key: 'filtered', header: 'rows_filtered_out', type: 'int', label: 'filtered (--where)' },
      { key: 'short', header: 'short_rows', type: 'int', label: 'short rows' },
      { key: 'skipped', header: 'bad_values', type: 'int', label: 'bad values' },
    ],
    rows: years.flatMap((y) =>
      y.files.map((f) => ({
        year: y.year,
        file: basename(f.file),
        role: f.role,
        encoding: f.encoding,
        delimiter: f.delimiter === '\t' ? 'tab' : f.delimiter,
        rows: f.rowsRead,
        schools: f.schools,
        summary: f.summaryRowsDropped,
        filtered: f.rowsFilteredOut,
        short: f.shortRows,
        skipped: f.skippedRows.length,
      })),
    ),
  };
  const columnsUsed: Table = {
    id: 'missing',
    title: 'Missing values in the columns used (by code)',
    columns: [
      { key: 'year', header: 'year', type: 'text' },
      { key: 'file', header: 'file', type: 'text' },
      { key: 'field', header: 'field', type: 'text' },
      { key: 'column', header: 'column', type: 'text' },
      { key: 'missing', header: 'missing', type: 'int' },
      { key: 'codes', header: 'codes', type: 'text' },
    ],
    rows: years.flatMap((y) =>
      y.files.flatMap((f) =>
        Object.entries(f.columns)
          .filter(([field]) => f.missing[f.columns[field]!] !== undefined)
          .map(([field, col]) => {
            const codes = f.missing[col!];
            const total = Object.values(codes).reduce((a, b) => a + b, 0);
            const list = Object.entries(codes).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `${k} ${v}`).join(', ');
            return { year: y.year, file: basename(f.file), field: field.replace(/^(ciLow|ciHigh)$/, (m) => (m === 'ciLow' ? 'lower bound' : 'upper bound')), column: col!, missing: total, codes: list };
          }),
      ),
    ),
  };
  const skippedAll = years.flatMap((y) => y.files.flatMap((f) => f.skippedRows.map((s) => ({ year: y.year, file: basename(f.file), ...s }))));
  const skipped: Table = {
    id: 'bad_values',
    title: 'Values that could not be read (treated as missing)',
    columns: [
      { key: 'year', header: 'year', type: 'text' },
      { key: 'file', header: 'file', type: 'text' },
      { key: 'line', header: 'line', type: 'int' },
      { key: 'column', header: 'column', type: 'text' },
      { key: 'value', header: 'value', type: 'text' },
      { key: 'reason', header: 'reason', type: 'text' },
    ],
    rows: skippedAll.slice(0, 100),
  };
  const latest = yearRows[yearRows.length - 1];
  const summary = [
    `${years.length} year${years.length === 1 ? '' : 's'} loaded (${years.map((y) => y.year).join(', ')}); measure ${map.measure}, % FSM ${map.fsm}${map.ci ? `, bounds ${map.ci.join('/')}` : ''}.`,
    `Cohort: ${map.cohort ? (map.cohortNote ?? `${map.cohort} (--cohort-col)`) : `${map.cohortNote ?? 'none'}; no school is left out for its size (pass --cohort-col COL)`}.`,
    `${latest.year}: ${latest.schools} schools in the attainment file, ${latest.matched} matched in the FSM table, ${latest.eligible} eligible (${map.cohort ? `cohort ≥ ${c.minCohort}` : 'any cohort'}${!map.rectype ? ', no RECTYPE column, so special schools cannot be told apart' : c.includeSpecial ? '' : ', special schools left out'}).`,
  ];
  if (map.ciMissing) summary.push(`Bounds: ${boundsMissing(map)}.`);
  const notes = [
    'Missing codes: blank, NA NE NP SUPP LOWCOV NEW SP RE x c z u s : .. — counted, never read as 0.',
    'Summary rows are rows without an id and DfE total rows (RECTYPE 4, 5, 7; URN NAT).',
  ];
  if (skippedAll.length > skipped.rows.length) notes.push(`${skippedAll.length} unreadable values in all; the first ${skipped.rows.length} are listed.`);
  // Everyone left out, with the reason: all of them in json, xlsx, html and with --excluded
  // (then the main table, so csv gives it); the first 20 on a terminal.
  const excluded: Table = {
    id: 'excluded',
    title: 'Schools left out, and why',
    columns: [
      { key: 'year', header: 'year', type: 'text' },
      { key: 'id', header: 'id', type: 'text' },
      { key: 'name', header: 'name', type: 'text' },
      { key: 'la', header: 'la', type: 'text', label: 'LA' },
      { key: 'reason', header: 'reason', type: 'text' },
      { key: 'detail', header: 'detail', type: 'text' },
    ],
    rows: left,
  };
  const shortList = !c.excluded && (c.format === 'table' || c.format === 'md') && left.length > TERMINAL_EXCLUDED;
  if (shortList) {
    notes.push(`${left.length} schools left out in all; the first ${TERMINAL_EXCLUDED} are listed: fos check --excluded lists them all (--format csv -o excluded.csv for a file).`);
    excluded.rows = left.slice(0, TERMINAL_EXCLUDED);
  }
  const tables: Table[] = c.excluded ? [excluded] : [{ id: 'years', title: 'Years', columns: yearCols, rows: yearRows }, files, columnsUsed, excluded];
  if (skippedAll.length && !c.excluded) tables.push(skipped);
  return { title: c.excluded ? 'fos check: schools left out' : 'fos check: data quality', summary, tables, notes, charts: [], meta: ctx.meta(c.excluded ? left.length : yearRows.length) };
}
