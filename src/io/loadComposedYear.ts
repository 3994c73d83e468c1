import { basename, extname } from 'node:path';
import { FosError } from '../core/errors.js';
import { findColumn } from '../core/load/dfeColumns.js';
import { indexTable, isGias, joinedHeader, joinRawTables } from '../core/load/joinTables.js';
import { layoutName } from '../core/load/layouts.js';
import { keyColumns, longKeys, resolveLongColumns, selectLongRows, withSelection } from '../core/load/longFormat.js';
import { mergeSchoolRows } from '../core/load/mergeSchoolRows.js';
import { checkWhereColumns } from '../core/load/checkWhereColumns.js';
import { columnHint } from '../core/load/columnHint.js';
import { noWhereMatch } from '../core/load/noWhereMatch.js';
import type { YearInput } from '../core/load/pairInputs.js';
import { readSchoolRows, type SchoolRows } from '../core/load/readSchoolRows.js';
import type { ColumnMap, FileReport, JoinCoverage, YearData } from '../core/types.js';
import type { LoadOptions } from './loadInputs.js';
import { longPeriods } from './openSource.js';
import { openTable, parseTable, type TextSource } from './readTable.js';

/** A file's stem, as `stem.col` names it: "gias/2022_gias.csv" → "2022_gias". */
export function stemOf(file: string): string {
  return basename(file, extname(file));
}

/**
 * One year read from several files (docs/methodology.md, Inputs): the attainment files
 * one after the other as one table, likewise the FSM files, and the tables given with
 * --join beside the attainment rows, matched on the id (`--join-id`, else the id column's
 * name). Columns of every table are found wherever a column is named; on a name in two
 * tables the first named wins (attainment, then the joined tables in order), and
 * `stem.col` names any table's own.
 */
