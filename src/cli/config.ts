import { basename, isAbsolute, resolve } from 'node:path';
import type { CandidateRule } from '../core/compare/compareFamilies.js';
import { checkApplicable } from './applicable.js';
import type { ConsistencyRule } from '../core/compare/consistency.js';
import { FosError } from '../core/errors.js';
import type { FamilyMethod, FamilyOptions } from '../core/families/buildFamilies.js';
import type { ContextWeight } from '../core/families/context.js';
import type { ColumnOverrides } from '../core/load/dfeColumns.js';
import { findColumn } from '../core/load/findColumn.js';
import type { EligibilityOptions } from '../core/load/eligibility.js';
import { pairInputs, parseFileArg, withJoins, type FileArg, type YearInput } from '../core/load/pairInputs.js';
import type { WhereFilter } from '../core/load/readSchoolRows.js';
import { closeNames } from '../core/load/columnHint.js';
import { expandFiles, namedFile, type NamedBy } from '../io/expandFiles.js';
import { longYears } from '../io/longYears.js';
import { openSource, type Opener } from '../io/openSource.js';
import { yearLabel } from '../core/load/yearLabel.js';
import { readManifest, type ManifestColumn } from '../io/manifest.js';
import { headerOf } from '../io/readTable.js';
import { PRESET_NAMES, resolvePreset } from '../core/families/presets.js';
import { FORMATS, type Format } from '../report/model.js';
import { LABEL_KEYS, labelsFrom, type Labels } from '../report/labels.js';
import { columnPair, invalid, labelPair, nameList, whereFilter } from './optionValues.js';
import { COVERAGES, keyOf, OPTIONS, type CommandName, type Coverage } from './options.js';

/** Everything a command needs, validated. Built only by `toConfig`; every default comes from OPTIONS. */
export interface Config {
  command: CommandName;
  /** The positional school id of report/partners/trend. */
  schoolArg?: string;
  inputs: YearInput[];
  /** True when no input was given and the bundled sample is used. */
  sample: boolean;
  manifest?: string;
  columns: ColumnOverrides;
  /** --join-id: the id column of the joined tables. */
  joinId?: string;
  /** --breakdown: the breakdown read from long-format files. */
  breakdown?: string;
  /** --links (or "links" in the manifest): a GIAS links file, as an absolute path. */
  links?: string;
  where: WhereFilter[];
  /** Opens the input files: a long file opened here to find its years is kept for the load, which decodes it no more. */
  open: Opener;
  encoding: 'auto' | 'utf8' | 'win1252';
  delimiter?: string;
  strict: boolean;
  /** Who takes part (--min-cohort, --include-special, the context variables in use). */
  eligibility: EligibilityOptions;
  /** How families are made (--method, --size, --ties, --bands, --groups, --context). */
  families: FamilyOptions;
  /** Who is a candidate (--threshold, --lower-is-better); whether there are bounds is known once the files are read. */
  rule: Omit<CandidateRule, 'hasBounds'>;
  summary: boolean;
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
  /** check: the list of schools left out as the main table. */
  excluded: boolean;
  format: Format;
  output?: string;
  chart?: string;
  /** Table format: rows shown per table (Infinity for --limit all). */
  limit: number;
  color: boolean;
  debug: boolean;
  /** --keep-families: the year whose families later years keep. */
  keepFamilies?: string;
  /** --context-years: years each school's context is pooled over (pooledContext.ts). */
  contextYears: number;
  /** What --preset took from the files (one line per variable), said on stderr. */
  presetNotes: string[];
  /** --threads: how many threads may share the work (1: none but this one). */
  threads: number | 'auto';
  /** --label (and the manifest's "labels"): the words reports use (report/labels.ts). */
  labels: Labels;
  /** The KEY=TEXT pairs given, manifest first, for the json meta. */
  labelPairs: [string, string][];
  /** --coverage (or the manifest's "coverage"): whether the files are a whole system's (report/looksNational.ts). */
  coverage: Coverage;
}

export interface Environment {
  cwd: string;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  samplePath: string;
}

/**
 * Every option's value from commander's (text, or lists of text for repeatable options),
 * each parsed by its OPTIONS entry, with that entry's default when not given (also for
 * options the command does not take: `odds` builds its families with the defaults).
 * Values already parsed (a library caller's) are taken as they are.
 */
export function optionValues(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const o of OPTIONS) {
    const key = keyOf(o);
    const v = raw[key];
    const flag = o.flags.split(' ').find((f) => f.startsWith('--'))!;
    const parse = (x: unknown) => (o.parse && typeof x === 'string' ? o.parse(x, flag) : x);
    if (o.choices && typeof v === 'string' && !o.choices.includes(v)) throw invalid(flag, v, `one of ${o.choices.join(', ')}`);
    out[key] = v === undefined ? o.default : o.repeatable ? (Array.isArray(v) ? v : [v]).map(parse) : parse(v);
  }
  return out;
}

