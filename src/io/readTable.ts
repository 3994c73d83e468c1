import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAscii, isUtf8 } from 'node:buffer';
import { FosError } from '../core/errors.js';
import { ArrayRow, SpanRow, type RawRow, type RawTable } from '../core/load/rawTable.js';
import { quotedRecord } from './quotedRecord.js';

/**
 * Reading one CSV file: bytes → text (UTF-8 with or without BOM; Windows-1252 when the
 * bytes are not valid UTF-8; UTF-16 by its mark or its NULs; a NUL byte in a line and a
 * byte-order mark mid-file cleaned and reported, or an error with `strict`) → header →
 * rows, with csv-parse's synchronous API. Rows keep
 * only the columns asked for, so a 400-column DfE file or a national file costs memory
 * only for what is used. Rows shorter than the header read as blanks.
 */
export interface TextSource {
  file: string;
  text: string;
  header: string[];
  encoding: string;
  delimiter: string;
  sha256: string;
  /**
   * The text is UTF-8 bytes read as Latin-1 (one char per byte: far faster to decode and
   * to split, half the memory), so the fields of a line with a byte ≥ 0x80 are decoded again. Field
   * boundaries are the same, since no byte of a multi-byte UTF-8 character is below 0x80.
   */
  recode: boolean;
  /** Lines cleaned on the way in (a NUL byte removed, a byte-order mark mid-file dropped). */
  repairs: Repair[];
}

/** A line of the file cleaned before it was read, and what was done. */
export interface Repair {
  line: number;
  problem: string;
}

export interface ReadTextOptions {
  encoding?: 'auto' | 'utf8' | 'win1252';
  delimiter?: string;
  /** Stop at a NUL byte or a byte-order mark mid-file instead of cleaning the line. */
  strict?: boolean;
}

/**
 * The largest file read: the longest string V8 makes (2^29 − 24 characters, one a byte
 * here). Larger files are refused before any is read.
 */
export const MAX_FILE_BYTES = 0x1fffffe8;

const DELIMITERS = [',', ';', '\t', '|'];

export function openTable(file: string, o: ReadTextOptions = {}): TextSource {
  const bytes = readBytes(file);
  if (bytes.length === 0) throw new FosError('EMPTY_FILE', 'the file is empty', { file }, 'check that the download finished');
  const repairs: Repair[] = [];
  const utf16 = utf16Of(bytes);
  let decoded: { text: string; encoding: string; recode: boolean };
  if (utf16) decoded = decodeUtf16(bytes, utf16);
  else {
    const nul = bytes.indexOf(0);
    if (nul >= 0 && (o.strict || looksBinary(bytes, nul))) {
      throw new FosError(
        'BINARY_FILE',
        o.strict ? 'the file holds a NUL byte' : 'the file holds NUL bytes, so it is not a CSV text file',
        { file, line: lineAt(bytes, nul) },
        o.strict ? 'remove it, or drop --strict to have it removed and the line reported' : 'export it from the spreadsheet as CSV (e.g. "CSV UTF-8"); .xlsx files are not read directly',
      );
    }
    decoded = decode(nul >= 0 ? withoutNuls(bytes, repairs) : bytes, file, o.encoding ?? 'auto');
  }
  const { encoding, recode } = decoded;
  const text = withoutInnerBoms(decoded.text, recode || encoding === 'windows-1252' ? '\u00EF\u00BB\u00BF' : '\uFEFF', file, o.strict === true, repairs);
  const firstLine = text.slice(0, firstLineEnd(text));
  if (firstLine.trim() === '') throw new FosError('NO_HEADER', 'the first line is empty; a header row is expected', { file, line: 1 }, 'remove the blank lines before the header');
  const delimiter = o.delimiter ?? detectDelimiter(firstLine);
  // A plainly written header line is split here; any other goes to csv-parse (with the
  // whole text when a quoted name spans lines: its first record is the header).
  const balanced = countQuotes(firstLine) % 2 === 0;
  const plain = balanced ? quotedRecord(firstLine, delimiter) : undefined;
  const headerRows = plain ? [plain] : parseRecords(balanced ? firstLine : text, file, delimiter, 1);
  const header = (headerRows[0] ?? []).map((h) => (recode ? utf8Again(h) : h).trim());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { file, text, header, encoding, delimiter, sha256, recode, repairs };
}

