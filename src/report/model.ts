/**
 * What every command returns: plain data that each formatter turns into text or bytes.
 * Formatters never compute statistics; commands never format.
 */
export const FORMATS = ['table', 'csv', 'json', 'md', 'html', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export type Cell = string | number | boolean | null;

export interface Column {
  key: string;
  header: string;
  type: 'text' | 'int' | 'number' | 'bool';
  /** Decimals shown in tables for type 'number' (csv/json keep up to 4). */
  digits?: number;
  /** Text shown in tables (the header stays the machine name in csv/json). */
  label?: string;
  /** Left out of terminal and Markdown tables (kept in csv, json, xlsx, html). */
  wide?: boolean;
  /**
   * The key of a second number this one is "out of": tables (terminal, Markdown, HTML)
   * show "3/20", csv, json and xlsx the two numbers in their own columns, so that no
   * spreadsheet reads a date.
   */
  of?: string;
  /** Only in csv, json and xlsx (e.g. the "out of" number that tables show beside another). */
  exportOnly?: boolean;
}

export interface Table {
  id: string;
  title?: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** Row indexes to highlight (the school of a report). */
  highlight?: number[];
  /** false: left out of terminal and Markdown output (a long table for files only). */
  terminal?: boolean;
  /** Rows that start a new part of the table, with the part's caption. */
  parts?: { at: number; caption: string }[];
}

export interface InputFile {
  file: string;
  year: string;
  role: string;
  sha256: string;
  rows: number;
}

export interface Meta {
  tool: string;
  version: string;
  command: string;
  /** Every option in force, after defaults. */
  options: Record<string, unknown>;
  inputs: InputFile[];
  rows: number;
  /** How a figure was computed, where two definitions are common (e.g. a residual SD's n − 2). */
  definitions?: Record<string, string>;
}

/** A chart to draw from the report's data, described without any drawing library. */
export interface ScatterChart {
  kind: 'scatter';
  title: string;
  xTitle: string;
  yTitle: string;
  points: { x: number; y: number; name: string; role: 'school' | 'family' | 'other' }[];
  line?: { slope: number; intercept: number };
}
export interface BarChart {
  kind: 'bar';
  title: string;
  valueTitle: string;
  bars: { name: string; value: number; highlight: boolean }[];
  reference?: { value: number; label: string };
  /** The values are percentages: bars start at 0 (else, far from 0, the axis need not: chartSvg.ts). */
  percent?: boolean;
}
export interface LineChart {
  kind: 'line';
  title: string;
  yTitle: string;
  series: { name: string; points: { x: string; y: number | null }[] }[];
}
export type Chart = ScatterChart | BarChart | LineChart;

export interface Report {
  title: string;
  /** Plain-English lines shown before the tables (verdicts, counts). */
  summary: string[];
  tables: Table[];
  notes: string[];
  charts: Chart[];
  meta: Meta;
}

/** Round to `digits` decimals, dropping binary noise (0.30000000000000004 → 0.3). */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
