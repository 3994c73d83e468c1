import { FosError } from '../errors.js';
import { GIAS_LAYOUT, recogniseLayout } from './layouts.js';
import { parseNumber } from './parseCell.js';
import type { RawRow, RawTable } from './rawTable.js';

/** A table's header, with the stem (file name without folder and extension) that `stem.col` uses. */
export interface NamedHeader {
  file: string;
  stem: string;
  header: readonly string[];
}

/** A column name seen in two tables: the first table's is used. */
export interface ShadowedColumn {
  column: string;
  kept: string;
  hidden: string;
}

/**
 * The columns of a base table and the tables joined to it, as one header: every column of
 * the base, then each joined table's columns whose name (ignoring case) is not already
 * there, so the first table named wins; then `stem.col` for every column of every table,
 * which picks a table's column explicitly. `source[i]` says where column i comes from
 * (table 0 is the base). The join id of each joined table is not listed as shadowed.
 */
export function joinedHeader(tables: readonly NamedHeader[], joinIds: readonly (string | undefined)[] = []): {
  header: string[];
  source: { table: number; column: string }[];
  shadowed: ShadowedColumn[];
} {
  const header: string[] = [];
  const source: { table: number; column: string }[] = [];
  const shadowed: ShadowedColumn[] = [];
  const owner = new Map<string, number>();
  tables.forEach((t, k) => {
    for (const column of t.header) {
      const key = column.trim().toLowerCase();
      const first = owner.get(key);
      if (first !== undefined) {
        if (first !== k && column !== joinIds[k]) shadowed.push({ column, kept: tables[first].file, hidden: t.file });
        continue;
      }
      owner.set(key, k);
      header.push(column);
      source.push({ table: k, column });
    }
  });
  tables.forEach((t, k) => {
    for (const column of t.header) {
      const alias = `${t.stem}.${column}`;
      if (owner.has(alias.toLowerCase())) continue;
      owner.set(alias.toLowerCase(), k);
      header.push(alias);
      source.push({ table: k, column });
    }
  });
  return { header, source, shadowed };
}

/** A joined table read into memory: its kept columns as text, and each id's row. */
export interface JoinIndex {
  file: string;
  header: string[];
  columns: string[][];
  rowOf: Map<string, number>;
  rows: number;
  encoding: string;
  delimiter: string;
  sha256: string;
}

/**
 * Read a table to be joined by `idColumn`: each kept column as text, and the row of each
 * id. Rows without an id are skipped; the same id twice is an error naming both lines.
 */
export function indexTable(table: RawTable, idColumn: string): JoinIndex {
  const idAt = table.header.indexOf(idColumn);
  const columns = table.header.map(() => [] as string[]);
  const rowOf = new Map<string, number>();
  const lineOf: number[] = [];
  const { rows } = table.scan((row, line) => {
    const id = row.text(idAt).trim();
    if (id === '') return;
    const before = rowOf.get(id);
    if (before !== undefined) {
      throw new FosError(
        'DUPLICATE_ID',
        `school ${id} appears twice (lines ${lineOf[before]} and ${line})`,
        { file: table.file, line, column: idColumn, value: id },
        'a joined table should hold one row per school',
      );
    }
    rowOf.set(id, lineOf.length);
    lineOf.push(line);
    for (let c = 0; c < columns.length; c++) columns[c].push(row.text(c));
  });
  return { file: table.file, header: table.header, columns, rowOf, rows, encoding: table.encoding, delimiter: table.delimiter, sha256: table.sha256 };
}

/**
 * The base table's rows with the joined tables' columns beside them, matched on the id
 * (a left join: a base row without a match reads the joined columns as blank). `columns`
 * are names of `joinedHeader`'s header with their sources; the result's header is those
 * names, so every reader of a RawTable reads joined columns as its own.
 */
export function joinRawTables(
  base: RawTable,
  baseId: string,
  joins: readonly JoinIndex[],
  columns: readonly { name: string; table: number; column: string }[],
): RawTable {
  const idAt = base.header.indexOf(baseId);
  const at = columns.map((c) => (c.table === 0 ? base.header.indexOf(c.column) : joins[c.table - 1].header.indexOf(c.column)));
  const rowOfJoin = new Int32Array(joins.length);
  let inner: RawRow;
  const row: RawRow = {
    text(c: number): string {
      if (c < 0) return '';
      const t = columns[c].table;
      if (t === 0) return inner.text(at[c]);
      const r = rowOfJoin[t - 1];
      return r < 0 || at[c] < 0 ? '' : joins[t - 1].columns[at[c]][r];
    },
    number(c: number): number {
      if (c < 0) return NaN;
      return columns[c].table === 0 ? inner.number(at[c]) : parseNumber(row.text(c).trim());
    },
  };
  return {
    ...base,
    header: columns.map((c) => c.name),
    scan(visit) {
      return base.scan((r, line) => {
        inner = r;
        const id = r.text(idAt).trim();
        for (let j = 0; j < joins.length; j++) rowOfJoin[j] = joins[j].rowOf.get(id) ?? -1;
        visit(row, line);
      });
    },
  };
}

/** A GIAS ("Get Information about Schools") table, known by its header (LAYOUTS). */
export function isGias(header: readonly string[]): boolean {
  return recogniseLayout(header)?.name === GIAS_LAYOUT;
}
