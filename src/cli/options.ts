/**
 * Every option of fos, declared once, as data: its flag, what it does, its parse function,
 * its choices and its default. Commander is wired from this list (cli/program.ts), the
 * values are turned into one typed config (cli/config.ts, which takes every default from
 * here), and the README's option table is printed from it (scripts/options-table.mjs).
 */
import { DEFAULT_BANDS } from '../core/families/bands.js';
import { DEFAULT_COLUMNS as D } from '../core/load/dfeColumns.js';
import type { FamilyMethod } from '../core/families/buildFamilies.js';
import { FORMATS } from '../report/model.js';
import {
  bandEdges,
  columnPair,
  contextWeights,
  delimiterChar,
  kOfN,
  labelPair,
  nameColumn,
  nameList,
  threadCount,
  number,
  rowLimit,
  wholeNumber,
  whereFilter,
  type Parse,
} from './optionValues.js';

/** --coverage: whether the files loaded are a whole system's (report/looksNational.ts). */
export const COVERAGES = ['auto', 'whole', 'part'] as const;
export type Coverage = (typeof COVERAGES)[number];

export type OptionGroup = 'input' | 'family' | 'compare' | 'filter' | 'output';

export const COMMAND_NAMES = ['check', 'families', 'report', 'outperformers', 'odds', 'partners', 'trend'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface OptionSpec<T = unknown> {
  /** Commander flags, e.g. '--size <n>'. */
  flags: string;
  description: string;
  group: OptionGroup;
  /** Commands that take it; 'all' for every command. */
  commands: readonly CommandName[] | 'all';
  /** The value when the option is not given, as the parse function returns it. */
  default?: T;
  /** How the default reads in --help and the README when the value is not the plain text of it, or is found from the file (no `default`). */
  defaultText?: string;
  /** Text given → value; throws a usage error naming the flag. Absent: the text itself (or true for a flag). */
  parse?: Parse<T>;
  /** Given more than once, the values are collected in a list. */
  repeatable?: boolean;
  choices?: readonly string[];
}

// Written out, not imported from core/families/buildFamilies, so that start-up (and --help)
// does not load the family code; a test checks it equals FAMILY_METHODS.
export const METHODS: readonly FamilyMethod[] = ['neighbours', 'bands', 'quantiles', 'ckmeans', 'size'];

/** Default column names as help shows them: the first of these found in the file. */
const found = (names: readonly string[]) => names.join(', else ');
/** Columns that go with the measure: `TPUP for ATT8SCR and P8MEA, TELIG for PTRWM_EXP`. */
function forMeasure(byMeasure: Record<string, string | readonly string[]>): string {
  const measures = new Map<string, string[]>();
  for (const [measure, cols] of Object.entries(byMeasure)) {
    const key = typeof cols === 'string' ? cols : cols.join(',');
    measures.set(key, [...(measures.get(key) ?? []), measure]);
  }
  return [...measures].map(([cols, ms]) => `${cols} for ${ms.join(' and ')}`).join(', ');
}

const FAMILY_COMMANDS: CommandName[] = ['families', 'report', 'outperformers', 'partners', 'trend'];

// A helper that keeps each entry's default and parse function of one type.
const option = <T>(spec: OptionSpec<T>): OptionSpec => spec as OptionSpec;

export const OPTIONS: readonly OptionSpec[] = [
  // Inputs
  option({ flags: '--attainment <file>', description: 'attainment table; YEAR=FILE for several years; several files, a folder or a pattern (*.csv, [ab].csv) for one year are read as one table (repeatable)', group: 'input', commands: 'all', repeatable: true, defaultText: 'the bundled sample (data/)' }),
  option({ flags: '--fsm <file>', description: 'FSM table (e.g. the school census); YEAR=FILE (repeatable)', group: 'input', commands: 'all', repeatable: true, defaultText: '% FSM from the attainment file' }),
  option({ flags: '--join <file>', description: 'a further table joined to each year’s schools by id, e.g. a GIAS download; YEAR=FILE for one year (repeatable)', group: 'input', commands: 'all', repeatable: true }),
  option({ flags: '--join-id <col>', description: 'the id column of the --join tables', group: 'input', commands: 'all', defaultText: 'the --id-col name' }),
  option({ flags: '--links <file>', description: 'a GIAS links file (links_edubasealldata*.csv): a school that changed URN (e.g. became an academy) is followed across years under its latest URN', group: 'input', commands: 'all' }),
  option({ flags: '--data <fos.json>', description: 'a manifest naming the files per year and the columns', group: 'input', commands: 'all' }),
  option({ flags: '--id-col <col>', description: 'school id column', group: 'input', commands: 'all', defaultText: found(D.id) }),
  option({ flags: '--name-col <col>', description: 'school name column', group: 'input', commands: 'all', defaultText: found(D.name) }),
  option({ flags: '--la-col <col>', description: 'local authority column', group: 'input', commands: 'all', defaultText: found(D.la) }),
  option({ flags: '--measure <col>', description: 'the measure compared', group: 'input', commands: 'all', defaultText: found(D.measure) }),
  option({ flags: '--fsm-col <col>', description: '% FSM column', group: 'input', commands: 'all', defaultText: found(D.fsm) }),
  option({ flags: '--cohort-col <col>', description: 'cohort size column', group: 'input', commands: 'all', defaultText: `${found(D.cohort)} for a whole-school measure; the group's count (TFSM6CLA1A) for a pupil-group one (…_FSM6CLA1A)` }),
  option({ flags: '--ci-cols <low,high>', description: 'confidence bounds of the measure', group: 'input', commands: 'all', parse: columnPair, defaultText: forMeasure(D.ci) }),
  option({ flags: '--context-col <name=col>', description: 'a context variable for --context, e.g. eal=PNUMEAL (repeatable)', group: 'input', commands: 'all', repeatable: true, parse: nameColumn }),
  option({ flags: '--location-cols <a,b>', description: 'the two columns of a school’s location: latitude and longitude, or easting and northing', group: 'input', commands: 'all', parse: columnPair, defaultText: found(D.location.map((l) => l.cols.join(','))) }),
  option({ flags: '--subjects <cols>', description: 'subject or component measures, comma-separated', group: 'input', commands: ['partners'], parse: nameList }),
  option({ flags: '--breakdown <value>', description: 'the breakdown read from long-format (Explore Education Statistics) files, e.g. Disadvantaged', group: 'input', commands: 'all', defaultText: 'Total (the whole school)' }),
  option({ flags: '--where <col=value>', description: 'keep only the schools whose COL is VALUE, ignoring case (repeatable); the file\'s LA and national rows stay its published figures', group: 'input', commands: 'all', repeatable: true, parse: whereFilter }),
  option({ flags: '--encoding <enc>', description: 'input encoding', group: 'input', commands: 'all', default: 'auto', choices: ['auto', 'utf8', 'win1252'] }),
  option({ flags: '--delimiter <char>', description: 'field delimiter', group: 'input', commands: 'all', parse: delimiterChar, defaultText: 'detected from the header' }),
  option({ flags: '--strict', description: 'stop at the first bad value instead of skipping the row', group: 'input', commands: 'all' }),
  option({ flags: '--min-cohort <n>', description: 'smallest cohort that takes part', group: 'input', commands: 'all', parse: wholeNumber(0), default: 11 }),
  option({ flags: '--include-special', description: 'keep special schools (DfE RECTYPE 2)', group: 'input', commands: 'all' }),
  option({ flags: '--lower-is-better', description: 'the measure is better when lower (e.g. absence)', group: 'input', commands: 'all' }),
  // Families
  option({ flags: '--method <name>', description: 'how families are made', group: 'family', commands: FAMILY_COMMANDS, default: 'neighbours', choices: METHODS }),
  option({ flags: '--size <n>', description: 'family size N (neighbours, size)', group: 'family', commands: FAMILY_COMMANDS, parse: wholeNumber(2), default: 20 }),
  option({ flags: '--ties <rule>', description: 'neighbours: break ties by id, or keep all tied schools', group: 'family', commands: FAMILY_COMMANDS, default: 'id', choices: ['id', 'all'] }),
  option({ flags: '--bands <edges>', description: '% FSM band edges (bands, odds)', group: 'family', commands: [...FAMILY_COMMANDS, 'odds'], parse: bandEdges, default: DEFAULT_BANDS }),
  option({ flags: '--groups <k>', description: 'number of families (quantiles, ckmeans)', group: 'family', commands: FAMILY_COMMANDS, parse: wholeNumber(1), default: 5 }),
  option({ flags: '--context <weights>', description: 'context variables and weights, e.g. fsm=1,eal=0.5', group: 'family', commands: FAMILY_COMMANDS, parse: contextWeights, default: [{ name: 'fsm', weight: 1 }], defaultText: 'fsm=1' }),
  option({ flags: '--preset <name>', description: 'an English context preset: columns, weights, size and strata (README "Presets")', group: 'family', commands: 'all', choices: ['london', 'eef', 'dfe', 'fsm'] }),
  option({ flags: '--context-years <k>', description: "each school's context: the cohort-weighted mean of its last K years with data", group: 'family', commands: 'all', parse: wholeNumber(1), default: 1 }),
  option({ flags: '--keep-families <year>', description: 'keep the families of YEAR in later years (closed schools dropped, new ones with their nearest school)', group: 'family', commands: 'all' }),
  option({ flags: '--match <col>', description: 'a family is drawn only from schools with the same value of COL (e.g. ADMPOL: selective with selective) (repeatable)', group: 'family', commands: 'all', repeatable: true }),
  option({ flags: '--summary', description: 'families: one row per family (disjoint methods)', group: 'family', commands: ['families'] }),
  // Comparison and candidates
  option({ flags: '--threshold <z>', description: 'z a candidate partner must reach', group: 'compare', commands: FAMILY_COMMANDS, parse: number(), default: 1 }),
  option({ flags: '--consistent <k/n>', description: 'consistent: a candidate in K of its last N years', group: 'compare', commands: ['outperformers'], parse: kOfN, default: { k: 2, n: 3 }, defaultText: '2/3' }),
  option({ flags: '--no-robust', description: 'skip the robustness check (families of 10 and 40, bands)', group: 'compare', commands: ['outperformers'] }),
  option({ flags: '--high-fsm <pct>', description: 'lower % FSM edge of the high-FSM bands', group: 'compare', commands: ['odds'], parse: number({ min: 0, max: 100, what: 'a % FSM from 0 to below 100' }), default: 35 }),
  option({ flags: '--same-la', description: 'partners in the same local authority only', group: 'compare', commands: ['partners'] }),
  option({ flags: '--other-la', description: 'partners in other local authorities only', group: 'compare', commands: ['partners'] }),
  option({ flags: '--max-km <km>', description: 'partners within this distance (needs locations)', group: 'compare', commands: ['partners'], parse: number({ above: 0, what: 'a distance in km above 0' }) }),
  // Filters (what is reported, never who is compared)
  option({ flags: '--la <code>', description: 'report schools of this local authority only (repeatable)', group: 'filter', commands: ['families', 'outperformers', 'odds'], repeatable: true }),
  option({ flags: '--school <id>', description: 'report this school only (repeatable)', group: 'filter', commands: ['families', 'outperformers'], repeatable: true }),
  option({ flags: '--year <year>', description: 'the year to report (families: `all` for every year)', group: 'filter', commands: ['families', 'report', 'outperformers', 'odds', 'partners'], defaultText: 'the latest' }),
  option({ flags: '--excluded', description: 'check: list every school left out, one row each with its reason', group: 'filter', commands: ['check'] }),
  option({ flags: '--group <file>', description: 'trend: a file of school ids, one per line', group: 'filter', commands: ['trend'] }),
  // Output
  option({ flags: '--format <fmt>', description: 'output format', group: 'output', commands: 'all', choices: FORMATS, defaultText: 'table, or from the -o extension' }),
  option({ flags: '-o, --output <file>', description: 'write to FILE (atomically) instead of stdout', group: 'output', commands: 'all' }),
  option({ flags: '--label <key=text>', description: 'a word reports use, for another country’s data: la (e.g. District), fsm (e.g. % low income), nation (e.g. New York City), measure or a column’s name (e.g. ATT8SCR=Attainment 8) (repeatable)', group: 'output', commands: 'all', repeatable: true, parse: labelPair, defaultText: 'LA, % FSM, England, the column name' }),
  option({ flags: '--coverage <extent>', description: 'whole: the files loaded are a whole system, e.g. a city of 32 districts ("national quartiles"); part: a part of one ("quartiles over the loaded schools"); auto: whole when they hold more than 100 LAs', group: 'output', commands: ['odds', 'trend'], default: 'auto', choices: COVERAGES }),
  option({ flags: '--limit <n>', description: 'table format: rows shown per table, a number or all (also when piped)', group: 'output', commands: 'all', parse: rowLimit, default: 50 }),
  option({ flags: '--chart <file.svg>', description: 'also write the chart as SVG', group: 'output', commands: ['report', 'trend'] }),
  option({ flags: '--no-color', description: 'no colour (also when NO_COLOR is set or output is not a terminal)', group: 'output', commands: 'all' }),
  option({ flags: '--debug', description: 'show stack traces of internal errors', group: 'output', commands: 'all' }),
  option({ flags: '--threads <n|auto>', description: 'threads to use, this one included (1: everything on the main thread; auto: the cores, up to 4; on two cores a second thread only for very large files and searches)', group: 'output', commands: 'all', parse: threadCount, default: 'auto' as number | 'auto' }),
];

export interface CommandSpec {
  name: CommandName;
  args?: string;
  description: string;
  /** Shown at the end of the command's --help (each is also in the README). */
  examples: readonly string[];
}

const E = '--attainment england_ks4provisional.csv --fsm england_census.csv';
const YEARS = ['2017=815_2017_ks4final.csv', '2018=815_2018_ks4final.csv', '2019=815_2019_ks4provisional.csv'];
const MULTI = YEARS.map((f) => `--attainment ${f} --fsm ${f.slice(0, 4)}=815_${f.slice(0, 4)}_census.csv`).join(' ');

// Each example is one of the README's (a test checks), so both show the same commands.
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'check',
    description: 'data-quality report: rows, summary rows, missing values, join coverage, eligibility',
    examples: [`fos check ${E}`, 'fos check --data fos.json'],
  },
  {
    name: 'families',
    description: 'each eligible school in its family: median, gap, z, rank, percentile, label',
    examples: ['fos families --attainment 2017-2018_850_ks4final.csv', `fos families ${E} --method bands --summary`, 'fos families --attainment us_schools.csv --id-col NCESSCH --name-col SCH_NAME --la-col LEAID --measure PROFICIENT --fsm-col PCT_FRL --cohort-col ENROLL'],
  },
  {
    name: 'report',
    args: '<school>',
    description: "one school's family report: members, distances, verdict",
    examples: [`fos report 100050 ${E} --format html -o report.html`, `fos report "Parliament Hill" ${E}`],
  },
  {
    name: 'outperformers',
    description: 'candidate partners: schools that outperform their family',
    examples: [`fos outperformers ${E}`, `fos outperformers ${MULTI}`, `fos outperformers ${E} --measure P8MEA --format xlsx -o candidates.xlsx`],
  },
  {
    name: 'odds',
    description: 'against the odds: FSM bands × national quartiles, and the regression on FSM',
    examples: [`fos odds ${E} --format json -o odds.json`, 'fos odds --attainment 2017-2018_850_ks4final.csv'],
  },
  {
    name: 'partners',
    args: '<school>',
    description: 'candidate partners in a school’s family that do better than it',
    examples: [`fos partners 100050 ${E} --other-la`, `fos partners 100050 ${E} --same-la`],
  },
  {
    name: 'trend',
    args: '[school]',
    description: 'a school (or --group) by year beside its family, LA and England',
    examples: ['fos trend 121670 --data fos.json', 'fos trend --group ids.txt --data fos.json --chart trend.svg', 'fos trend 144976 --data fos.json --links links_edubasealldata20250422.csv'],
  },
];

export function optionsFor(command: string): OptionSpec[] {
  return OPTIONS.filter((o) => o.commands === 'all' || (o.commands as readonly string[]).includes(command));
}

/** The name commander gives an option's value: `--min-cohort` → minCohort, `--no-robust` → robust. */
export function keyOf(o: OptionSpec): string {
  const long = /--(?:no-)?([\w-]+)/.exec(o.flags)![1];
  return long.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

/** The default as --help and the README show it: `20`, `0,5,9,13,21,35,50,100`; undefined for none. */
export function defaultShown(o: OptionSpec): string | undefined {
  if (o.defaultText !== undefined) return o.defaultText;
  if (o.default === undefined) return undefined;
  return Array.isArray(o.default) ? o.default.join(',') : String(o.default);
}
