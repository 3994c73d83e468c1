import { FosError } from '../errors.js';
import { idOrder } from '../idOrder.js';
import type { SchoolRows } from './readSchoolRows.js';

/**
 * Several files of one year (e.g. one per local authority) read as one table: their rows
 * one after the other, in the order the files were given. A field one file lacks reads as
 * missing in its rows. A school in two files is an error naming both files and lines, as
 * a school twice in one file is.
 */
export function mergeSchoolRows(parts: readonly { file: string; rows: SchoolRows }[], idColumn: string): SchoolRows {
  if (parts.length === 1) return parts[0].rows;
  const n = parts.reduce((a, p) => a + p.rows.ids.length, 0);
  const ids: string[] = [];
  const lines = new Int32Array(n);
  const fileOf = new Int32Array(n);
  const textKeys = new Set(parts.flatMap((p) => Object.keys(p.rows.text)));
  const numberKeys = new Set(parts.flatMap((p) => Object.keys(p.rows.numbers)));
  const text: Record<string, string[]> = Object.fromEntries([...textKeys].map((k) => [k, [] as string[]]));
  const numbers: Record<string, Float64Array> = Object.fromEntries([...numberKeys].map((k) => [k, new Float64Array(n).fill(NaN)]));
  let at = 0;
  parts.forEach((p, f) => {
    const m = p.rows.ids.length;
    for (const id of p.rows.ids) ids.push(id);
    lines.set(p.rows.lines, at);
    fileOf.fill(f, at, at + m);
    for (const k of textKeys) {
      const own = p.rows.text[k];
      for (let r = 0; r < m; r++) text[k].push(own ? own[r] : '');
    }
    for (const k of numberKeys) if (p.rows.numbers[k]) numbers[k].set(p.rows.numbers[k], at);
    at += m;
  });
  const order = idOrder(ids);
  // Equal ids sit together in id order, each run in the order of the files.
  for (let k = 1; k < order.length; k++) {
    const [a, b] = [order[k - 1], order[k]];
    if (ids[a] !== ids[b]) continue;
    const where = (r: number) => `${parts[fileOf[r]].file} line ${lines[r]}`;
    throw new FosError(
      'DUPLICATE_ID',
      `school ${ids[b]} appears twice (${where(a)} and ${where(b)})`,
      { file: parts[fileOf[b]].file, line: lines[b], column: idColumn, value: ids[b] },
      'the files of one year should each hold different schools; keep one kind of row with --where COL=VALUE',
    );
  }
  const totals = parts.flatMap((p) => p.rows.totals ?? []);
  return { ids, lines, order, text, numbers, ...(totals.length ? { totals } : {}) };
}
