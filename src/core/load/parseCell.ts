/**
 * One cell of an input table read as a number, following METHOD.md (Inputs): blank, a
 * single space and the codes below are missing (kept with their code so they can be
 * counted, never turned into 0); a trailing `%` is dropped; thousands separators are not
 * accepted (a DfE file never has them). Anything else that is not a number is `invalid`.
 *
 * parseCell('67.4%') // => { kind: 'number', value: 67.4 }
 * parseCell('SUPP')  // => { kind: 'missing', code: 'SUPP' }
 */
export const MISSING_CODES: readonly string[] = [
  'NA', 'NE', 'NP', 'SUPP', 'LOWCOV', 'NEW', 'SP', 'RE', 'x', 'c', 'z', 'u', 's', ':', '..',
];
const MISSING = new Set(MISSING_CODES);
/** The name under which empty cells are counted. */
export const BLANK = '(blank)';

export type Cell =
  | { kind: 'number'; value: number }
  | { kind: 'missing'; code: string }
  | { kind: 'invalid'; raw: string };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The fast path for the common cell: the number it holds, or NaN when it is anything else
 * (missing, a percentage, text), which parseCell then classifies. Same numbers as parseCell.
 */
export function parseNumber(raw: string | undefined): number {
  if (raw === undefined || !NUMBER.test(raw)) return NaN;
  const value = Number(raw);
  return Number.isFinite(value) ? value : NaN;
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
