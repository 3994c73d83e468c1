import { basename } from 'node:path';
import { FosError } from '../core/errors.js';
import { findColumn, resolveColumns, type ColumnOverrides } from '../core/load/dfeColumns.js';
import { joinYear } from '../core/load/joinYear.js';
import type { YearInput } from '../core/load/pairInputs.js';
import { readSchoolRows, type WhereFilter } from '../core/load/readSchoolRows.js';
import type { ColumnMap, YearData } from '../core/types.js';
import { openTable, parseTable, type ReadTextOptions } from './readTable.js';

export interface LoadOptions extends ReadTextOptions {
  columns: ColumnOverrides;
  where: WhereFilter[];
  strict: boolean;
  /** Called before each file is read (progress on a terminal). */
  onFile?: (file: string) => void;
}

/** Every year's files read, cleaned and joined; the column map is the last year's. */
export function loadInputs(years: YearInput[], o: LoadOptions): { years: YearData[]; map: ColumnMap } {
  const out: YearData[] = [];
  let map: ColumnMap | undefined;
  for (const y of years) {
    o.onFile?.(y.attainment);
    const att = openTable(y.attainment, o);
    const fsmSrc = y.fsm && y.fsm !== y.attainment ? (o.onFile?.(y.fsm), openTable(y.fsm, o)) : undefined;
    const resolved = resolveColumns(
      { attainment: { file: att.file, header: att.header }, fsm: fsmSrc && { file: fsmSrc.file, header: fsmSrc.header } },
      o.columns,
    );
    checkWhere(o.where, [att, ...(fsmSrc ? [fsmSrc] : [])]);
    const whereCols = o.where.map((w) => w.column);
    const attRead = readSchoolRows(
      parseTable(att, [...values(resolved.attainment), ...whereIn(whereCols, att.header)]),
      resolved.attainment,
      { year: y.year, role: fsmSrc ? 'attainment' : 'attainment+fsm', where: o.where, strict: o.strict },
    );
    const fsmRead = fsmSrc
      ? readSchoolRows(
          parseTable(fsmSrc, [...values(resolved.fsm), ...whereIn(whereCols, fsmSrc.header)]),
          resolved.fsm,
          { year: y.year, role: 'fsm', where: o.where, strict: o.strict },
        )
      : undefined;
    if (attRead.rows.ids.length === 0) {
      throw new FosError('NO_SCHOOLS', `no school rows${attRead.report.rowsRead ? ` (${attRead.report.rowsRead} rows read, all totals or filtered out)` : ' after the header'}`, { file: att.file }, 'check the file, and any --where filter');
    }
    const joined = joinYear(y.year, attRead.rows, fsmRead?.rows, resolved.map);
    if (fsmRead && joined.join.matched === 0) {
      throw new FosError(
        'NO_OVERLAP',
        `no school in this file has an id that is in ${basename(att.file)}`,
        { file: fsmSrc!.file, column: resolved.fsm.id },
        'check both files are for the same schools and that --id-col names the same id in both',
      );
    }
    out.push({ year: y.year, schools: joined.schools, files: [attRead.report, ...(fsmRead ? [fsmRead.report] : [])], join: joined.join });
    map = resolved.map;
  }
  return { years: out, map: map! };
}

function values(cols: Partial<Record<string, string>>): string[] {
  return Object.values(cols).filter((c): c is string => c !== undefined);
}

function whereIn(cols: string[], header: string[]): string[] {
  return cols.map((c) => findColumn(header, c)).filter((c): c is string => c !== undefined);
}

function checkWhere(where: WhereFilter[], files: { file: string; header: string[] }[]) {
  for (const w of where) {
    if (!files.some((f) => findColumn(f.header, w.column) !== undefined)) {
      throw new FosError('COLUMN_NOT_FOUND', `--where names column ${w.column}, which no input file has`, { file: files[0].file }, 'check the column name in --where COL=VALUE');
    }
  }
}
