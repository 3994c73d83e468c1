import { findColumn } from '../core/load/dfeColumns.js';
import { keyColumns, longKeys, selectLongRows, withSelection } from '../core/load/longFormat.js';
import type { RawTable } from '../core/load/rawTable.js';
import { readSchoolRows, type ReadOptions, type SchoolRows } from '../core/load/readSchoolRows.js';
import type { FileReport, LongSelection } from '../core/types.js';
import { longPeriods } from './openSource.js';
import { openTable, parseTable, type ReadTextOptions, type TextSource } from './readTable.js';

/** What it takes to read one file's school rows, on this thread or the helper thread. */
export interface RowsJob {
  file: string;
  read: ReadTextOptions;
  /** Field → column of this file (resolved from the headers of all the year's files). */
  columns: Partial<Record<string, string>>;
  options: ReadOptions;
  /** --breakdown: the breakdown read from a long-format file (default Total). */
  breakdown?: string;
}

export interface FileRows {
  rows: SchoolRows;
  report: FileReport;
}

/**
 * One file's school rows: the columns the map uses, and any --where column it has. A
 * long-format file (core/load/longFormat.ts) gives the rows of the job's year and breakdown.
 */
export function readRows(job: RowsJob, src: TextSource = openTable(job.file, job.read)): FileRows {
  const { table, selection } = rowsTable(job, src);
  const read = readSchoolRows(table, job.columns, job.options);
  return selection ? { rows: read.rows, report: withSelection(read.report, selection) } : read;
}

/** The table readRows reads the school rows from (for a long file, the year's and breakdown's rows, with how they were chosen). */
export function rowsTable(job: RowsJob, src: TextSource): { table: RawTable; selection?: LongSelection } {
  const whereCols = job.options.where.map((w) => findColumn(src.header, w.column)).filter((c): c is string => c !== undefined);
  const used = Object.values(job.columns).filter((c): c is string => c !== undefined);
  const keys = longKeys(src.header);
  const table = parseTable(src, [...used, ...whereCols, ...(keys ? keyColumns(keys) : [])]);
  if (!keys) return { table };
  return selectLongRows(table, keys, { year: job.options.year, breakdown: job.breakdown, where: job.options.where, periods: longPeriods(src, keys) });
}
