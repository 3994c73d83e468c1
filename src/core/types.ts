/** Plain data shared by every layer. Nothing here touches files, the terminal or the clock. */

/** A location on a plane: latitude/longitude in degrees, or easting/northing in metres. */
export interface Location {
  kind: 'latlon' | 'en';
  x: number; // longitude or easting
  y: number; // latitude or northing
}

/**
 * One year's schools after loading, cleaning and joining their attainment and FSM rows,
 * column by column: school k is entry k of every column (NaN for a missing number), in id
 * order. What every step from joining to comparing reads, by index.
 */
export interface SchoolTable {
  year: string;
  length: number;
  id: string[];
  name: string[];
  la: string[];
  measure: Float64Array;
  fsm: Float64Array;
  cohort: Float64Array;
  ciLow: Float64Array;
  ciHigh: Float64Array;
  /** Extra context variables by name (e.g. eal, sen); % FSM is `fsm`. */
  context: Record<string, Float64Array>;
  /** Subject or component measures by column name. */
  subjects: Record<string, Float64Array>;
  /** The text of each --match column (by the name it was asked for), '' when blank;
   * undefined when no column is matched on. */
  match?: Record<string, string[]>;
  /** Each school's x (longitude or easting) and y (latitude or northing), NaN when not
   * known; undefined when no location columns were read. */
  location?: { kind: Location['kind']; x: Float64Array; y: Float64Array };
  /** 1: DfE RECTYPE 2 (special school). */
  special: Uint8Array;
  /** 1: the school had a row in the FSM table (always, when FSM comes from the attainment file). */
  inFsmFile: Uint8Array;
}

/** One school in one year as a plain row (schoolRow in load/schoolTable.ts): what reports
 * and the small per-school steps (partners, trends, odds) read. */
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
  /** Which cohort applies to the measure, or why there is none, in words (when not named by --cohort-col). */
  cohortNote?: string;
  ci?: [string, string];
  /** The measure's usual bounds (P8CILOW/P8CIUPP for P8MEA), when the file lacks them: the bound rule cannot apply. */
  ciMissing?: [string, string];
  rectype?: string;
  /** A long file's school type column (EES `establishment_type_group`): a value naming special schools marks them, as RECTYPE 2 does. */
  schoolType?: string;
  context: Record<string, string>;
  subjects: string[];
  location?: { cols: [string, string]; kind: 'latlon' | 'en' };
  /** --match columns: the name asked for → the column read (absent: none). */
  match?: Record<string, string>;
}

/** What was found reading one input file. */
export interface FileReport {
  file: string;
  year: string;
  role: 'attainment' | 'fsm' | 'attainment+fsm' | 'join';
  /** The layout recognised from the file's header (core/load/layouts.ts), or UNKNOWN_LAYOUT. */
  layout?: string;
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
  /** A long-format (EES) file: the year and breakdown read from it, and the rows left out. */
  long?: LongSelection;
}

/** What was read from a long-format file for one year (core/load/longFormat.ts). */
export interface LongSelection {
  /** Every time_period in the file. */
  periods: string[];
  /** The one read for this year. */
  period: string;
  breakdownColumn: string;
  breakdown: string;
  /** Rows of the file's other years. */
  otherYears: number;
  /** This year's rows that are not schools, by geographic_level (dropped as summary rows). */
  notSchools: Record<string, number>;
  /** Of those, the national and LA rows of the breakdown, read as the file's published figures. */
  totalsPassed: number;
  /** This year's school rows of other breakdowns, by breakdown (left out). */
  otherBreakdowns: Record<string, number>;
}

export interface JoinReport {
  matched: number;
  attainmentOnly: number;
  fsmOnly: number;
  /** True when % FSM came from the attainment file itself. */
  sameFile: boolean;
  /** With links: schools whose FSM row is under their other URN (counted in matched). */
  linked?: { id: string; fsmId: string }[];
}

/** Everything loaded for one year. */
export interface YearData {
  year: string;
  schools: SchoolTable;
  files: FileReport[];
  join: JoinReport;
  /** Each table joined with --join: how many of the year's schools it covers. */
  joins?: JoinCoverage[];
  /** Column names in more than one table: the first table's is used. */
  shadowed?: { column: string; kept: string; hidden: string }[];
  /** The file's own national and LA figures for the measure (its summary rows), when it has any. */
  published?: PublishedFigures;
}

/** A figure a file publishes for a whole authority or the nation (a DfE RECTYPE total row). */
export interface PublishedFigure {
  value: number;
  /** Its pupils (the cohort column of the row), when given. */
  cohort: number | null;
  /** The row's RECTYPE ('' when the file has none), file and line: where it was read. */
  rectype: string;
  /** A long file's row: its school type (`All state-funded`). */
  schoolType?: string;
  file: string;
  line: number;
}

/** The published figures of one year for the measure: the nation's, and each LA's by code. */
export interface PublishedFigures {
  nation?: PublishedFigure;
  la: Record<string, PublishedFigure>;
}

/** How far a table joined with --join covers a year's schools. */
export interface JoinCoverage {
  file: string;
  idColumn: string;
  /** Rows of the joined table with an id. */
  rows: number;
  /** The year's schools with a row in it. */
  matched: number;
  /** The year's schools without one. */
  unmatched: number;
  /** Recognised by its header as a GIAS table. */
  gias: boolean;
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

/** Schools that take part in one year's families (their rows of the year's table, in id
 * order), and the rest with their reasons. */
export interface Eligibility {
  year: string;
  eligible: SchoolTable;
  excluded: Exclusion[];
}
