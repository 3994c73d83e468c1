import { stringify } from 'csv-stringify/sync';
import type { Cell, Column, Report, Table } from './model.js';
import { roundTo } from './model.js';

/**
 * A spreadsheet would run a text cell that starts with = + - @, a tab or a carriage
 * return as a formula (OWASP "CSV injection"); such cells get a leading apostrophe.
 * Numbers are never touched, so −0.45 stays a number.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A value as written to csv, json, xlsx: numbers rounded to 4 decimals, empty as null. */
export function exportValue(value: Cell, col: Column): Cell {
  if (value === undefined || value === '') return null;
  if (typeof value === 'number') return col.type === 'int' ? Math.round(value) : roundTo(value, 4);
  return value;
}

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
