import { FosError } from '../errors.js';
import { closeNames } from './columnHint.js';
import { NO_JOIN_ROW } from './parseCell.js';
import { findColumn } from './findColumn.js';
import type { RawTable } from './rawTable.js';
import { isSummaryRow, type WhereFilter } from './readSchoolRows.js';

/** A table of a year as it was read: its rows, and its id and RECTYPE columns. */
export interface ReadTable {
  table: RawTable;
  id: string;
  rectype?: string;
}

/**
 * Why --where left a year with no school, as the error to give, or undefined when the
 * filters are not the cause (the files have no school rows at all). Each filter that no
 * school row meets is named with the values its column does have, the most common first
 * with their counts, and the closest of them ("did you mean Academy converter?"), as
 * --breakdown lists the breakdowns; filters each met by some schools but by none together
 * are named with how many meet each. Values match ignoring case (readSchoolRows.keepsRow).
 * Called only once no school is left: the tables are read again.
 */
export function noWhereMatch(tables: readonly ReadTable[], where: readonly WhereFilter[], year: string): FosError | undefined {
  const counts = where.map(() => new Map<string, number>());
  // A filter on a column of none of these tables (the FSM file's) is not judged here.
  const judged = where.map(() => false);
  let schools = 0;
  for (const { table, id, rectype } of tables) {
    const idAt = table.header.indexOf(id);
    const rectypeAt = rectype ? table.header.indexOf(rectype) : -1;
    const at = where.map((w) => {
      const c = findColumn(table.header, w.column);
      return c === undefined ? -1 : table.header.indexOf(c);
    });
    at.forEach((k, w) => (judged[w] ||= k >= 0));
    table.scan((row) => {
      if (isSummaryRow(row.text(idAt).trim(), rectypeAt >= 0 ? row.text(rectypeAt).trim() : '')) return;
      schools++;
      at.forEach((k, w) => {
        if (k < 0) return;
        const v = row.absent?.(k) ? NO_JOIN_ROW : row.text(k).trim();
        counts[w].set(v, (counts[w].get(v) ?? 0) + 1);
      });
    });
  }
  if (schools === 0) return undefined;
  const filters = where.map((w, k) => ({ w, values: counts[k], met: countOf(counts[k], w.value) })).filter((_, k) => judged[k]);
  if (filters.length === 0) return undefined;
  const file = tables[0]?.table.file;
  const unmet = filters.filter((f) => f.met === 0);
  if (unmet.length === 0) {
    const each = filters.map((f) => `${f.w.column}=${f.w.value} (${f.met} school${f.met === 1 ? '' : 's'})`).join(', ');
    return new FosError('NO_SCHOOLS', `${year}: no school row meets every --where filter together`, { file }, `each alone is met: ${each}; drop one`);
  }
  const [first] = unmet;
  const present = [...first.values].filter(([v]) => v !== '' && v !== NO_JOIN_ROW).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const blank = first.values.get('') ?? 0;
  const noRow = first.values.get(NO_JOIN_ROW) ?? 0;
  const shown = present.slice(0, 8).map(([v, n]) => `${v} (${n})`);
  const more = present.length > 8 ? ', …' : '';
  const close = closeNames(present.map(([v]) => v), first.w.value);
  const values = present.length
    ? `${first.w.column} has ${present.length} value${present.length === 1 ? '' : 's'} in the school rows, with their counts: ${shown.join(', ')}${more}${blank ? `, and ${blank} blank` : ''}${noRow ? `, and ${noRow} with no row in the joined table` : ''}`
    : `${first.w.column} is blank in every school row${noRow ? ` (${noRow} with no row in the joined table)` : ''}`;
  return new FosError(
    'NO_SCHOOLS',
    `${year}: --where ${first.w.column}=${first.w.value} keeps no school: no school row has that value${unmet.length > 1 ? ` (nor ${unmet.slice(1).map((f) => `${f.w.column}=${f.w.value}`).join(', ')})` : ''}`,
    { file },
    `${close.length ? `did you mean ${close.map((c) => JSON.stringify(c)).join(', ')}? ` : ''}${values}; values match ignoring case`,
  );
}

/** Rows with the value, ignoring case. */
function countOf(values: Map<string, number>, value: string): number {
  const want = value.trim().toLowerCase();
  let n = 0;
  for (const [v, c] of values) if (v.toLowerCase() === want) n += c;
  return n;
}
