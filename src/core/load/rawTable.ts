import { parseNumber, parseNumberIn } from './parseCell.js';

/** One data row of a table, as its kept fields (by position in `RawTable.header`). */
export interface RawRow {
  /** Field c as text, blank when the row ended before it. */
  text(c: number): string;
  /** Field c when it is a plain decimal number (see `parseNumber`), else NaN. */
  number(c: number): number;
  /** Whether field c is blank because it comes from a joined table with no row for this
   * row's id (joinRawTables), not because the cell is empty. */
  absent?(c: number): boolean;
}

/** A decoded CSV file, ready to be read row by row: what `io/` hands to `core/`. */
export interface RawTable {
  file: string;
  /** The columns kept, in the order of each row's fields. */
  header: string[];
  /**
   * Visit each data row once, in file order, with its kept fields (a view reused from row
   * to row: copy what you keep) and the line it starts on. Rows are split as they are
   * visited, so no file is ever held as rows. Returns how many rows there were and how many
   * ended before a column used (their missing fields read as blank).
   */
  scan(visit: (row: RawRow, line: number) => void): { rows: number; shortRows: number };
  encoding: string;
  delimiter: string;
  sha256: string;
  /** Lines cleaned before reading (e.g. a NUL byte removed), for the file's report. */
  repairs?: { line: number; problem: string }[];
}

/** A row held as an array of field strings. */
export class ArrayRow implements RawRow {
  constructor(public fields: readonly string[] = []) {}
  text(c: number): string {
    return this.fields[c] ?? '';
  }
  number(c: number): number {
    const f = this.fields[c];
    return f === undefined ? NaN : parseNumber(f);
  }
}

/**
 * A row as spans of a text: field c is source[start[c], end[c]), so a number is
 * read without making a string. `decode` turns a field's text into what it stands for
 * (e.g. UTF-8 bytes read as Latin-1 decoded again), for a row whose `decodes` is set.
 */
export class SpanRow implements RawRow {
  /** The text the spans index (the whole file, so no line is cut out of it). */
  source = '';
  /** Whether this row's fields need `decode` (the reader sets it for each row). */
  decodes = false;
  readonly start: Int32Array;
  readonly end: Int32Array;
  constructor(
    width: number,
    private readonly decode?: (field: string) => string,
  ) {
    this.start = new Int32Array(width);
    this.end = new Int32Array(width);
  }
  text(c: number): string {
    if (c < 0) return '';
    const f = this.source.slice(this.start[c], this.end[c]);
    return this.decodes && this.decode ? this.decode(f) : f;
  }
  number(c: number): number {
    if (c < 0) return NaN;
    return parseNumberIn(this.source, this.start[c], this.end[c]);
  }
}
