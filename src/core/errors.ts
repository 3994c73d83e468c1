/**
 * The one error type of fos. Every failure a user can cause carries a code from a closed
 * list, the place it happened (file, line, column, value) when there is one, and a hint
 * saying what to do. The CLI maps `kind` to the exit code: 'data' → 1, 'usage' → 2,
 * 'output' (the output could not be written) → 4.
 */
export const ERROR_CODES = {
  // usage errors (exit 2)
  INVALID_OPTION: 'usage',
  UNKNOWN_SCHOOL: 'usage',
  FILE_NOT_FOUND: 'usage',
  FILE_UNREADABLE: 'usage',
  NOT_A_FILE: 'usage',
  OUTPUT_IS_INPUT: 'usage',
  MANIFEST_INVALID: 'usage',
  // data errors (exit 1)
  EMPTY_FILE: 'data',
  BINARY_FILE: 'data',
  BAD_ENCODING: 'data',
  CSV_SYNTAX: 'data',
  NO_HEADER: 'data',
  COLUMN_NOT_FOUND: 'data',
  DUPLICATE_COLUMN: 'data',
  DUPLICATE_ID: 'data',
  BAD_VALUE: 'data',
  NO_SCHOOLS: 'data',
  NO_BREAKDOWN: 'data',
  NO_MATCH: 'data',
  NO_OVERLAP: 'data',
  TOO_FEW_SCHOOLS: 'data',
  SKIPPED_ROWS: 'data',
  FILE_TOO_LARGE: 'data',
  // the output could not be written (exit 4)
  WRITE_FAILED: 'output',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorKind = 'usage' | 'data' | 'output';

/** Where in an input a problem was found; every part is optional. */
export interface Location {
  file?: string;
  line?: number;
  column?: string;
  value?: string;
}

export class FosError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly location: Location;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, location: Location = {}, hint?: string) {
    super(message);
    this.name = 'FosError';
    this.code = code;
    this.kind = ERROR_CODES[code];
    this.location = location;
    this.hint = hint;
  }

  /** "file.csv, line 12, column ATT8SCR, value "abc": message. hint" */
  describe(): string {
    const { file, line, column, value } = this.location;
    const where = [
      file,
      line !== undefined ? `line ${line}` : undefined,
      column !== undefined ? `column ${column}` : undefined,
      value !== undefined ? `value ${JSON.stringify(clip(value))}` : undefined,
    ].filter((p) => p !== undefined);
    const head = where.length ? `${where.join(', ')}: ` : '';
    return `${head}${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }
}

function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

export function isFosError(e: unknown): e is FosError {
  return e instanceof FosError;
}