/** The manifest's "coverage", one of --coverage's choices. */
function manifestCoverage(value: string, file: string): Coverage {
  if (!(COVERAGES as readonly string[]).includes(value)) throw invalid(`"coverage" in ${file}`, value, `one of ${COVERAGES.join(', ')}`);
  return value as Coverage;
}

/** A manifest entry that is a column name or a list of them (e.g. "match"). */
function manifestList(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((x) => typeof x === 'string' && x.trim() !== '')) throw new FosError('MANIFEST_INVALID', `${where} must be a column name or a list of them`, {}, 'e.g. "match": ["ADMPOL"]');
  return list as string[];
}

function formatFromExtension(file: string): Format | undefined {
  const ext = file.toLowerCase().split('.').pop();
  if (ext === 'markdown') return 'md';
  if (ext === 'htm') return 'html';
  if (ext === 'txt') return 'table';
  return (FORMATS as readonly string[]).includes(ext ?? '') ? (ext as Format) : undefined;
}

/** Validate commander's raw values into the one typed config. */
export function toConfig(command: CommandName, raw: Record<string, unknown>, env: Environment, schoolArg?: string): Config {
  const cwd = env.cwd;
  const at = (p: string) => resolve(cwd, p);
  const v = optionValues(raw);
  checkApplicable(command, raw, v);
  const list = <T>(key: string) => (v[key] as T[] | undefined) ?? [];
  const text = (key: string) => v[key] as string | undefined;

  // A path given with a flag: absolute, and named by that flag when nothing is there.
  const namedBy = (flag: string, p: string): NamedBy => ({ by: flag, relativeTo: isAbsolute(p) ? undefined : `the current folder, ${cwd}` });
  const file = (flag: string, p: string) => namedFile(at(p), namedBy(flag, p));
  // A folder or a pattern as its files, each remembering what named it (for the hint when its year cannot be told).
  const expand = (flag: string) => (a: FileArg): FileArg[] => {
    const found = expandFiles(at(a.file), namedBy(flag, a.file));
    return found.map((f) => ({ ...a, file: f, ...(found.length > 1 || f !== at(a.file) ? { from: a.file } : {}) }));
  };
  const manifestPath = text('data') !== undefined ? at(text('data')!) : undefined;
  const attArgs = list<string>('attainment').map(parseFileArg);
  const fsmArgs = list<string>('fsm').map(parseFileArg);
  const joinArgs = list<string>('join').map(parseFileArg).map((a) => ({ ...a, file: file('--join', a.file) }));
  if (manifestPath && attArgs.length) throw new FosError('INVALID_OPTION', 'cannot use both --data and --attainment', {}, 'name the files in the manifest, or give them as flags');
  if (!attArgs.length && fsmArgs.length) throw new FosError('INVALID_OPTION', '--fsm needs --attainment', {}, 'pass --attainment FILE too');
  const sample = !manifestPath && attArgs.length === 0;
  const manifest = manifestPath ? readManifest(manifestPath) : sample ? readManifest(env.samplePath) : undefined;
  // The files opened here (a long file, to find its years) are kept for the load.
  const readOptions = { encoding: v.encoding as Config['encoding'], delimiter: text('delimiter'), strict: v.strict === true };
  const open = openSource(readOptions);
  const inputs = manifest
    ? withJoins(manifest.years, joinArgs)
    : pairInputs(
        // A long-format file gives each year it holds (io/longYears.ts).
        attArgs.flatMap(expand('--attainment')).flatMap((a) => longYears(a, readOptions, open)),
        fsmArgs.flatMap(expand('--fsm')),
        joinArgs,
      );

  // A column given as a flag, else in the manifest's "columns", else found in the file.
  const mc = manifest?.columns ?? {};
  const fromManifest = <T>(mkey: ManifestColumn, parse?: (s: string, flag: string) => T) =>
    typeof mc[mkey] === 'string' ? (parse ? parse(mc[mkey] as string, `"${mkey}" in ${manifest!.file}`) : (mc[mkey] as T)) : undefined;
  const contextCols = {
    ...(mc.context && typeof mc.context === 'object' ? (mc.context as Record<string, string>) : {}),
    ...Object.fromEntries(list<[string, string]>('contextCol')),
  };
  const columns: ColumnOverrides = {
    id: text('idCol') ?? fromManifest('id'),
    name: text('nameCol') ?? fromManifest('name'),
    la: text('laCol') ?? fromManifest('la'),
    measure: text('measure') ?? fromManifest('measure'),
    fsm: text('fsmCol') ?? fromManifest('fsm'),
    cohort: text('cohortCol') ?? fromManifest('cohort'),
    ci: (v.ciCols as [string, string] | undefined) ?? fromManifest('ci', columnPair),
    context: contextCols,
    subjects: (v.subjects as string[] | undefined) ?? fromManifest('subjects', nameList) ?? [],
    location: (v.locationCols as [string, string] | undefined) ?? fromManifest('location', columnPair),
    match: list<string>('match').length ? list<string>('match') : manifestList(mc.match, `"match" in ${manifest?.file}`),
  };
  const where = [...(manifest?.where ?? []).map((w) => whereFilter(w, `"where" in ${manifest!.file}`)), ...list<WhereFilter>('where')];

  // --preset: its columns found in the (latest year's) files; --context, --context-col, --size and --match override.
  const presetName = text('preset') ?? manifest?.preset;
  let presetNotes: string[] = [];
  let context = (v.context as ContextWeight[] | undefined) ?? [];
  let size = v.size as number;
  if (presetName) {
    if (!PRESET_NAMES.includes(presetName)) throw invalid('--preset', presetName, `one of ${PRESET_NAMES.join(', ')}`);
    const last = inputs[inputs.length - 1];
    const read = { encoding: v.encoding as Config['encoding'], delimiter: text('delimiter') };
    const headers = {
      attainment: headerOf(last.attainment, read),
      fsm: last.fsm ? headerOf(last.fsm, read) : undefined,
      joins: (last.joins ?? []).map((j) => headerOf(j, read)),
    };
    const p = resolvePreset(presetName, headers, { contextCols, fsmCol: columns.fsm }, v.strict === true);
    presetNotes = [`--preset ${presetName}: ${p.notes.join('; ')}${p.missing.length ? ` (weights renormalised without ${p.missing.join(', ')})` : ''}`];
    Object.assign(contextCols, p.contextCols);
    columns.fsm ??= p.fsmCol;
    if (raw.context === undefined) context = p.context;
    if (raw.size === undefined) size = p.size;
    if (!columns.match?.length) columns.match = p.match;
  }
  for (const { name } of context) {
    if (name !== 'fsm' && !(name in contextCols)) {
      throw new FosError('INVALID_OPTION', `--context names ${name}, which is not a context variable`, {}, `map it to a column first: --context-col ${name}=COLUMN`);
    }
  }

  const fromFile = `"labels" in ${manifest ? basename(manifest.file) : ''}`;
  const given = [
    ...(manifest?.labels ?? []).map(([k, t]) => ({ pair: labelPair(`${k}=${t}`, fromFile), from: fromFile })),
    ...list<[string, string]>('label').map((pair) => ({ pair, from: '--label' })),
  ].map(({ pair: [k, t], from }) => ({ pair: [(LABEL_KEYS as readonly string[]).includes(k.toLowerCase()) ? k.toLowerCase() : k, t] as [string, string], from }));
  checkLabelKeys(given, inputs[inputs.length - 1], { encoding: v.encoding as Config['encoding'], delimiter: text('delimiter') });
  const labelPairs = given.map((g) => g.pair);

  if (v.sameLa && v.otherLa) throw new FosError('INVALID_OPTION', 'cannot specify both --same-la and --other-la', {}, 'choose one');
  // `-o -` is stdout.
  const output = text('output') !== undefined && text('output') !== '-' ? at(text('output')!) : undefined;
  let format = v.format as Format | undefined;
  if (!format && output) {
    format = formatFromExtension(output);
    if (!format) {
      throw new FosError('INVALID_OPTION', `cannot tell the format of ${basename(output)} from its name`, {}, `name it .${FORMATS.filter((f) => f !== 'table').join(', .')} or .txt, or add --format ${FORMATS.join('|')}`);
    }
  }
  format ??= 'table';
  const noColor = env.env.NO_COLOR !== undefined && env.env.NO_COLOR !== '';
  const families: FamilyOptions = {
    method: v.method as FamilyMethod,
    size,
    tiesAll: v.ties === 'all',
    bands: v.bands as number[],
    groups: v.groups as number,
    context,
    match: columns.match,
  };

  return {
    command,
    schoolArg,
    inputs,
    sample,
    manifest: manifest?.file,
    columns,
    joinId: text('joinId') ?? fromManifest('joinId'),
    breakdown: text('breakdown') ?? fromManifest('breakdown'),
    links: text('links') !== undefined ? file('--links', text('links')!) : manifest?.links,
    where,
    open,
    encoding: v.encoding as Config['encoding'],
    delimiter: text('delimiter'),
    strict: v.strict === true,
    eligibility: {
      minCohort: v.minCohort as number,
      includeSpecial: v.includeSpecial === true,
      contextVars: context.map((c) => c.name).filter((n) => n !== 'fsm'),
    },
    families,
    rule: { threshold: v.threshold as number, lowerIsBetter: v.lowerIsBetter === true },
    summary: v.summary === true,
    consistent: v.consistent as ConsistencyRule,
    robust: v.robust !== false,
    highFsm: v.highFsm as number,
    sameLa: v.sameLa === true,
    otherLa: v.otherLa === true,
    maxKm: v.maxKm as number | undefined,
    la: list<string>('la'),
    schools: list<string>('school'),
    // Years as YEAR=FILE labels them (2018-19 is 2019).
    year: text('year') !== undefined ? yearLabel(text('year')!) : undefined,
    group: text('group') !== undefined ? file('--group', text('group')!) : undefined,
    excluded: v.excluded === true,
    format,
    output,
    chart: text('chart') !== undefined ? at(text('chart')!) : undefined,
    limit: v.limit as number,
    color: v.color !== false && !noColor && env.isTTY && !output && format === 'table',
    debug: v.debug === true,
    threads: v.threads as Config['threads'],
    presetNotes,
    contextYears: v.contextYears as number,
    keepFamilies: text('keepFamilies') !== undefined ? yearLabel(text('keepFamilies')!) : undefined,
    labels: labelsFrom(labelPairs),
    labelPairs,
    coverage: raw.coverage === undefined && manifest?.coverage !== undefined ? manifestCoverage(manifest.coverage, manifest.file) : (v.coverage as Coverage),
  };
}

