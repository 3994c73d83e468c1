import { basename } from 'node:path';
import { FosError } from '../core/errors.js';
import type { ColumnOverrides } from '../core/load/dfeColumns.js';
import { joinYear } from '../core/load/joinYear.js';
import { resolveLongColumns } from '../core/load/longFormat.js';
import { layoutName } from '../core/load/layouts.js';
import { checkWhereColumns } from '../core/load/checkWhereColumns.js';
import { noWhereMatch } from '../core/load/noWhereMatch.js';
import { publishedFigures } from '../core/load/publishedFigures.js';
import type { YearInput } from '../core/load/pairInputs.js';
import type { SchoolRows, WhereFilter } from '../core/load/readSchoolRows.js';
import type { ColumnMap, FileReport, YearData } from '../core/types.js';
import type { SchoolKey } from '../core/schoolKey.js';
import type { HelperThread } from '../parallel/helperThread.js';
import { loadComposedYear } from './loadComposedYear.js';
import { readRows, rowsTable } from './readRows.js';
import { openSource, type Opener } from './openSource.js';
import { openTable, peekHeader, type ReadTextOptions } from './readTable.js';

export interface LoadOptions extends ReadTextOptions {
  columns: ColumnOverrides;
  where: WhereFilter[];
  strict: boolean;
  /** --join-id: the id column of the tables joined with --join (default: the id column's name). */
  joinId?: string;
  /** --breakdown: the breakdown read from long-format files (default Total). */
  breakdown?: string;
  /** With --links: which school an id is, so a year's FSM row under a school's other URN is joined (joinYear.ts). */
  key?: SchoolKey;
  /** Opens the files (io/openSource.ts): the caller's when it opened a long file already
   * (to find its years), so the file is decoded once; its texts are released at the end. */
  open?: Opener;
  /** Called before each file is read (progress on a terminal). */
  onFile?: (file: string) => void;
}

/**
 * Every year's files read, cleaned and joined; the column map is the last year's. With a
 * helper thread, a large FSM file is read there while this thread reads the attainment
 * file; the rows, and any error, are the same as when both are read here.
 */
