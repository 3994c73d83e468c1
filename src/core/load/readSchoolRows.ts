import { FosError } from '../errors.js';
import type { FileReport } from '../types.js';
import { Growable } from '../growable.js';
import { idOrder } from '../idOrder.js';
import { findColumn } from './findColumn.js';
import { NO_JOIN_ROW, parseCell } from './parseCell.js';
import type { RawTable } from './rawTable.js';

/** A `--where COL=VALUE` filter. */
export interface WhereFilter {
  column: string;
  value: string;
}

/** A --where filter on a table: its column's position there, and the value a row must have (in lower case). */
export interface WhereAt {
  at: number;
  value: string;
}

/** The --where filters a table's header has the column of (found as findColumn finds it); the others are dropped. */
export function whereFilters(header: readonly string[], where: readonly WhereFilter[]): WhereAt[] {
  return where.map((w) => ({ at: header.indexOf(findColumn(header, w.column)!), value: w.value.trim().toLowerCase() })).filter((f) => f.at >= 0);
}

/** Whether a row has each filter's value, as column names are matched: ignoring case and the spaces around the cell. */
export function keepsRow(filters: readonly WhereAt[], row: { text: (k: number) => string }): boolean {
  return filters.every((f) => row.text(f.at).trim().toLowerCase() === f.value);
}

/**
 * Whether a summary row (an LA or national total) is kept under the filters: --where
 * chooses schools, so a total is left out only by a value of its own that differs (a long
 * file's national row of another `subject`), never for a blank cell (a column joined by
 * URN, which a total has none of) nor by the RECTYPE that makes it a total.
 */
export function keepsSummaryRow(filters: readonly WhereAt[], row: { text: (k: number) => string }, rectypeAt: number): boolean {
  return filters.every((f) => {
    if (f.at === rectypeAt) return true;
    const cell = row.text(f.at).trim().toLowerCase();
    return cell === '' || cell === f.value;
  });
}

/** Whether a row is a summary row (no school's): no id, an id such as NAT, or a DfE total RECTYPE (4, 5, 7). */
export function isSummaryRow(id: string, rectype: string): boolean {
  // (Summary ids start with a letter, so digit ids skip the set lookups.)
  return id === '' || (id.charCodeAt(0) > 57 && SUMMARY_IDS.has(id.toUpperCase())) || (rectype !== '' && SUMMARY_RECTYPES.has(rectype));
}

/**
 * The usable rows of one file, column by column (a row per school, in file order): text
 * fields as strings, numeric fields as numbers with NaN for missing. Columns, not an
 * object per row, so half a million schools cost a few typed arrays.
 */
export interface SchoolRows {
  ids: string[];
  /** Line in the file of each row. */
  lines: Int32Array;
  /** Rows in id order (compareIds). */
  order: Int32Array;
  text: Record<string, string[]>;
  numbers: Record<string, Float64Array>;
  /** The summary rows that carry the measure (a DfE file's LA and national totals), as read. */
  totals?: TotalRow[];
}

/** A summary row dropped from the schools that carries a value of the measure. */
export interface TotalRow {
  /** Its RECTYPE ('' without one), its school type (a long file's; '' without one), its LA code ('' for a national row). */
  rectype: string;
  schoolType: string;
  la: string;
  value: number;
  cohort: number | null;
  file: string;
  line: number;
}

/** Ids that mark national or authority total rows in DfE files. */
const SUMMARY_IDS = new Set(['NAT', 'LA', 'ENG', 'ENGLAND', 'TOTAL', 'ALL']);
/** DfE RECTYPE values of total rows: 4 authority, 5 and 7 national. */
const SUMMARY_RECTYPES = new Set(['4', '5', '7']);
/** Fields read as text; every other field is numeric. */
const TEXT_FIELDS = new Set(['id', 'name', 'la', 'rectype', 'schoolType']);
/** Text fields with few distinct values: each value is kept as one string, not one per row. */
const REPEATED_FIELDS = new Set(['la', 'rectype', 'schoolType']);
/** Fields that are percentages and must lie in 0–100. */
const PERCENT_FIELDS = new Set(['fsm']);

