import { FosError } from '../errors.js';
import { baseName, columnHint, type NamedHeader } from './columnHint.js';
import { findColumn } from './findColumn.js';

/**
 * Each --where column must be in one of the year's tables: else an error naming the
 * filter and the files, with the closest columns ("did you mean TypeOfEstablishment (name)
 * (in gias.csv)?"). `searched`: the headers the column is looked for in (a joined header
 * holds `stem.col` names too), when not the tables' own.
 */
export function checkWhereColumns(where: readonly { column: string; value: string }[], tables: readonly NamedHeader[], searched: readonly (readonly string[])[] = tables.map((t) => t.header)) {
  for (const w of where) {
    if (searched.some((h) => findColumn(h, w.column) !== undefined)) continue;
    const names = tables.map((t) => baseName(t.file)).join(', ');
    throw new FosError(
      'COLUMN_NOT_FOUND',
      `--where ${w.column}=${w.value}: ${tables.length > 1 ? `none of ${names} has a column ${w.column}` : `the file has no column ${w.column}`}`,
      { file: tables[0].file },
      columnHint(w.column, tables, 'check the column name in --where COL=VALUE'),
    );
  }
}