export function loadInputs(years: YearInput[], o: LoadOptions, helper?: HelperThread): { years: YearData[]; map: ColumnMap } {
  const out: YearData[] = [];
  let map: ColumnMap | undefined;
  // The helper starts while the first attainment file is read, if it will have a file to read.
  if (years.some((y) => y.fsm && y.fsm !== y.attainment && helper?.takes(y.fsm))) helper!.warm();
  // A long-format file giving several years is decoded once (openSource).
  const open = o.open ?? openSource(o);
  for (const y of years) {
    if (y.joins?.length || y.attainmentMore?.length || y.fsmMore?.length) {
      const c = loadComposedYear(y, o, open);
      const first = c.data.files[0];
      noSchools(c.attainment, first.file, first.rowsRead);
      const joined = joinYear(y.year, c.attainment, c.fsm, c.map, o.key);
      if (c.fsm && joined.join.matched === 0) noOverlap(c.data.files.find((f) => f.role === 'fsm')!.file, first.file, c.map.id);
      out.push({ ...c.data, schools: joined.schools, join: joined.join, ...published(c.attainment) });
      map = c.map;
      continue;
    }
    const fsmFile = y.fsm && y.fsm !== y.attainment ? y.fsm : undefined;
    // A large FSM file goes to the helper: its header alone resolves the columns. The
    // attainment header is then peeked too, so the helper's job goes before this thread
    // reads the attainment file.
    const fsmPeek = fsmFile && helper?.takes(fsmFile) ? peekHeader(fsmFile, o) : undefined;
    const attPeek = fsmPeek ? peekHeader(y.attainment, o) : undefined;
    o.onFile?.(y.attainment);
    let att = attPeek ? undefined : open(y.attainment);
    const attHead = att ?? { file: y.attainment, header: attPeek! };
    const fsmSrc = fsmFile && !fsmPeek ? (o.onFile?.(fsmFile), openTable(fsmFile, o)) : undefined;
    const fsmHead = fsmSrc ?? (fsmFile && fsmPeek ? { file: fsmFile, header: fsmPeek } : undefined);
    const resolved = resolveLongColumns(attHead, fsmHead, o.columns);
    checkWhereColumns(o.where, [attHead, ...(fsmHead ? [fsmHead] : [])]);
    const options = (role: FileReport['role']) => ({ year: y.year, role, where: o.where, strict: o.strict });
    const fsmJob = fsmHead && { file: fsmHead.file, read: { encoding: o.encoding, delimiter: o.delimiter, strict: o.strict }, columns: resolved.fsm, options: options('fsm'), breakdown: o.breakdown };
    const fsmAway = fsmJob && fsmPeek ? helper!.readRows(fsmJob) : undefined;
    att ??= open(y.attainment);
    const attJob = { file: att.file, read: o, columns: resolved.attainment, options: options(fsmHead ? 'attainment' : 'attainment+fsm'), breakdown: o.breakdown };
    const attRead = readRows(attJob, att);
    // No school left by --where: which filter, and the values its column has.
    if (attRead.rows.ids.length === 0 && o.where.length) {
      const why = noWhereMatch([{ table: rowsTable(attJob, att).table, id: resolved.attainment.id!, rectype: resolved.attainment.rectype }], o.where, y.year);
      if (why) throw why;
    }
    let fsmRead = fsmAway?.();
    if (fsmJob && !fsmRead) fsmRead = readRows(fsmJob, fsmSrc ?? (o.onFile?.(fsmJob.file), openTable(fsmJob.file, o)));
    // Likewise a filter on a column of the FSM file only (read again: it may have been read on the helper thread).
    if (fsmJob && fsmRead && fsmRead.rows.ids.length === 0 && o.where.length) {
      const why = noWhereMatch([{ table: rowsTable(fsmJob, fsmSrc ?? openTable(fsmJob.file, o)).table, id: resolved.fsm.id! }], o.where, y.year);
      if (why) throw why;
    }
    noSchools(attRead.rows, att.file, attRead.report.rowsRead);
    const joined = joinYear(y.year, attRead.rows, fsmRead?.rows, resolved.map, o.key);
    if (fsmRead && joined.join.matched === 0) noOverlap(fsmRead.report.file, att.file, resolved.fsm.id);
    const files = [{ ...attRead.report, layout: layoutName(attHead.header) }, ...(fsmRead && fsmHead ? [{ ...fsmRead.report, layout: layoutName(fsmHead.header) }] : [])];
    out.push({ year: y.year, schools: joined.schools, files, join: joined.join, ...published(attRead.rows) });
    map = resolved.map;
  }
  if (o.breakdown !== undefined && !out.some((y) => y.files.some((f) => f.long))) {
    open.release();
    throw new FosError('INVALID_OPTION', `--breakdown ${o.breakdown}: no input file is in long format`, { file: out[0]?.files[0]?.file }, 'long-format files (Explore Education Statistics) have school_urn, time_period and breakdown columns; for other files, keep rows with --where COL=VALUE');
  }
  open.release();
  return { years: out, map: map! };
}

/** The year's published figures (the attainment file's summary rows), when it has any. */
function published(rows: SchoolRows): Pick<YearData, 'published'> {
  const p = publishedFigures(rows.totals);
  return p ? { published: p } : {};
}

function noSchools(rows: SchoolRows, file: string, rowsRead: number) {
  if (rows.ids.length > 0) return;
  throw new FosError('NO_SCHOOLS', `no school rows${rowsRead ? ` (${rowsRead} rows read, all totals or filtered out)` : ' after the header'}`, { file }, 'check the file, and any --where filter');
}

function noOverlap(fsmFile: string, attFile: string, idColumn: string | undefined) {
  throw new FosError(
    'NO_OVERLAP',
    `no school in this file has an id that is in ${basename(attFile)}`,
    { file: fsmFile, column: idColumn },
    'check both files are for the same schools and that --id-col names the same id in both',
  );
}
