import type { Report } from './model.js';
import { exportValue } from './cells.js';

/**
 * The report as one JSON document: `meta` (tool, version, command, every option in force,
 * input files with SHA-256, row count) so a result can be reproduced and cited, then the
 * summary, each table as an array of objects keyed by column name, and the notes.
 */
export function formatJson(report: Report): string {
  const tables = Object.fromEntries(
    report.tables.map((t) => [t.id, t.rows.map((row) => Object.fromEntries(t.columns.map((col) => [col.header, exportValue(row[col.key], col)])))]),
  );
  return JSON.stringify({ meta: report.meta, title: report.title, summary: report.summary, tables, notes: report.notes }, null, 2) + '\n';
}
