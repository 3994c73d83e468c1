import { stringify } from 'csv-stringify/sync';
import type { Report, Table } from './model.js';
import { exportValue, neutralise } from './cells.js';

/** The report's main table (its first) as CSV: UTF-8 with a BOM so Excel reads names right. */
export function formatCsv(report: Report): string {
  return '\uFEFF' + tableCsv(report.tables[0]);
}

export function tableCsv(t: Table): string {
  const rows = t.rows.map((row) =>
    t.columns.map((col) => {
      const v = exportValue(row[col.key], col);
      if (v === null) return '';
      if (typeof v === 'string') return neutralise(v);
      return typeof v === 'boolean' ? String(v) : String(v);
    }),
  );
  return stringify([t.columns.map((col) => col.header), ...rows], { record_delimiter: '\n' });
}