export function loadComposedYear(
  y: YearInput,
  o: LoadOptions,
  openFile: (file: string) => TextSource = (file) => openTable(file, o),
): { data: Omit<YearData, 'join' | 'schools'>; attainment: SchoolRows; fsm?: SchoolRows; map: ColumnMap } {
  const open = (file: string) => (o.onFile?.(file), openFile(file));
  const att = [y.attainment, ...(y.attainmentMore ?? [])].map(open);
  const fsm = y.fsm ? [y.fsm, ...(y.fsmMore ?? [])].map(open) : [];
  const joins = (y.joins ?? []).map(open);
  const idName = o.columns.id ?? 'URN';
  const joinIds = joins.map((src) => {
    const want = o.joinId ?? idName;
    const c = findColumn(src.header, want);
    if (c === undefined) {
      throw new FosError('COLUMN_NOT_FOUND', `column ${want} not found for the id to join on`, { file: src.file }, columnHint(want, [src], 'name the joined table’s id column with --join-id COL'));
    }
    return c;
  });
  const joined = joinedHeader(
    [att[0], ...joins].map((s) => ({ file: s.file, stem: stemOf(s.file), header: s.header })),
    [undefined, ...joinIds],
  );
  // (A column not found is looked for in the joined tables too: the message says so.)
  const attFile = joins.length ? `${att[0].file} (with ${joins.map((j) => basename(j.file)).join(', ')} joined)` : att[0].file;
  const resolved = resolveLongColumns({ file: attFile, header: joined.header, layoutHeader: att[0].header }, fsm[0], o.columns);
  checkWhereColumns(o.where, [att[0], ...joins, ...fsm], [joined.header, ...fsm.map((f) => f.header)]);
  const names = [
    ...new Set([
      ...Object.values(resolved.attainment).filter((c): c is string => c !== undefined),
      ...o.where.map((w) => findColumn(joined.header, w.column)).filter((c): c is string => c !== undefined),
    ]),
  ];
  const spec = names.map((name) => ({ name, ...joined.source[joined.header.indexOf(name)] }));
  const indexes = joins.map((src, j) => indexTable(parseTable(src, [joinIds[j], ...spec.filter((s) => s.table === j + 1).map((s) => s.column)]), joinIds[j]));
  const options = (role: FileReport['role']) => ({ year: y.year, role, where: o.where, strict: o.strict });

  const attReads = att.map((src) => {
    // Each file's own spelling of the columns (names are matched ignoring case).
    const own = (c: string) => findColumn(src.header, c) ?? c;
    const base = spec.map((s) => (s.table === 0 ? { ...s, column: own(s.column) } : s));
    const id = own(resolved.attainment.id!);
    // A long-format file: the rows of the year and breakdown (core/load/longFormat.ts).
    const keys = longKeys(src.header);
    const table = parseTable(src, [id, ...base.filter((s) => s.table === 0).map((s) => s.column), ...(keys ? keyColumns(keys) : [])]);
    const one = keys ? selectLongRows(table, keys, { year: y.year, breakdown: o.breakdown, where: o.where, periods: longPeriods(src, keys) }) : undefined;
    const joinedTable = joinRawTables(one?.table ?? table, id, indexes, base);
    const read = readSchoolRows(joinedTable, resolved.attainment, options(fsm.length ? 'attainment' : 'attainment+fsm'));
    return { ...(one ? { rows: read.rows, report: withSelection(read.report, one.selection) } : read), table: joinedTable };
  });
  const fsmReads = fsm.map((src) => {
    const cols = Object.fromEntries(Object.entries(resolved.fsm).map(([k, c]) => [k, c && (findColumn(src.header, c) ?? c)]));
    const where = o.where.map((w) => findColumn(src.header, w.column)).filter((c): c is string => c !== undefined);
    const table = parseTable(src, [...Object.values(cols).filter((c): c is string => c !== undefined), ...where]);
    return { ...readSchoolRows(table, cols, options('fsm')), table, id: cols.id! };
  });
  const attainment = mergeSchoolRows(att.map((s, k) => ({ file: s.file, rows: attReads[k].rows })), resolved.attainment.id!);
  // No school left by --where: which filter, and the values its column has (over every file of the year).
  if (attainment.ids.length === 0 && o.where.length) {
    const why = noWhereMatch(attReads.map((r) => ({ table: r.table, id: resolved.attainment.id!, rectype: resolved.attainment.rectype })), o.where, y.year);
    if (why) throw why;
  }
  const fsmRows = fsmReads.length ? mergeSchoolRows(fsm.map((s, k) => ({ file: s.file, rows: fsmReads[k].rows })), resolved.fsm.id!) : undefined;
  // Likewise a filter on a column of the FSM files only.
  if (fsmRows && fsmRows.ids.length === 0 && o.where.length) {
    const why = noWhereMatch(fsmReads.map((r) => ({ table: r.table, id: r.id })), o.where, y.year);
    if (why) throw why;
  }

  const coverage: JoinCoverage[] = indexes.map((ix, j) => {
    let matched = 0;
    for (const id of attainment.ids) if (ix.rowOf.has(id)) matched++;
    return { file: ix.file, idColumn: joinIds[j], rows: ix.rowOf.size, matched, unmatched: attainment.ids.length - matched, gias: isGias(joins[j].header) };
  });
  const joinReports = indexes.map((ix, j): FileReport => joinReport(joins[j], ix.rows, coverage[j].matched, y.year, spec.filter((s) => s.table === j + 1)));
  return {
    data: {
      year: y.year,
      files: [
        ...attReads.map((r, k) => ({ ...r.report, layout: layoutName(att[k].header) })),
        ...fsmReads.map((r, k) => ({ ...r.report, layout: layoutName(fsm[k].header) })),
        ...joinReports.map((r, j) => ({ ...r, layout: layoutName(joins[j].header) })),
      ],
      joins: coverage,
      shadowed: joined.shadowed,
    },
    attainment,
    fsm: fsmRows,
    map: resolved.map,
  };
}

function joinReport(src: TextSource, rows: number, matched: number, year: string, used: { name: string; column: string }[]): FileReport {
  return {
    file: src.file,
    year,
    role: 'join',
    encoding: src.encoding,
    delimiter: src.delimiter,
    sha256: src.sha256,
    rowsRead: rows,
    schools: matched,
    summaryRowsDropped: 0,
    rowsFilteredOut: 0,
    shortRows: 0,
    skippedRows: [],
    repairs: src.repairs,
    columns: Object.fromEntries(used.map((u) => [u.name, u.column])),
    missing: {},
  };
}
