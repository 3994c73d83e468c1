/** Plain data shared by every layer. Nothing here touches files, the terminal or the clock. */

/** A location on a plane: latitude/longitude in degrees, or easting/northing in metres. */
export interface Location {
  kind: 'latlon' | 'en';
  x: number; // longitude or easting
  y: number; // latitude or northing
}

/** One school in one year after loading, cleaning and joining its attainment and FSM rows. */
export interface SchoolYear {
  year: string;
  id: string;
  name: string;
  la: string;
  measure: number | null;
  fsm: number | null;
  cohort: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Extra context variables by name (e.g. eal, sen); % FSM is `fsm`. */
  context: Record<string, number | null>;
  /** Subject or component measures by column name. */
  subjects: Record<string, number | null>;
  location: Location | null;
  /** DfE RECTYPE 2 (special school). */
  special: boolean;
  /** Whether the school had a row in the FSM table (always true when FSM comes from the attainment file). */
  inFsmFile: boolean;
}

/** Which input column feeds each field. Absent optional fields are simply not loaded. */
export interface ColumnMap {
  id: string;
  name?: string;
  la?: string;
  measure: string;
  fsm: string;
  cohort?: string;
  ci?: [string, string];
  rectype?: string;
  context: Record<string, string>;
  subjects: string[];
  location?: { cols: [string, string]; kind: 'latlon' | 'en' };
}

/** What was found reading one input file. */
export interface FileReport {
  file: string;
  year: string;
  role: 'attainment' | 'fsm' | 'attainment+fsm';
  encoding: string;
  delimiter: string;
  sha256: string;
  rowsRead: number;
  schools: number;
  summaryRowsDropped: number;
  rowsFilteredOut: number;
  shortRows: number;
  /** Rows skipped because they could not be used (e.g. a measure that is not a number). */
  skippedRows: { line: number; column: string; value: string; reason: string }[];
  /** Lines cleaned before reading: a NUL byte removed, a byte-order mark mid-file dropped. */
  repairs: { line: number; problem: string }[];
  /** Field → column used from this file. */
  columns: Record<string, string>;
  /** Column → missing code → count ("(blank)" for empty cells). */
  missing: Record<string, Record<string, number>>;
}

export interface JoinReport {
  matched: number;
  attainmentOnly: number;
  fsmOnly: number;
  /** True when % FSM came from the attainment file itself. */
  sameFile: boolean;
}

/** Everything loaded for one year. */
export interface YearData {
  year: string;
  schools: SchoolYear[];
  files: FileReport[];
  join: JoinReport;
}

export type ExclusionReason =
  | 'no attainment row'
  | 'no FSM row'
  | 'measure missing'
  | 'FSM missing'
  | 'context missing'
  | 'cohort below minimum'
  | 'special school';

export interface Exclusion {
  school: SchoolYear;
  reason: ExclusionReason;
  detail: string;
}

/** Schools that take part in one year's families, and the rest with their reasons. */
export interface Eligibility {
  year: string;
  eligible: SchoolYear[];
  excluded: Exclusion[];
}