export interface ReadOptions {
  year: string;
  role: FileReport['role'];
  where: WhereFilter[];
  /** Turn rows skipped for bad values into an error. */
  strict: boolean;
}

/**
 * Read one file's rows into school rows keyed by id, applying docs/methodology.md's rules: ids are
 * text (leading zeros kept); rows without an id and DfE total rows are dropped and counted;
 * missing codes are counted per column and code; a value that is not a number is counted
 * as a skipped row (an error with `strict`), and a column with no number at all is an
 * error; the same id twice is an error naming both lines.
 */
export function readSchoolRows(
  table: RawTable,
  columns: Partial<Record<string, string>>,
  opts: ReadOptions,
): { rows: SchoolRows; report: FileReport } {
  const index = (col: string) => table.header.indexOf(col);
  const fields = Object.entries(columns).filter((e): e is [string, string] => e[1] !== undefined);
  const used = fields.map(([field, col], k) => ({
    field,
    col,
    at: index(col),
    text: TEXT_FIELDS.has(field) || field.startsWith('match:'),
    repeated: REPEATED_FIELDS.has(field) || field.startsWith('match:'),
    percent: PERCENT_FIELDS.has(field),
    // A column that feeds two fields (e.g. measure and % FSM) is counted once.
    counted: fields.findIndex((f) => f[1] === col) === k,
  }));
  const idAt = index(columns.id!);
  const rectypeAt = columns.rectype ? index(columns.rectype) : -1;
  const schoolTypeAt = columns.schoolType ? index(columns.schoolType) : -1;
  const filters = whereFilters(table.header, opts.where);

  const missing: Record<string, Record<string, number>> = {};
  for (const u of used) if (!u.text) missing[u.col] = {};
  // Numbers seen in each used column.
  const seen = new Int32Array(used.length);
  const report: FileReport = {
    file: table.file,
    year: opts.year,
    role: opts.role,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sha256: table.sha256,
    rowsRead: 0,
    schools: 0,
    summaryRowsDropped: 0,
    rowsFilteredOut: 0,
    shortRows: 0,
    skippedRows: [],
    repairs: table.repairs ?? [],
    columns: Object.fromEntries(fields),
    missing,
  };
  const ids: string[] = [];
  const lines = new Growable((n) => new Int32Array(n));
  // One growing column per field (numbers as doubles, NaN for missing).
  const textCols = used.map(() => [] as string[]);
  const numberCols = used.map(() => new Growable((n) => new Float64Array(n)));
  const distinct = new Map<string, string>();
  const decimalComma = table.delimiter === ';';

  // Summary rows keep their measure (and LA, cohort): the file's published figures.
  const at = (field: string) => used.find((u) => u.field === field)?.at ?? -1;
  const [measureAt, laAt, cohortAt] = [at('measure'), at('la'), at('cohort')];
  const totals: TotalRow[] = [];
  const numberAt = (row: { text: (k: number) => string }, k: number) => {
    const cell = k >= 0 ? parseCell(row.text(k), decimalComma) : undefined;
    return cell?.kind === 'number' ? cell.value : null;
  };

  const counts = table.scan((row, line) => {
    const id = row.text(idAt).trim();
    const rectype = rectypeAt >= 0 ? row.text(rectypeAt).trim() : '';
    const summary = isSummaryRow(id, rectype);
    // --where chooses schools: a summary row stays the file's published figure (keepsSummaryRow).
    if (filters.length && !(summary ? keepsSummaryRow(filters, row, rectypeAt) : keepsRow(filters, row))) {
      report.rowsFilteredOut++;
      return;
    }
    if (summary) {
      report.summaryRowsDropped++;
      const value = numberAt(row, measureAt);
      if (value !== null) totals.push({ rectype, schoolType: schoolTypeAt >= 0 ? row.text(schoolTypeAt).trim() : '', la: laAt >= 0 ? row.text(laAt).trim() : '', value, cohort: numberAt(row, cohortAt), file: table.file, line });
      return;
    }
    ids.push(id);
    lines.push(line);
    for (let c = 0; c < used.length; c++) {
      const u = used[c];
      if (u.field === 'id') continue;
      if (u.text) {
        let text = row.text(u.at).trim();
        if (u.repeated) {
          const kept = distinct.get(text);
          if (kept === undefined) distinct.set(text, text);
          else text = kept;
        }
        textCols[c].push(text);
        continue;
      }
      let value = row.number(u.at);
      if (value !== value) {
        const raw = row.text(u.at);
        const cell = parseCell(raw, decimalComma);
        if (cell.kind === 'number') value = cell.value;
        else if (cell.kind === 'missing') {
          const code = row.absent?.(u.at) ? NO_JOIN_ROW : cell.code;
          if (u.counted) missing[u.col][code] = (missing[u.col][code] ?? 0) + 1;
        } else if (u.counted) skip(report, opts, line, u.col, cell.raw, 'not a number or a known missing code');
      }
      let out = NaN;
      if (value === value) {
        seen[c]++;
        if (u.percent && (value < 0 || value > 100)) skip(report, opts, line, u.col, row.text(u.at), 'a percentage must lie between 0 and 100');
        else out = value;
      }
      numberCols[c].push(out);
    }
  });
  report.rowsRead = counts.rows;
  report.shortRows = counts.shortRows;
  const text: Record<string, string[]> = {};
  const numbers: Record<string, Float64Array> = {};
  used.forEach((u, c) => {
    if (u.field === 'id') return;
    if (u.text) text[u.field] = textCols[c];
    else numbers[u.field] = numberCols[c].values();
  });
  const order = idOrder(ids);
  const rows: SchoolRows = { ids, lines: lines.values(), order, text, numbers, ...(totals.length ? { totals } : {}) };
  duplicates(ids, rows.lines, order, table.file, columns.id!);
  report.schools = ids.length;

  // A numeric column with values but not one number is the wrong column, not bad rows.
  for (const u of used) {
    if (u.text || used.some((v, c) => v.col === u.col && seen[c] > 0)) continue;
    const bad = report.skippedRows.find((s) => s.column === u.col);
    if (bad) {
      throw new FosError(
        'BAD_VALUE',
        `column ${u.col} holds text, not numbers`,
        { file: table.file, line: bad.line, column: u.col, value: bad.value },
        `choose a numeric column (${flagFor(u.field)})`,
      );
    }
  }
  return { rows, report };
}

