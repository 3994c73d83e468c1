/** A decoded CSV file, ready to be read row by row: what `io/` hands to `core/`. */
export interface RawTable {
  file: string;
  /** The columns kept, in the order of each row's fields. */
  header: string[];
  /**
   * Visit each data row once, in file order, with its kept fields (an array reused from
   * row to row: copy what you keep) and the line it starts on. Rows are split as they are
   * visited, so no file is ever held as rows. Returns how many rows there were and how many
   * ended before a column used (their missing fields read as blank).
   */
  scan(visit: (row: readonly string[], line: number) => void): { rows: number; shortRows: number };
  encoding: string;
  delimiter: string;
  sha256: string;
}
