import { MISSING_CODES } from '../../core/load/parseCell.js';
import { EES_LAYOUT, UNKNOWN_LAYOUT } from '../../core/load/layouts.js';
import { EES_COLUMNS } from '../../core/load/eesColumns.js';
import { basename } from 'node:path';
import { eligibility } from '../../core/load/eligibility.js';
import { yearLabel } from '../../core/load/yearLabel.js';
import { minMedianMax } from '../../core/minMedianMax.js';
import { turnoverLines } from '../../core/families/turnover.js';
import { selectiveNote } from '../../core/families/selectiveNote.js';
import type { ColumnMap, ExclusionReason, YearData } from '../../core/types.js';
import { excludedColumn, pick, type Naming } from '../../report/columns.js';
import type { Cell, Report, Table } from '../../report/model.js';
import { dfeFile } from '../../core/load/dfeFile.js';
import { boundsMissing, type CommandContext } from '../context.js';
import { checkLinks } from '../checkLinks.js';
import { andMore } from '../../report/andMore.js';
import { describePublished } from '../../report/describePublished.js';
import { detailWords, reasonWords, type Labels } from '../../report/labels.js';
import { NO_YEAR } from '../../core/load/pairInputs.js';

const REASONS: ExclusionReason[] = ['special school', 'no FSM row', 'measure missing', 'FSM missing', 'context missing', 'cohort below minimum'];
/** Rows of the left-out list shown on a terminal (all of them in files, and with --excluded). */
const TERMINAL_EXCLUDED = 20;

/** The column of schools left out for a reason, labelled in the labels' words (its name stays the English one). */
function reasonColumn(reason: ExclusionReason, labels: Labels) {
  const col = excludedColumn(reason);
  return { ...col, label: reasonWords(reason, labels) };
}

/** A field as `check` names it: "lower bound" for ciLow, "location (easting)" for locationA. */
function fieldName(field: string, map: ColumnMap): string {
  if (field === 'ciLow' || field === 'ciHigh') return field === 'ciLow' ? 'lower bound' : 'upper bound';
  if (field === 'locationA' || field === 'locationB') {
    const [a, b] = map.location?.kind === 'latlon' ? ['latitude', 'longitude'] : ['easting', 'northing'];
    return `location (${field === 'locationA' ? a : b})`;
  }
  return field;
}

/** Each --join table's coverage of its year's schools. */
function joinedTables(years: YearData[], naming: Naming): Table {
  return {
    id: 'joins',
    title: 'Joined tables',
    columns: pick(['year', 'file', 'joined_as', 'joined_on', 'rows', 'joined_schools', 'joined_missing'], naming),
    rows: years.flatMap((y) =>
      (y.joins ?? []).map((j) => ({ year: y.year, file: basename(j.file), joined_as: j.gias ? 'GIAS' : 'table', joined_on: j.idColumn, rows: j.rows, joined_schools: j.matched, joined_missing: j.unmatched })),
    ),
  };
}

