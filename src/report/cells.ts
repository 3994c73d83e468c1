import type { Cell, Column } from './model.js';
import { roundTo } from './model.js';

/** Text shown for an empty value in tables. */
const EMPTY = '–';

/** A value as shown in a table (terminal, Markdown, HTML): rounded to the column's digits; "3/20" for a column `of` another. */
export function cellText(value: Cell, col: Column, row?: Record<string, Cell>): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (col.of && row) return `${Math.round(value)}/${row[col.of] ?? EMPTY}`;
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
  const c = text.charCodeAt(0);
  // = + - @ tab CR
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${text}` : text;
}

/** A value as written to csv, json, xlsx: numbers rounded to 4 decimals, empty as null. */
export function exportValue(value: Cell, col: Column): Cell {
  if (value === undefined || value === '') return null;
  if (typeof value === 'number') return col.type === 'int' ? Math.round(value) : roundTo(value, 4);
  return value;
}

/**
 * A number rounded to 4 decimals (exportValue), as text: the same as
 * String(roundTo(x, 4)), written from the integer of ten-thousandths: its whole part,
 * then the text of its last four digits looked up (FRACTIONS), some three times as quick
 * for long csv tables. The decimal m / 10⁴ has at most 10 significant digits here, so it
 * is the shortest text that reads back as the same number, which is what String gives.
 * Beyond ±2³¹ ten-thousandths, and for NaN or ±∞, String itself.
 *
 * decimalText(-1.23456) // => '-1.2346'
 */
export function decimalText(x: number): string {
  const m = Math.round(x * 1e4);
  if (!(Math.abs(m) < 2 ** 31)) return String(roundTo(x, 4));
  const a = Math.abs(m);
  const whole = Math.floor(a / 1e4);
  const text = `${whole}${(FRACTIONS ??= fractions())[a - whole * 1e4]}`;
  return m < 0 ? `-${text}` : text;
}

/** The decimals of f ten-thousandths as text, for f = 0 … 9999: '' for 0, '.5' for 5000, '.0001' for 1; made on first use. */
let FRACTIONS: string[] | undefined;

function fractions(): string[] {
  const out = new Array<string>(1e4);
  out[0] = '';
  for (let f = 1; f < 1e4; f++) out[f] = `.${String(f + 1e4).slice(1).replace(/0+$/, '')}`;
  return out;
}