/**
 * A NUL byte in a text file is a damaged line, unless the file is not text at all: a NUL
 * among its first 16 bytes (the signature of a zip, an .xlsx, an .xls), NULs in more
 * than three lines and more than one line in a hundred, or more than one byte in a
 * thousand (and 64) a NUL.
 */
function looksBinary(bytes: Buffer, firstNul: number): boolean {
  if (firstNul < 16) return true;
  const nl = bytes.indexOf(10);
  if (nl < 0) return true;
  let lines = 0;
  for (let i = nl; i >= 0; i = bytes.indexOf(10, i + 1)) lines++;
  const most = Math.max(3, lines / 100);
  const mostBytes = Math.max(64, bytes.length / 1000);
  // One pass: each NUL past the end of the last counted line starts a new one.
  let nulLines = 0;
  let nuls = 0;
  let lineEnd = -1;
  for (let i = firstNul; i >= 0; i = bytes.indexOf(0, i + 1)) {
    if (++nuls > mostBytes) return true;
    if (i <= lineEnd) continue;
    if (++nulLines > most) return true;
    lineEnd = bytes.indexOf(10, i);
    if (lineEnd < 0) lineEnd = bytes.length;
  }
  return false;
}

/** The bytes without their NUL bytes, each line that held one noted. */
function withoutNuls(bytes: Buffer, repairs: Repair[]): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  let from = 0;
  let line = 1;
  let nextNl = bytes.indexOf(10);
  let lastLine = 0;
  for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, i + 1)) {
    while (nextNl >= 0 && nextNl < i) {
      line++;
      nextNl = bytes.indexOf(10, nextNl + 1);
    }
    if (line !== lastLine) repairs.push({ line, problem: 'a NUL byte, removed' });
    lastLine = line;
    n += bytes.copy(out, n, from, i);
    from = i + 1;
  }
  n += bytes.copy(out, n, from);
  return out.subarray(0, n);
}

/**
 * A byte-order mark past the start (two exports joined): the mark is dropped, and the
 * header line after it when it repeats the first one (the line is left blank, so every
 * line keeps its number); `strict` stops there instead.
 */
function withoutInnerBoms(text: string, bom: string, file: string, strict: boolean, repairs: Repair[]): string {
  let at = text.indexOf(bom);
  if (at < 0) return text;
  if (strict) {
    throw new FosError(
      'BAD_ENCODING',
      'a byte-order mark in the middle of the file: it looks like two files joined together',
      { file, line: text.slice(0, at).split('\n').length },
      'remove the mark and any repeated header line from that point, or drop --strict to have them dropped',
    );
  }
  const header = text.slice(0, firstLineEnd(text)).replace(/\r$/, '');
  const parts: string[] = [];
  let from = 0;
  let line = 1;
  let counted = 0;
  while (at >= 0) {
    line += count(text.slice(counted, at), '\n');
    counted = at;
    parts.push(text.slice(from, at));
    from = at + bom.length;
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    const rest = text.slice(from, end).replace(/\r$/, '');
    if (rest === header) {
      from = end; // the repeated header: its line stays, blank
      repairs.push({ line, problem: 'a byte-order mark and a repeated header line (two files joined?), dropped' });
    } else repairs.push({ line, problem: 'a byte-order mark, removed' });
    at = text.indexOf(bom, from);
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** Whether the bytes are UTF-16 (Excel's "Unicode text"): by the byte-order mark, or by NULs in every other byte. */
function utf16Of(bytes: Buffer): 'le' | 'be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'be';
  // Without a mark: ASCII text in UTF-16 has a NUL as every other byte.
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let odd = 0;
  let even = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (odd > n * 0.4 && even === 0) return 'le';
  if (even > n * 0.4 && odd === 0) return 'be';
  return undefined;
}

function decodeUtf16(bytes: Buffer, order: 'le' | 'be'): { text: string; encoding: string; recode: boolean } {
  const hasBom = (order === 'le' && bytes[0] === 0xff && bytes[1] === 0xfe) || (order === 'be' && bytes[0] === 0xfe && bytes[1] === 0xff);
  let body = bytes.subarray(hasBom ? 2 : 0, bytes.length & ~1);
  if (order === 'be') body = Buffer.from(body).swap16();
  const text = body.toString('utf16le').replace(/\u0000/g, '');
  return { text, encoding: `utf-16${order}${hasBom ? ' (BOM)' : ''}`, recode: false };
}

/**
 * A file's header from its first bytes, when that line is plain ASCII with no quote (as
 * in nearly every file): the same names `openTable` gives, known before the file is read
 * (so it can be read on another thread). Undefined when the whole file must be read to
 * know them, or to report what is wrong with it.
 */
export function peekHeader(file: string, o: ReadTextOptions = {}): string[] | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const buf = Buffer.alloc(1 << 16);
    let bytes = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    const nl = bytes.indexOf(10);
    if (nl < 0) return undefined;
    const line = bytes.subarray(0, nl > 0 && bytes[nl - 1] === 13 ? nl - 1 : nl);
    if (!isAscii(line) || line.includes(34) || line.includes(13) || line.includes(0)) return undefined;
    const text = line.toString('latin1');
    if (text.trim() === '') return undefined;
    return text.split(o.delimiter ?? detectDelimiter(text)).map((h) => h.trim());
  } finally {
    closeSync(fd);
  }
}

