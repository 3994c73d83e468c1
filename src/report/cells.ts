import type { Cell, Column } from './model.js';
import { roundTo } from './model.js';

/** Text shown for an empty value in tables. */
const EMPTY = '–';

/** A value as shown in a table (terminal, Markdown, HTML): rounded to the column's digits. */
export function cellText(value: Cell, col: Column): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (col.type === 'int') return String(Math.round(value));
    const d = col.digits ?? 2;
    return roundTo(value, d).toFixed(d);
  }
  return value;
}

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