/** The same id on two rows is an error naming both lines: the first repeat in the file. */
function duplicates(ids: readonly string[], lines: Int32Array, order: Int32Array, file: string, column: string) {
  // Equal ids sit together in id order, each run in file order.
  let first = -1;
  let repeat = -1;
  for (let k = 1; k < order.length; k++) {
    const id = ids[order[k]];
    if (id !== ids[order[k - 1]] || (k > 1 && id === ids[order[k - 2]])) continue;
    if (repeat < 0 || lines[order[k]] < lines[repeat]) [first, repeat] = [order[k - 1], order[k]];
  }
  if (repeat < 0) return;
  throw new FosError(
    'DUPLICATE_ID',
    `school ${ids[repeat]} appears twice (lines ${lines[first]} and ${lines[repeat]})`,
    { file, line: lines[repeat], column, value: ids[repeat] },
    'a file should hold one row per school for a year; keep one kind of row with --where COL=VALUE (e.g. --where RECTYPE=1)',
  );
}

function skip(report: FileReport, opts: ReadOptions, line: number, column: string, value: string, reason: string) {
  if (opts.strict) {
    throw new FosError('SKIPPED_ROWS', reason, { file: report.file, line, column, value }, 'fix the value, or drop --strict to skip such rows and count them');
  }
  report.skippedRows.push({ line, column, value, reason });
}

function flagFor(field: string): string {
  if (field === 'measure') return 'pass --measure';
  if (field === 'fsm') return 'pass --fsm-col';
  if (field === 'cohort') return 'pass --cohort-col';
  if (field.startsWith('context:')) return 'check --context-col';
  if (field.startsWith('subject:')) return 'check --subjects';
  return 'check the column flags';
}

