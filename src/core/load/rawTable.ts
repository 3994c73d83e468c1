/** A decoded, parsed CSV file: what `io/` hands to `core/`. */
export interface RawTable {
  file: string;
  header: string[];
  rows: string[][];
  /** Line number (1-based, in the file) where each row starts. */
  lines: number[];
  /** Rows that end before a column used (the missing fields read as blank). */
  shortRows: number;
  encoding: string;
  delimiter: string;
  sha256: string;
}