/**
 * A --label key is la, fsm, nation or measure (any case), or a column of the latest year's
 * files (a measure's or a subject's display name); anything else is a usage error that lists
 * the keys, naming where the key was given (--label or the manifest). One key given twice
 * with different words in the same place (`--label LA=District --label la=Borough`) is an
 * error too: which was meant cannot be told (the flags still win over the manifest). The
 * files' headers are read only when a column key is given.
 */
function checkLabelKeys(given: { pair: [string, string]; from: string }[], last: YearInput, read: { encoding: Config['encoding']; delimiter?: string }) {
  for (const [i, { pair: [key, words], from }] of given.entries()) {
    const other = given.slice(0, i).find((g) => g.from === from && g.pair[0].toLowerCase() === key.toLowerCase() && g.pair[1] !== words);
    if (other) throw new FosError('INVALID_OPTION', `${labelKey(from, key)} is given twice, as ${JSON.stringify(other.pair[1])} and ${JSON.stringify(words)}`, {}, 'give each key once');
  }
  const columns = given.filter(({ pair: [k] }) => !(LABEL_KEYS as readonly string[]).includes(k));
  if (!columns.length) return;
  const files = [last.attainment, ...(last.attainmentMore ?? []), ...(last.fsm ? [last.fsm] : []), ...(last.joins ?? [])];
  const header = files.flatMap((f) => headerOf(f, read));
  for (const { pair: [key], from } of columns) {
    if (findColumn(header, key) === undefined) {
      const close = closeNames([...LABEL_KEYS, ...header], key);
      throw new FosError(
        'INVALID_OPTION',
        `${labelKey(from, key)}: not a label fos uses, nor a column of ${basename(last.attainment)}`,
        {},
        `${close.length ? `did you mean ${close.join(', ')}? ` : ''}keys: ${LABEL_KEYS.join(', ')}, or a column name for its display name (e.g. ATT8SCR=Attainment 8)`,
      );
    }
  }
}

