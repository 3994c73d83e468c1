import type { ConsistencyRule } from '../core/compare/consistency.js';
import { FosError } from '../core/errors.js';
import type { ContextWeight } from '../core/families/context.js';
import type { WhereFilter } from '../core/load/readSchoolRows.js';

/**
 * The parse functions of the options (src/cli/options.ts): each turns the text given on
 * the command line into its value, or throws a usage error that names the flag, the
 * value and what is expected.
 */
export type Parse<T> = (text: string, flag: string) => T;

export const invalid = (flag: string, value: unknown, expected: string) =>
  new FosError('INVALID_OPTION', `invalid value for ${flag}: ${JSON.stringify(value)}`, {}, `expected ${expected}`);

/** A whole number of at least `min`. */
export const wholeNumber =
  (min: number): Parse<number> =>
  (text, flag) => {
    if (!/^\d+$/.test(text.trim()) || Number(text) < min) throw invalid(flag, text, `a whole number of at least ${min}`);
    return Number(text);
  };

/** `--limit`: a whole number of at least 1, or `all` (Infinity). */
export const rowLimit: Parse<number> = (text, flag) => (text.trim() === 'all' ? Infinity : wholeNumber(1)(text, flag));

/** A number: at least `min`, above `above`, below `max` (each when given). */
export const number =
  (range: { min?: number; max?: number; above?: number; what?: string } = {}): Parse<number> =>
  (text, flag) => {
    const n = Number(text);
    const ok =
      text.trim() !== '' &&
      Number.isFinite(n) &&
      (range.min === undefined || n >= range.min) &&
      (range.above === undefined || n > range.above) &&
      (range.max === undefined || n < range.max);
    if (!ok) throw invalid(flag, text, range.what ?? 'a number');
    return n;
  };

/** Two column names separated by a comma (`--ci-cols P8CILOW,P8CIUPP`). */
export const columnPair: Parse<[string, string]> = (text, flag) => {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw invalid(flag, text, 'two column names separated by a comma');
  return [parts[0], parts[1]];
};

/** Names separated by commas (`--subjects ATT8SCRENG,ATT8SCRMAT`). */
export const nameList: Parse<string[]> = (text) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** `name=COLUMN` (`--context-col eal=PNUMEAL`): the name in lower case. */
export const nameColumn: Parse<[string, string]> = (text, flag) => {
  const m = /^([A-Za-z_][\w]*)=(.+)$/.exec(text.trim());
  if (!m) throw invalid(flag, text, 'NAME=COLUMN');
  return [m[1].toLowerCase(), m[2].trim()];
};

/** `COLUMN=VALUE` (`--where RECTYPE=1`). */
export const whereFilter: Parse<WhereFilter> = (text, flag) => {
  const m = /^([^=]+)=(.*)$/.exec(text);
  if (!m) throw invalid(flag, text, 'COLUMN=VALUE');
  return { column: m[1].trim(), value: m[2].trim() };
};

/** `fsm=1,eal=0.5`: names with positive weights, each once (whether each is known is checked against the context columns). */
export const contextWeights: Parse<ContextWeight[]> = (text, flag) => {
  const out: ContextWeight[] = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z_]\w*)(?:=(.+))?$/.exec(part);
    const weight = m ? Number(m[2] ?? '1') : NaN;
    if (!m || !Number.isFinite(weight) || weight <= 0) throw invalid(flag, text, 'NAME=WEIGHT pairs with positive weights, e.g. fsm=1,eal=0.5');
    const name = m[1].toLowerCase();
    if (out.some((c) => c.name === name)) throw invalid(flag, text, 'each variable once');
    out.push({ name, weight });
  }
  if (out.length === 0) throw invalid(flag, text, 'at least one variable');
  return out;
};

/** Increasing % FSM edges between 0 and 100 (`0,5,9,13,21,35,50,100`). */
export const bandEdges: Parse<number[]> = (text, flag) => {
  const edges = text.split(',').map((s) => Number(s.trim()));
  if (edges.length < 2 || edges.some((e) => !Number.isFinite(e) || e < 0 || e > 100) || edges.some((e, i) => i > 0 && e <= edges[i - 1])) {
    throw invalid(flag, text, 'increasing % FSM edges from 0 to 100 separated by commas, e.g. 0,5,9,13,21,35,50,100');
  }
  return edges;
};

/** `K/N` with 1 ≤ K ≤ N (`2/3`). */
export const kOfN: Parse<ConsistencyRule> = (text, flag) => {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw invalid(flag, text, 'K/N with 1 ≤ K ≤ N, e.g. 2/3');
  return { k: Number(m[1]), n: Number(m[2]) };
};

/** One character; `tab` or `\t` for a tab. */
export const delimiterChar: Parse<string> = (text, flag) => {
  const d = text === '\\t' || text.toLowerCase() === 'tab' ? '\t' : text;
  if (d.length !== 1) throw invalid(flag, text, 'one character, e.g. ";" or tab');
  return d;
};

/** --threads: `auto`, or a whole number of at least 1. */
export const threadCount: Parse<number | 'auto'> = (text, flag) => {
  if (text.trim() === 'auto') return 'auto';
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw invalid(flag, text, 'auto, or a whole number of at least 1');
  return Number(text);
};

/** `KEY=TEXT` (`--label la=District`): the key as given (la, fsm, nation, measure, or a column), the text trimmed and not empty. */
export const labelPair: Parse<[string, string]> = (text, flag) => {
  const m = /^([^=]+)=(.*)$/s.exec(text);
  if (!m || !m[1].trim() || !m[2].trim()) throw invalid(flag, text, 'KEY=TEXT, e.g. la=District, fsm="% low income", nation="New York City" or measure="Attainment 8"');
  return [m[1].trim(), m[2].trim()];
};
