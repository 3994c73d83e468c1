import { findColumn } from '../core/load/dfeColumns.js';
import { readSchoolRows, type ReadOptions, type SchoolRows } from '../core/load/readSchoolRows.js';
import type { FileReport } from '../core/types.js';
import { openTable, parseTable, type ReadTextOptions, type TextSource } from './readTable.js';

/** What it takes to read one file's school rows, on this thread or the helper thread. */
export interface RowsJob {
  file: string;
  read: ReadTextOptions;
  /** Field → column of this file (resolved from the headers of all the year's files). */
  columns: Partial<Record<string, string>>;
  options: ReadOptions;
}

export interface FileRows {
  rows: SchoolRows;
  report: FileReport;
}

/** One file's school rows: the columns the map uses, and any --where column it has. */
export function readRows(job: RowsJob, src: TextSource = openTable(job.file, job.read)): FileRows {
  const whereCols = job.options.where.map((w) => findColumn(src.header, w.column)).filter((c): c is string => c !== undefined);
  const used = Object.values(job.columns).filter((c): c is string => c !== undefined);
  return readSchoolRows(parseTable(src, [...used, ...whereCols]), job.columns, job.options);
}