/** A file's header: peeked when it can be, else read with the whole file (a quoted header, as GIAS writes). */
export function headerOf(file: string, o: ReadTextOptions = {}): string[] {
  return peekHeader(file, o) ?? openTable(file, o).header;
}

/**
 * Parse the rows of an opened file, keeping only `columns` (names from its header).
 * Fast path: a line without a quote is split natively on the delimiter; a line with a
 * quote (with the lines its quoted field runs over) is split by quotedRecord when plainly
 * written, else by csv-parse, as is a whole file with bare CR line ends or a quoted
 * header. All paths give the same rows (tested).
 */
export function parseTable(src: TextSource, columns: readonly string[]): RawTable {
  const at: number[] = [];
  const kept: string[] = [];
  for (const name of new Set(columns)) {
    const positions = src.header.flatMap((h, i) => (h === name ? [i] : []));
    if (positions.length > 1) {
      throw new FosError(
        'DUPLICATE_COLUMN',
        `column ${name} appears ${positions.length} times in the header (columns ${positions.map((p) => p + 1).join(' and ')})`,
        { file: src.file, line: 1, column: name },
        'rename one of them so it is clear which to use',
      );
    }
    if (positions.length === 1) {
      at.push(positions[0]);
      kept.push(name);
    }
  }
  // Fields past the last column used are never split off; a row is short when it ends
  // before a column that is used.
  const width = at.length ? Math.max(...at) + 1 : 0;
  const scan = (visit: (row: RawRow, line: number) => void) => {
    let rows = 0;
    let shortRows = 0;
    const keep = (row: RawRow, line: number, short: boolean) => {
      rows++;
      if (short) shortRows++;
      visit(row, line);
    };
    const field = src.recode ? utf8Again : (f: string) => f;
    const arrayRow = new ArrayRow();
    const project = (record: string[], line: number) => ({ fields: at.map((i) => field(record[i] ?? '')), line, short: record.length < width });
    // Records read by csv-parse from `chunk`, which starts after line `offset`; `lineOf`
    // gives the line each is kept with (null: not a data row).
    const readRecords = (chunk: string, offset: number, lineOf: (line: number, record: number) => number | null) => {
      const records = parseRecords(chunk, src.file, src.delimiter, 0, (record, line, n) => {
        const at = lineOf(line, n);
        return at === null ? null : project(record, at);
      }, offset);
      for (const r of records) keepRecord(r);
    };
    const keepRecord = (r: { fields: string[]; line: number; short: boolean }) => {
      arrayRow.fields = r.fields;
      keep(arrayRow, r.line, r.short);
    };
    const text = src.text;
    const firstNl = text.indexOf('\n');
    const headerLine = text.slice(0, firstNl < 0 ? text.length : firstNl);
    // A header with a quoted name over two lines goes to csv-parse whole; a quoted header on
    // one line (GIAS writes every name in quotes) is one record, and the lines after it are
    // split as any others.
    if ((text.includes('\r') && /\r(?!\n)/.test(text)) || countQuotes(headerLine) % 2 === 1) {
      readRecords(text, 0, (line, record) => (record > 1 ? line : null)); // the first record is the header
    } else {
      // Each quoted record is given the line it starts on; a plainly written one is split
      // here (quotedRecord), any other goes to csv-parse.
      splitLines(text, firstNl < 0 ? text.length : firstNl + 1, src, at, width, keep, (chunk, first) => {
        const record = quotedRecord(chunk, src.delimiter);
        if (record) keepRecord(project(record, first));
        else readRecords(chunk, first - 1, () => first);
      });
    }
    return { rows, shortRows };
  };
  return { file: src.file, header: kept, scan, encoding: src.encoding, delimiter: src.delimiter, sha256: src.sha256, repairs: src.repairs };
}

