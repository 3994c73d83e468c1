import { resolve } from 'node:path';
import { FosError } from '../core/errors.js';
import type { ConsistencyRule } from '../core/compare/consistency.js';
import type { ContextWeight } from '../core/families/context.js';
import { DEFAULT_BANDS } from '../core/families/bands.js';
import type { FamilyMethod } from '../core/families/buildFamilies.js';
import type { ColumnOverrides } from '../core/load/dfeColumns.js';
import { pairInputs, parseFileArg, type YearInput } from '../core/load/pairInputs.js';
import type { WhereFilter } from '../core/load/readSchoolRows.js';
import { readManifest } from '../io/manifest.js';
import { FORMATS, type Format } from '../report/model.js';


/** Everything a command needs, validated. Built only by `toConfig`. */
export interface Config {
  command: string;
  /** The positional school id of report/partners/trend. */
  schoolArg?: string;
  inputs: YearInput[];
  /** True when no input was given and the bundled sample is used. */
  sample: boolean;
  manifest?: string;
  columns: ColumnOverrides;
  where: WhereFilter[];
  encoding: 'auto' | 'utf8' | 'win1252';
  delimiter?: string;
  strict: boolean;
  minCohort: number;
  includeSpecial: boolean;
  lowerIsBetter: boolean;
  method: FamilyMethod;
  size: number;
  tiesAll: boolean;
  bands: number[];
  groups: number;
  context: ContextWeight[];
  summary: boolean;
  threshold: number;
  consistent: ConsistencyRule;
  robust: boolean;
  highFsm: number;
  sameLa: boolean;
  otherLa: boolean;
  maxKm?: number;
  la: string[];
  schools: string[];
  year?: string;
  group?: string;
  format: Format;
  output?: string;
  chart?: string;
  /** Table format: rows shown per table (Infinity for --limit all). */
  limit: number;
  color: boolean;
  debug: boolean;
}

export interface Environment {
  cwd: string;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  samplePath: string;
}

const invalid = (flag: string, value: unknown, expected: string) =>
  new FosError('INVALID_OPTION', `invalid value for ${flag}: ${JSON.stringify(value)}`, {}, `expected ${expected}`);

function int(flag: string, v: unknown, min: number): number {
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+$/.test(v.trim()) || n < min) throw invalid(flag, v, `a whole number of at least ${min}`);
  return n;
}

function num(flag: string, v: unknown): number {
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(n)) throw invalid(flag, v, 'a number');
  return n;
}

function list(v: unknown): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

function pair(flag: string, v: string): [string, string] {
  const parts = v.split(',').map((s) => s.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw invalid(flag, v, 'two column names separated by a comma');
  return [parts[0], parts[1]];
}

/** `name=col` pairs, e.g. --context-col eal=PNUMEAL. */
function keyValues(flag: string, values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const m = /^([A-Za-z_][\w]*)=(.+)$/.exec(v.trim());
    if (!m) throw invalid(flag, v, 'NAME=COLUMN');
    out[m[1].toLowerCase()] = m[2].trim();
  }
  return out;
}

/** `fsm=1,eal=0.5`: every name must be fsm or a --context-col. */
export function parseContext(v: string, known: string[]): ContextWeight[] {
  const out: ContextWeight[] = [];
  for (const part of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z_]\w*)(?:=(.+))?$/.exec(part);
    const weight = m ? Number(m[2] ?? '1') : NaN;
    if (!m || !Number.isFinite(weight) || weight <= 0) throw invalid('--context', v, 'NAME=WEIGHT pairs with positive weights, e.g. fsm=1,eal=0.5');
    const name = m[1].toLowerCase();
    if (name !== 'fsm' && !known.includes(name)) {
      throw new FosError('INVALID_OPTION', `--context names ${name}, which is not a context variable`, {}, `map it to a column first: --context-col ${name}=COLUMN`);
    }
    if (out.some((c) => c.name === name)) throw invalid('--context', v, 'each variable once');
    out.push({ name, weight });
  }
  if (out.length === 0) throw invalid('--context', v, 'at least one variable');
  return out;
}

function bandsOf(v: unknown): number[] {
  if (v === undefined) return DEFAULT_BANDS;
  const edges = String(v).split(',').map((s) => Number(s.trim()));
  if (edges.length < 2 || edges.some((e) => !Number.isFinite(e)) || edges.some((e, i) => i > 0 && e <= edges[i - 1])) {
    throw invalid('--bands', v, 'increasing numbers separated by commas, e.g. 0,5,9,13,21,35,50,100');
  }
  return edges;
}

function formatFromExtension(file: string): Format | undefined {
  const ext = file.toLowerCase().split('.').pop();
  if (ext === 'markdown') return 'md';
  if (ext === 'htm') return 'html';
  if (ext === 'txt') return 'table';
  return (FORMATS as readonly string[]).includes(ext ?? '') ? (ext as Format) : undefined;
}