/** A label key as the user wrote it: `--label la`, or `"labels" in fos.json, key "la"`. */
const labelKey = (from: string, key: string) => (from === '--label' ? `--label ${key}` : `${from}, key ${JSON.stringify(key)}`);

/** The options in force, for a JSON export's meta (what a researcher cites). */
export function optionsInForce(c: Config): Record<string, unknown> {
  return {
    columns: c.columns,
    where: c.where,
    breakdown: c.breakdown,
    minCohort: c.eligibility.minCohort,
    includeSpecial: c.eligibility.includeSpecial,
    lowerIsBetter: c.rule.lowerIsBetter,
    method: c.families.method,
    size: c.families.size,
    ties: c.families.tiesAll ? 'all' : 'id',
    bands: c.families.bands,
    groups: c.families.groups,
    context: c.families.context,
    contextYears: c.contextYears,
    keepFamilies: c.keepFamilies,
    match: c.families.match,
    threshold: c.rule.threshold,
    consistent: `${c.consistent.k}/${c.consistent.n}`,
    highFsm: c.highFsm,
    year: c.year ?? 'latest',
    la: c.la,
    schools: c.schools,
    school: c.schoolArg,
    ...(c.labelPairs.length ? { labels: Object.fromEntries(c.labelPairs) } : {}),
    ...(c.coverage !== 'auto' ? { coverage: c.coverage } : {}),
  };
}