/**
 * The fast path: walk the text line by line (a native search for each line's end),
 * recording where each kept field starts and ends (the delimiter is one char); nothing is
 * cut out of the text until a field is asked for as text, so numbers are read straight
 * from it. A line with a quote (with the lines its quoted field runs over) goes to
 * `readQuoted`.
 */
function splitLines(
  text: string,
  start: number,
  src: TextSource,
  at: readonly number[],
  width: number,
  keep: (row: RawRow, line: number, short: boolean) => void,
  readQuoted: (chunk: string, firstLine: number) => void,
) {
  const d = src.delimiter.charCodeAt(0);
  const slot = new Int32Array(width).fill(-1);
  at.forEach((col, i) => (slot[col] = i));
  const row = new SpanRow(at.length, src.recode ? utf8Again : undefined);
  row.source = text;
  const { start: fieldStart, end: fieldEnd } = row;
  const length = text.length;
  // The next quote in the text: a line holds one when this falls before its end.
  let nextQuote = text.indexOf('"', start);
  if (nextQuote < 0) nextQuote = length;
  let pos = start;
  let line = 2;
  while (pos < length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = length;
    const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (end === pos) {
      pos = nl + 1;
      line++;
      continue;
    }
    if (nextQuote < nl) {
      // A quoted field: take lines until the quotes balance, and let csv-parse read them.
      let quotes = countQuotes(text.slice(pos, nl));
      let last = nl;
      let lines = 1;
      while (quotes % 2 === 1 && last < length) {
        let next = text.indexOf('\n', last + 1);
        if (next < 0) next = length;
        quotes += countQuotes(text.slice(last + 1, next));
        last = next;
        lines++;
      }
      readQuoted(text.slice(pos, last), line);
      pos = last + 1;
      line += lines;
      nextQuote = text.indexOf('"', pos);
      if (nextQuote < 0) nextQuote = length;
      continue;
    }
    // The fields up to the last one kept, char by char (quicker than a search per field,
    // fields being short); `bits` gathers their chars, so a char ≥ 0x80 (a line of a text
    // to decode again) is seen on the way.
    let fields = 0;
    let bits = 0;
    for (let i = pos, p = pos; fields < width; p = ++i) {
      let ch = 0;
      while (i < end && (ch = text.charCodeAt(i)) !== d) {
        bits |= ch;
        i++;
      }
      const s = slot[fields++];
      if (s >= 0) {
        fieldStart[s] = p;
        fieldEnd[s] = i;
      }
      if (i === end) break;
    }
    // A short row: the kept fields it lacks read as blank.
    for (let c = fields; c < width; c++) if (slot[c] >= 0) fieldStart[slot[c]] = fieldEnd[slot[c]] = 0;
    row.decodes = bits >= 0x80;
    keep(row, line, fields < width);
    pos = nl + 1;
    line++;
  }
}

function countQuotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n;
}