/** Validate commander's raw values into the one typed config. */
export function toConfig(command: string, raw: Record<string, unknown>, env: Environment, schoolArg?: string): Config {
  const cwd = env.cwd;
  const at = (p: string) => resolve(cwd, p);

  const manifestPath = typeof raw.data === 'string' ? at(raw.data) : undefined;
  const attArgs = list(raw.attainment).map(parseFileArg);
  const fsmArgs = list(raw.fsm).map(parseFileArg);
  if (manifestPath && attArgs.length) throw new FosError('INVALID_OPTION', 'cannot use both --data and --attainment', {}, 'name the files in the manifest, or give them as flags');
  if (!attArgs.length && fsmArgs.length) throw new FosError('INVALID_OPTION', '--fsm needs --attainment', {}, 'pass --attainment FILE too');
  const sample = !manifestPath && attArgs.length === 0;
  const manifest = manifestPath ? readManifest(manifestPath) : sample ? readManifest(env.samplePath) : undefined;
  const inputs = manifest
    ? manifest.years
    : pairInputs(
        attArgs.map((a) => ({ ...a, file: at(a.file) })),
        fsmArgs.map((a) => ({ ...a, file: at(a.file) })),
      );

  const mc = manifest?.columns ?? {};
  const str = (key: string, mkey: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : typeof mc[mkey] === 'string' ? (mc[mkey] as string) : undefined);
  const contextCols = {
    ...(mc.context && typeof mc.context === 'object' ? (mc.context as Record<string, string>) : {}),
    ...keyValues('--context-col', list(raw.contextCol)),
  };
  const ci = str('ciCols', 'ci');
  const loc = str('locationCols', 'location');
  const subjects = str('subjects', 'subjects');
  const columns: ColumnOverrides = {
    id: str('idCol', 'id'),
    name: str('nameCol', 'name'),
    la: str('laCol', 'la'),
    measure: str('measure', 'measure'),
    fsm: str('fsmCol', 'fsm'),
    cohort: str('cohortCol', 'cohort'),
    ci: ci ? pair('--ci-cols', ci) : undefined,
    context: contextCols,
    subjects: subjects ? subjects.split(',').map((s) => s.trim()).filter(Boolean) : [],
    location: loc ? pair('--location-cols', loc) : undefined,
  };
  const where = [...(manifest?.where ?? []), ...list(raw.where)].map((w) => {
    const m = /^([^=]+)=(.*)$/.exec(w);
    if (!m) throw invalid('--where', w, 'COLUMN=VALUE');
    return { column: m[1].trim(), value: m[2].trim() };
  });

  const consistent = String(raw.consistent ?? '2/3');
  const cm = /^(\d+)\/(\d+)$/.exec(consistent);
  if (!cm || Number(cm[1]) < 1 || Number(cm[1]) > Number(cm[2])) throw invalid('--consistent', consistent, 'K/N with 1 ≤ K ≤ N, e.g. 2/3');

  if (raw.sameLa && raw.otherLa) throw new FosError('INVALID_OPTION', 'cannot specify both --same-la and --other-la', {}, 'choose one');
  const output = typeof raw.output === 'string' ? at(raw.output) : undefined;
  const format = (raw.format as Format | undefined) ?? (output ? formatFromExtension(output) : undefined) ?? 'table';
  const noColor = env.env.NO_COLOR !== undefined && env.env.NO_COLOR !== '';
  const encoding = String(raw.encoding ?? 'auto') as Config['encoding'];
  let delimiter = typeof raw.delimiter === 'string' ? raw.delimiter : undefined;
  if (delimiter === '\\t' || delimiter?.toLowerCase() === 'tab') delimiter = '\t';
  if (delimiter !== undefined && delimiter.length !== 1) throw invalid('--delimiter', delimiter, 'one character, e.g. ";" or tab');

  return {
    command,
    schoolArg,
    inputs,
    sample,
    manifest: manifest?.file,
    columns,
    where,
    encoding,
    delimiter,
    strict: raw.strict === true,
    minCohort: int('--min-cohort', String(raw.minCohort ?? '11'), 0),
    includeSpecial: raw.includeSpecial === true,
    lowerIsBetter: raw.lowerIsBetter === true,
    method: (raw.method as FamilyMethod) ?? 'neighbours',
    size: int('--size', String(raw.size ?? '20'), 2),
    tiesAll: raw.ties === 'all',
    bands: bandsOf(raw.bands),
    groups: int('--groups', String(raw.groups ?? '5'), 1),
    context: parseContext(String(raw.context ?? 'fsm=1'), Object.keys(contextCols)),
    summary: raw.summary === true,
    threshold: num('--threshold', String(raw.threshold ?? '1')),
    consistent: { k: Number(cm[1]), n: Number(cm[2]) },
    robust: raw.robust !== false,
    highFsm: num('--high-fsm', String(raw.highFsm ?? '35')),
    sameLa: raw.sameLa === true,
    otherLa: raw.otherLa === true,
    maxKm: raw.maxKm !== undefined ? num('--max-km', raw.maxKm) : undefined,
    la: list(raw.la),
    schools: list(raw.school),
    year: typeof raw.year === 'string' ? raw.year : undefined,
    group: typeof raw.group === 'string' ? at(raw.group) : undefined,
    format,
    output,
    chart: typeof raw.chart === 'string' ? at(raw.chart) : undefined,
    limit: raw.limit === 'all' ? Infinity : int('--limit', String(raw.limit ?? '50'), 1),
    color: raw.color !== false && !noColor && env.isTTY && !output && format === 'table',
    debug: raw.debug === true,
  };
}

/** The options in force, for a JSON export's meta (what a researcher cites). */
export function optionsInForce(c: Config): Record<string, unknown> {
  return {
    columns: c.columns,
    where: c.where,
    minCohort: c.minCohort,
    includeSpecial: c.includeSpecial,
    lowerIsBetter: c.lowerIsBetter,
    method: c.method,
    size: c.size,
    ties: c.tiesAll ? 'all' : 'id',
    bands: c.bands,
    groups: c.groups,
    context: c.context,
    threshold: c.threshold,
    consistent: `${c.consistent.k}/${c.consistent.n}`,
    highFsm: c.highFsm,
    year: c.year ?? 'latest',
    la: c.la,
    schools: c.schools,
    school: c.schoolArg,
  };
}
