import { FosError } from '../errors.js';
import type { FileReport } from '../types.js';
import { parseCell } from './parseCell.js';
import type { RawTable } from './rawTable.js';

/** A `--where COL=VALUE` filter. */
export interface WhereFilter {
  column: string;
  value: string;
}

/** One usable row of one file: text fields and numeric fields by field name. */
export interface SchoolRow {
  id: string;
  line: number;
  text: Record<string, string>;
  numbers: Record<string, number | null>;
}

/** Ids that mark national or authority total rows in DfE files. */
const SUMMARY_IDS = new Set(['NAT', 'LA', 'ENG', 'ENGLAND', 'TOTAL', 'ALL']);
/** DfE RECTYPE values of total rows: 4 authority, 5 and 7 national. */
const SUMMARY_RECTYPES = new Set(['4', '5', '7']);
/** Fields read as text; every other field is numeric. */
const TEXT_FIELDS = new Set(['id', 'name', 'la', 'rectype']);
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
 * Read one file's rows into school rows keyed by id, applying METHOD.md's rules: ids are
 * text (leading zeros kept); rows without an id and DfE total rows are dropped and counted;
 * missing codes are counted per column and code; a value that is not a number is counted
 * as a skipped row (an error with `strict`), and a column with no number at all is an
 * error; the same id twice is an error naming both lines.
 */
export function readSchoolRows(
  table: RawTable,
  columns: Partial<Record<string, string>>,
  opts: ReadOptions,
): { rows: Map<string, SchoolRow>; report: FileReport } {
  const index = (col: string) => table.header.indexOf(col);
  const fields = Object.entries(columns).filter((e): e is [string, string] => e[1] !== undefined);
  const used = fields.map(([field, col], k) => ({
    field,
    col,
    at: index(col),
    text: TEXT_FIELDS.has(field),
    // A column that feeds two fields (e.g. measure and % FSM) is counted once.
    counted: fields.findIndex((f) => f[1] === col) === k,
  }));
  const idAt = index(columns.id!);
  const rectypeAt = columns.rectype ? index(columns.rectype) : -1;
  const filters = opts.where
    .map((w) => ({ at: table.header.findIndex((h) => h.trim().toLowerCase() === w.column.trim().toLowerCase()), value: w.value.trim() }))
    .filter((f) => f.at >= 0);

  const missing: Record<string, Record<string, number>> = {};
  for (const u of used) if (!u.text) missing[u.col] = {};
  const numbersSeen: Record<string, number> = {};
  const report: FileReport = {
    file: table.file,
    year: opts.year,
    role: opts.role,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sha256: table.sha256,
    rowsRead: table.rows.length,
    schools: 0,
    summaryRowsDropped: 0,
    rowsFilteredOut: 0,
    shortRows: table.shortRows,
    skippedRows: [],
    columns: Object.fromEntries(fields),
    missing,
  };
  const rows = new Map<string, SchoolRow>();
  const decimalComma = table.delimiter === ';';

  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    const line = table.lines[r];
    if (filters.some((f) => (row[f.at] ?? '').trim() !== f.value)) {
      report.rowsFilteredOut++;
      continue;
    }
    const id = (row[idAt] ?? '').trim();
    const rectype = rectypeAt >= 0 ? (row[rectypeAt] ?? '').trim() : '';
    if (id === '' || SUMMARY_IDS.has(id.toUpperCase()) || SUMMARY_RECTYPES.has(rectype)) {
      report.summaryRowsDropped++;
      continue;
    }
    const prior = rows.get(id);
    if (prior) {
      throw new FosError(
        'DUPLICATE_ID',
        `school ${id} appears twice (lines ${prior.line} and ${line})`,
        { file: table.file, line, column: columns.id, value: id },
        'a file should hold one row per school for a year; keep one kind of row with --where COL=VALUE (e.g. --where RECTYPE=1)',
      );
    }
    const text: Record<string, string> = {};
    const numbers: Record<string, number | null> = {};
    for (const u of used) {
      const raw = row[u.at];
      if (u.text) {
        text[u.field] = (raw ?? '').trim();
        continue;
      }
      const cell = parseCell(raw, decimalComma);
      if (cell.kind === 'number') {
        numbersSeen[u.col] = (numbersSeen[u.col] ?? 0) + 1;
        if (PERCENT_FIELDS.has(u.field) && (cell.value < 0 || cell.value > 100)) {
          skip(report, opts, line, u.col, raw ?? '', 'a percentage must lie between 0 and 100');
          numbers[u.field] = null;
        } else numbers[u.field] = cell.value;
      } else if (cell.kind === 'missing') {
        if (u.counted) missing[u.col][cell.code] = (missing[u.col][cell.code] ?? 0) + 1;
        numbers[u.field] = null;
      } else {
        if (u.counted) skip(report, opts, line, u.col, cell.raw, 'not a number or a known missing code');
        numbers[u.field] = null;
      }
    }
    rows.set(id, { id, line, text, numbers });
  }
  report.schools = rows.size;

  // A numeric column with values but not one number is the wrong column, not bad rows.
  for (const u of used) {
    if (u.text || numbersSeen[u.col]) continue;
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

