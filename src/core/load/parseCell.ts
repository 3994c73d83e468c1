/**
 * One cell of an input table read as a number, following docs/methodology.md (Inputs): blank, a
 * single space and the codes below are missing (kept with their code so they can be
 * counted, never turned into 0); a trailing `%` is dropped; thousands separators are not
 * accepted (a DfE file never has them). Anything else that is not a number is `invalid`.
 *
 * parseCell('67.4%') // => { kind: 'number', value: 67.4 }
 * parseCell('SUPP')  // => { kind: 'missing', code: 'SUPP' }
 */
export const MISSING_CODES: readonly string[] = [
  'NA', 'NE', 'NP', 'SUPP', 'LOWCOV', 'NEW', 'SP', 'RE', 'x', 'c', 'z', 'u', 's', ':', '..',
  // In the 2022–2025 performance tables: low coverage, and did not sit.
  'LOW', 'DNS',
  // Explore Education Statistics: rounds to zero (now `low`, formerly `~`); z, c, x, u and : above.
  'low', '~',
];
const MISSING = new Set(MISSING_CODES);
/** The name under which empty cells are counted. */
export const BLANK = '(blank)';

export type Cell =
  | { kind: 'number'; value: number }
  | { kind: 'missing'; code: string }
  | { kind: 'invalid'; raw: string };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Powers of ten exactly representable as doubles. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The fast path for the common cell: the number it holds when it is a plain decimal
 * (optional sign, digits, at most one point, at most 15 digits), or NaN for anything else
 * (missing, a percentage, an exponent, spaces, text), which parseCell then classifies.
 * The digits m and 10^k are exact doubles, so m / 10^k is correctly rounded: the same
 * number as `Number(raw)` (Clinger 1990, "How to read floating point numbers accurately").
 */
export function parseNumber(raw: string): number {
  return parseNumberIn(raw, 0, raw.length);
}

/** parseNumber of text[start, end), without cutting the field out of the text. */
export function parseNumberIn(text: string, start: number, end: number): number {
  let i = start;
  let ch = text.charCodeAt(i);
  const negative = ch === 45;
  if (negative || ch === 43) i++;
  let m = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      m = m * 10 + (ch - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (ch === 46 && fraction < 0) fraction = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = fraction > 0 ? m / POW10[fraction] : m;
  return negative ? -value : value;
}

/** `decimalComma`: read 47,2 as 47.2 (semicolon-separated files saved in many European locales). */
export function parseCell(raw: string | undefined, decimalComma = false): Cell {
  if (raw === undefined) return { kind: 'missing', code: BLANK };
  let s = raw.trim();
  if (s === '') return { kind: 'missing', code: BLANK };
  if (MISSING.has(s)) return { kind: 'missing', code: s };
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  if (decimalComma && /^[+-]?\d*,\d+$/.test(s)) s = s.replace(',', '.');
  if (NUMBER.test(s)) {
    const value = Number(s);
    if (Number.isFinite(value)) return { kind: 'number', value };
  }
  return { kind: 'invalid', raw };
}