/** Each long-format file: the year and breakdown read, and the rows left out, by reason. */
function longFiles(years: YearData[], naming: Naming): Table {
  const counts = (c: Record<string, number>) => Object.entries(c).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${k} ${n}`).join(', ') || '–';
  return {
    id: 'long',
    title: 'Long-format files',
    columns: pick(['year', 'file', 'time_period', 'file_years', 'breakdown', 'schools', 'not_schools', 'other_breakdowns', 'other_years'], naming),
    rows: years.flatMap((y) =>
      y.files
        .filter((f) => f.long)
        .map((f) => ({
          year: y.year,
          file: basename(f.file),
          time_period: f.long!.period,
          file_years: f.long!.periods.map(yearLabel).join(', '),
          // The column named only when it is not EES's usual `breakdown`.
          breakdown: f.long!.breakdownColumn.toLowerCase() === EES_COLUMNS.breakdown[0] ? f.long!.breakdown : `${f.long!.breakdown} (${f.long!.breakdownColumn})`,
          schools: f.schools,
          not_schools: counts(f.long!.notSchools),
          other_breakdowns: counts(f.long!.otherBreakdowns),
          other_years: f.long!.otherYears,
        })),
    ),
  };
}

/** The layout recognised for each table of a year: "Layout: a.csv DfE KS4 …; b.csv …". */
function layoutLine(y: YearData): string {
  return `Layout${y.files.length === 1 ? '' : 's'}: ${y.files.map((f) => `${basename(f.file)} ${f.layout ?? UNKNOWN_LAYOUT}`).join('; ')}.`;
}

/** A column name in two tables: which one is used, once per name and pair of files. */
function shadowedNotes(years: YearData[]): string[] {
  const seen = new Map<string, string[]>();
  for (const y of years) {
    for (const s of y.shadowed ?? []) {
      const key = `${basename(s.kept)}\u0000${basename(s.hidden)}`;
      const cols = seen.get(key) ?? [];
      if (!cols.includes(s.column)) cols.push(s.column);
      seen.set(key, cols);
    }
  }
  return [...seen].map(([key, cols]) => {
    const [kept, hidden] = key.split('\u0000');
    const shown = andMore(cols, 8, ', ');
    return `In both ${kept} and ${hidden}: ${shown}; ${kept}'s are used (write ${hidden.replace(/\.[^.]*$/, '')}.COLUMN for the other's).`;
  });
}

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
  const L = ctx.labels;
  const yearRows = years.map((y) => {
    const el = eligibility(y.year, y.schools, ctx.eligibilityOptions());
    for (const e of el.excluded) left.push({ year: y.year, id: e.school.id, name: e.school.name, la: e.school.la, reason: reasonWords(e.reason, L), detail: detailWords(e, L) });
    const count = (r: ExclusionReason) => el.excluded.filter((e) => e.reason === r).length;
    const fsm = minMedianMax(el.eligible.fsm);
    const measure = minMedianMax(el.eligible.measure);
    return {
      year: y.year,
      attainment_file: basename(y.files[0].file),
      fsm_file: y.join.sameFile ? '(attainment file)' : basename(y.files[1].file),
      schools: y.schools.length,
      matched: y.join.matched,
      attainment_only: y.join.attainmentOnly,
      fsm_only: y.join.fsmOnly,
      eligible: el.eligible.length,
      ...Object.fromEntries(REASONS.map((r) => [excludedColumn(r).name, count(r)])),
      fsm_min: fsm.min,
      fsm_median: fsm.median,
      fsm_max: fsm.max,
      measure_min: measure.min,
      measure_median: measure.median,
      measure_max: measure.max,
    };
  });
  const naming = ctx.naming();
  const yearCols = pick(
    ['year', 'attainment_file', 'fsm_file', 'schools', 'matched', 'attainment_only', 'fsm_only', 'eligible', ...REASONS.map((r) => reasonColumn(r, L)), ['fsm_min', { label: `${L.fsmWord} min` }], 'fsm_median', ['fsm_max', { label: 'max' }], 'measure_min', 'measure_median', 'measure_max'],
    naming,
  );
  const files: Table = {
    id: 'files',
    title: 'Files',
    columns: pick(['year', 'file', 'role', 'layout', 'encoding', 'delimiter', 'rows', 'schools', 'summary_rows_dropped', 'rows_filtered_out', 'short_rows', 'bad_values'], naming),
    rows: years.flatMap((y) =>
      y.files.map((f) => ({
        year: y.year,
        file: basename(f.file),
        role: f.role,
        layout: f.layout ?? UNKNOWN_LAYOUT,
        encoding: f.encoding,
        delimiter: f.delimiter === '\t' ? 'tab' : f.delimiter,
        rows: f.rowsRead,
        schools: f.schools,
        summary_rows_dropped: f.summaryRowsDropped,
        rows_filtered_out: f.rowsFilteredOut,
        short_rows: f.shortRows,
        bad_values: f.skippedRows.length,
      })),
    ),
  };
  const columnsUsed: Table = {
    id: 'missing',
    title: 'Missing values in the columns used (by code)',
    columns: pick(['year', 'file', 'field', 'column', 'missing', 'codes'], naming),
    rows: years.flatMap((y) =>
      y.files.flatMap((f) =>
        Object.entries(f.columns)
          .filter(([field]) => f.missing[f.columns[field]!] !== undefined)
          .map(([field, col]) => {
            const codes = f.missing[col!];
            const total = Object.values(codes).reduce((a, b) => a + b, 0);
            const list = Object.entries(codes).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `${k} ${v}`).join(', ');
            // A joined table's column is named as that table has it, under its file.
            const from = y.files.find((j) => j.role === 'join' && j.columns[col!] !== undefined);
            return { year: y.year, file: basename((from ?? f).file), field: fieldName(field, map), column: from ? from.columns[col!] : col!, missing: total, codes: list };
          }),
      ),
    ),
  };
  const skippedAll = years.flatMap((y) => y.files.flatMap((f) => f.skippedRows.map((s) => ({ year: y.year, file: basename(f.file), ...s }))));
  const skipped: Table = {
    id: 'bad_values',
    title: 'Values that could not be read (treated as missing)',
    columns: pick(['year', 'file', 'line', 'column', 'value', ['reason', { label: 'reason' }]], naming),
    rows: skippedAll.slice(0, 100),
  };
  const long = longFiles(years, naming);
  // DfE's words (RECTYPE, its total rows) for a DfE file only: one with a RECTYPE column or URN ids.
  const dfe = dfeFile(map);
  const latest = yearRows[yearRows.length - 1];
  const summary = [
    `${years.length} year${years.length === 1 ? '' : 's'} loaded (${years.map((y) => (y.year === NO_YEAR ? `"${NO_YEAR}": the file's name gives no year; --attainment YEAR=FILE names it` : y.year)).join(', ')}); measure ${map.measure}${ctx.measureName() !== map.measure ? ` (${ctx.measureName()})` : ''}, ${L.fsm} ${map.fsm}${map.ci ? `, bounds ${map.ci.join('/')}` : ''}.`,
    `Cohort: ${map.cohort ? (map.cohortNote ?? `${map.cohort} (--cohort-col)`) : `${map.cohortNote ?? 'none'}; no school is left out for its size (pass --cohort-col COL)`}.`,
    `${latest.year}: ${latest.schools} schools in the attainment file, ${latest.matched} matched in the ${L.fsmWord} table, ${latest.eligible} eligible (${map.cohort ? `cohort ≥ ${c.eligibility.minCohort}` : 'any cohort'}${!map.rectype && !map.schoolType ? `, no ${dfe ? 'RECTYPE' : 'school-type'} column, so special schools cannot be told apart` : c.eligibility.includeSpecial ? '' : ', special schools left out'}).`,
  ];
  summary.push(layoutLine(years[years.length - 1]));
  if (map.ciMissing) summary.push(`Bounds: ${boundsMissing(map)}.`);
  const selective = selectiveNote(map.measure, c.families.match ?? [], eligibility(years[years.length - 1].year, years[years.length - 1].schools, ctx.eligibilityOptions()).eligible.measure);
  if (selective) summary.push(selective);
  const linked = checkLinks(ctx, years, naming);
  summary.push(...linked.summary);
  if (years.length > 1) summary.push(...turnoverLines(ctx.analyse().map((a) => a.families), ctx.key()));
  const published = years[years.length - 1].published;
  if (published) {
    const n = Object.keys(published.la).length;
    const nation = published.nation && `${L.nation} ${published.nation.value} (${describePublished(published.nation, L, 'nation')})`;
    const las = n && `${n} ${L.la} figure${n === 1 ? '' : 's'}${n === 1 ? ` (${Object.keys(published.la)[0]}: ${Object.values(published.la)[0].value})` : ''}`;
    summary.push(`Published figures for ${ctx.measureName()} in ${latest.year}'s summary rows: ${[nation, las].filter(Boolean).join(' and ')}; fos trend sets each school beside them.`);
  }
  const notes = [
    `Missing codes: blank, ${MISSING_CODES.join(' ')} — counted, never read as 0.`,
    `Summary rows are rows without an id${dfe ? ' and DfE total rows (RECTYPE 4, 5, 7; URN NAT)' : ''}` + (long.rows.length ? '; in long-format files, rows whose geographic_level is not School.' : '.'),
  ];
  if (long.rows.length) {
    const files = [...new Set(long.rows.map((r) => String(r.file)))];
    summary.push(`${EES_LAYOUT}: ${files.join(', ')}; years ${[...new Set(long.rows.map((r) => r.year))].join(', ')}; breakdown ${[...new Set(long.rows.map((r) => r.breakdown))].join(', ')}.`);
  }
  if (skippedAll.length > skipped.rows.length) notes.push(`${skippedAll.length} unreadable values in all; the first ${skipped.rows.length} are listed.`);
  // Everyone left out, with the reason: all of them in json, xlsx, html and with --excluded
  // (then the main table, so csv gives it); the first 20 on a terminal.
  const excluded: Table = {
    id: 'excluded',
    title: 'Schools left out, and why',
    columns: pick(['year', 'id', 'name', 'la', ['reason', { label: 'reason' }], 'detail'], naming),
    rows: left,
  };
  const shortList = !c.excluded && (c.format === 'table' || c.format === 'md') && left.length > TERMINAL_EXCLUDED;
  if (shortList) {
    notes.push(`${left.length} schools left out in all; the first ${TERMINAL_EXCLUDED} are listed: fos check --excluded lists them all (--format csv -o excluded.csv for a file).`);
    excluded.rows = left.slice(0, TERMINAL_EXCLUDED);
  }
  const tables: Table[] = c.excluded ? [excluded] : [{ id: 'years', title: 'Years', columns: yearCols, rows: yearRows }, files, columnsUsed, excluded];
  if (!c.excluded) {
    if (long.rows.length) tables.push(long);
    const joined = joinedTables(years, naming);
    if (joined.rows.length) tables.push(joined);
    if (linked.table) tables.push(linked.table);
    notes.push(...shadowedNotes(years), ...linked.notes);
  }
  if (skippedAll.length && !c.excluded) tables.push(skipped);
  return { title: c.excluded ? 'fos check: schools left out' : 'fos check: data quality', summary, tables, notes, charts: [], meta: ctx.meta(c.excluded ? left.length : yearRows.length) };
}