function parseRecords<T = string[]>(
  text: string,
  file: string,
  delimiter: string,
  toRecord: number,
  project?: (record: string[], line: number, record1: number) => T | null,
  lineOffset = 0,
): T[] {
  // csv-parse is loaded only for a file that needs it: most are split without it.
  const { parse } = createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync');
  try {
    return parse(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      ...(toRecord ? { to: toRecord } : {}),
      ...(project ? { on_record: (rec: string[], ctx: { lines: number; records: number }) => project(rec, ctx.lines, ctx.records) as unknown as string[] } : {}),
    }) as unknown as T[];
  } catch (e) {
    const err = e as { code?: string; message?: string; lines?: number };
    if (err && typeof err.code === 'string' && err.code.startsWith('CSV_')) {
      const unclosed = err.code === 'CSV_QUOTE_NOT_CLOSED';
      throw new FosError(
        'CSV_SYNTAX',
        unclosed ? 'a quoted field is never closed' : (err.message ?? err.code).replace(/^Invalid Record Length: /, ''),
        // An unclosed quote runs to the end of the file: name the line where it opened.
        { file, line: unclosed && lineOffset > 0 ? lineOffset + 1 : err.lines === undefined ? undefined : err.lines + lineOffset },
        unclosed ? 'look for a stray " in a name near that line; a quote inside a quoted field is written ""' : 'check the file is a plain CSV export',
      );
    }
    throw e;
  }
}

/** A size as people read it, exact: "536,870,889 bytes (512 MB)". */
const megabytes = (n: number) => `${n.toLocaleString('en-GB')} bytes (${n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(1)} GB` : `${Math.round(n / 2 ** 20)} MB`})`;

function readBytes(file: string): Buffer {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new FosError('FILE_NOT_FOUND', 'no such file', { file }, 'check the path');
  }
  if (st.isDirectory()) throw new FosError('NOT_A_FILE', 'this is a folder, not a file', { file }, 'name a CSV file inside it');
  if (st.size > MAX_FILE_BYTES) {
    throw new FosError(
      'FILE_TOO_LARGE',
      `the file is ${megabytes(st.size)}; fos reads files of up to ${megabytes(MAX_FILE_BYTES)}`,
      { file },
      'keep only the columns fos uses (e.g. csvcut -c URN,SCHNAME,LEA,TPUP,ATT8SCR), or split the file by year or region',
    );
  }
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new FosError('FILE_UNREADABLE', `the file cannot be read (${code ?? 'error'})`, { file }, code === 'EACCES' ? 'check its permissions (chmod +r)' : undefined);
  }
}

const WIN1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

const HIGH = /[\u0080-\u00ff]/;

/** A field of UTF-8 bytes read as Latin-1, decoded as UTF-8 when it has a byte ≥ 0x80. */
function utf8Again(field: string): string {
  return HIGH.test(field) ? Buffer.from(field, 'latin1').toString('utf8') : field;
}

function decode(bytes: Buffer, file: string, encoding: 'auto' | 'utf8' | 'win1252'): { text: string; encoding: string; recode: boolean } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (encoding !== 'win1252') {
    // isUtf8 validates natively, and toString then decodes without a second check.
    // Read as Latin-1: pure ASCII (most DfE files) gives the same text; other UTF-8 is
    // decoded field by field (see TextSource.recode).
    const label = hasBom ? 'utf-8 (BOM)' : 'utf-8';
    if (isAscii(body)) return { text: body.toString('latin1'), encoding: label, recode: false };
    if (isUtf8(body)) return { text: body.toString('latin1'), encoding: label, recode: true };
    if (encoding === 'utf8') {
      throw new FosError('BAD_ENCODING', 'the file is not valid UTF-8', { file, line: firstInvalidUtf8Line(body) }, 'drop --encoding utf8 to read it as Windows-1252, or re-save it as UTF-8');
    }
  }
  const bad = body.findIndex((b) => WIN1252_UNDEFINED.has(b));
  if (bad >= 0) {
    throw new FosError(
      'BAD_ENCODING',
      `the file is neither UTF-8 nor Windows-1252 (byte 0x${body[bad].toString(16)})`,
      { file, line: lineAt(body, bad) },
      'open it in a spreadsheet and save it as "CSV UTF-8"',
    );
  }
  // iconv-lite is loaded only for the rare file that needs it.
  const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
  return { text: iconv.decode(body, 'win1252'), encoding: 'windows-1252', recode: false };
}

function firstInvalidUtf8Line(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  const at = text.indexOf('\uFFFD');
  return text.slice(0, Math.max(0, at)).split('\n').length;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

function firstLineEnd(text: string): number {
  const n = text.indexOf('\n');
  return n < 0 ? text.length : n;
}

/** The delimiter seen most often in the header line (outside quotes); comma on a tie. */
export function detectDelimiter(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = count(unquoted, ',');
  for (const d of DELIMITERS.slice(1)) {
    const c = count(unquoted, d);
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
