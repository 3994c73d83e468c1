/** A decoded, parsed CSV file: what `io/` hands to `core/`. */
export interface RawTable {
  file: string;
  header: string[];
  rows: string[][];
  /** Line number (1-based, in the file) where each row starts. */
  lines: number[];
  /** Rows with fewer fields than the header (the missing fields read as blank). */
  shortRows: number;
  encoding: string;
  delimiter: string;
  sha256: string;
}
