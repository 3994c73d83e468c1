/**
 * Every option of fos, declared once. Commander is wired from this list (cli/program.ts),
 * the values are validated into one typed config (cli/config.ts), and the README's option
 * table is generated from it (scripts/options-table.mjs).
 */
export type OptionGroup = 'input' | 'family' | 'compare' | 'filter' | 'output';

export interface OptionSpec {
  /** Commander flags, e.g. '--size <n>'. */
  flags: string;
  description: string;
  group: OptionGroup;
  /** Commands that take it; 'all' for every command. */
  commands: readonly string[] | 'all';
  default?: string | boolean;
  repeatable?: boolean;
  choices?: readonly string[];
}

const FAMILY_COMMANDS = ['families', 'report', 'outperformers', 'partners', 'trend'];

export const OPTIONS: readonly OptionSpec[] = [
  // Inputs
  { flags: '--attainment <file>', description: 'attainment table; YEAR=FILE for several years (repeatable)', group: 'input', commands: 'all', repeatable: true },
  { flags: '--fsm <file>', description: 'FSM table (e.g. the school census); YEAR=FILE (repeatable). Default: % FSM from the attainment file', group: 'input', commands: 'all', repeatable: true },
  { flags: '--data <fos.json>', description: 'a manifest naming the files per year and the columns', group: 'input', commands: 'all' },
  { flags: '--id-col <col>', description: 'school id column', group: 'input', commands: 'all', default: 'URN' },
  { flags: '--name-col <col>', description: 'school name column', group: 'input', commands: 'all', default: 'SCHNAME' },
  { flags: '--la-col <col>', description: 'local authority column', group: 'input', commands: 'all', default: 'LEA or LA' },
  { flags: '--measure <col>', description: 'the measure compared', group: 'input', commands: 'all', default: 'ATT8SCR, else PTRWM_EXP' },
  { flags: '--fsm-col <col>', description: '% FSM column', group: 'input', commands: 'all', default: 'PNUMFSMEVER, else PTFSM6CLA1A' },
  { flags: '--cohort-col <col>', description: 'cohort size column', group: 'input', commands: 'all', default: 'TPUP (KS4), TELIG (KS2)' },
  { flags: '--ci-cols <low,high>', description: 'confidence bounds of the measure', group: 'input', commands: 'all', default: 'P8CILOW,P8CIUPP for P8MEA' },
  { flags: '--context-col <name=col>', description: 'a context variable for --context, e.g. eal=PNUMEAL (repeatable)', group: 'input', commands: 'all', repeatable: true },
  { flags: '--location-cols <a,b>', description: 'LATITUDE,LONGITUDE or EASTING,NORTHING columns', group: 'input', commands: 'all' },
  { flags: '--subjects <cols>', description: 'subject or component measures, comma-separated', group: 'input', commands: ['partners'] },
  { flags: '--where <col=value>', description: 'keep only rows where COL is VALUE (repeatable)', group: 'input', commands: 'all', repeatable: true },
  { flags: '--encoding <enc>', description: 'input encoding', group: 'input', commands: 'all', default: 'auto', choices: ['auto', 'utf8', 'win1252'] },
  { flags: '--delimiter <char>', description: 'field delimiter (default: detected from the header)', group: 'input', commands: 'all' },
  { flags: '--strict', description: 'stop at the first bad value instead of skipping the row', group: 'input', commands: 'all', default: false },
  { flags: '--min-cohort <n>', description: 'smallest cohort that takes part', group: 'input', commands: 'all', default: '11' },
  { flags: '--include-special', description: 'keep special schools (DfE RECTYPE 2)', group: 'input', commands: 'all', default: false },
  { flags: '--lower-is-better', description: 'the measure is better when lower (e.g. absence)', group: 'input', commands: 'all', default: false },
  // Families
  { flags: '--method <name>', description: 'how families are made', group: 'family', commands: FAMILY_COMMANDS, default: 'neighbours', choices: ['neighbours', 'bands', 'quantiles', 'ckmeans', 'size'] },
  { flags: '--size <n>', description: 'family size N (neighbours, size)', group: 'family', commands: FAMILY_COMMANDS, default: '20' },
  { flags: '--ties <rule>', description: 'neighbours: break ties by id, or keep all tied schools', group: 'family', commands: FAMILY_COMMANDS, default: 'id', choices: ['id', 'all'] },
  { flags: '--bands <edges>', description: '% FSM band edges (bands, odds)', group: 'family', commands: [...FAMILY_COMMANDS, 'odds'], default: '0,5,9,13,21,35,50,100' },
  { flags: '--groups <k>', description: 'number of families (quantiles, ckmeans)', group: 'family', commands: FAMILY_COMMANDS, default: '5' },
  { flags: '--context <weights>', description: 'context variables and weights, e.g. fsm=1,eal=0.5', group: 'family', commands: FAMILY_COMMANDS, default: 'fsm=1' },
  { flags: '--summary', description: 'families: one row per family (disjoint methods)', group: 'family', commands: ['families'], default: false },
  // Comparison and candidates
  { flags: '--threshold <z>', description: 'z a candidate partner must reach', group: 'compare', commands: FAMILY_COMMANDS, default: '1' },
  { flags: '--consistent <k/n>', description: 'consistent: a candidate in K of its last N years', group: 'compare', commands: ['outperformers'], default: '2/3' },
  { flags: '--no-robust', description: 'skip the robustness check (families of 10 and 40, bands)', group: 'compare', commands: ['outperformers'] },
  { flags: '--high-fsm <pct>', description: 'lower % FSM edge of the high-FSM bands', group: 'compare', commands: ['odds'], default: '35' },
  { flags: '--same-la', description: 'partners in the same local authority only', group: 'compare', commands: ['partners'], default: false },
  { flags: '--other-la', description: 'partners in other local authorities only', group: 'compare', commands: ['partners'], default: false },
  { flags: '--max-km <km>', description: 'partners within this distance (needs locations)', group: 'compare', commands: ['partners'] },
  // Filters (what is reported, never who is compared)
  { flags: '--la <code>', description: 'report schools of this local authority only (repeatable)', group: 'filter', commands: ['families', 'outperformers', 'odds'], repeatable: true },
  { flags: '--school <id>', description: 'report this school only (repeatable)', group: 'filter', commands: ['families', 'outperformers'], repeatable: true },
  { flags: '--year <year>', description: 'the year to report (default: the latest)', group: 'filter', commands: ['families', 'report', 'outperformers', 'odds', 'partners'] },
  { flags: '--group <file>', description: 'trend: a file of school ids, one per line', group: 'filter', commands: ['trend'] },
  // Output
  { flags: '--format <fmt>', description: 'output format (default: table, or from the -o extension)', group: 'output', commands: 'all', choices: ['table', 'csv', 'json', 'md', 'html', 'xlsx'] },
  { flags: '-o, --output <file>', description: 'write to FILE (atomically) instead of stdout', group: 'output', commands: 'all' },
  { flags: '--limit <n>', description: 'table format: rows shown per table, a number or all (also when piped)', group: 'output', commands: 'all', default: '50' },
  { flags: '--chart <file.svg>', description: 'also write the chart as SVG', group: 'output', commands: ['report', 'trend'] },
  { flags: '--no-color', description: 'no colour (also when NO_COLOR is set or output is not a terminal)', group: 'output', commands: 'all' },
  { flags: '--debug', description: 'show stack traces of internal errors', group: 'output', commands: 'all', default: false },
];

export const COMMANDS: readonly { name: string; args?: string; description: string }[] = [
  { name: 'check', description: 'data-quality report: rows, summary rows, missing values, join coverage, eligibility' },
  { name: 'families', description: 'each eligible school in its family: median, gap, z, rank, percentile, label' },
  { name: 'report', args: '<school>', description: "one school's family report: members, distances, verdict" },
  { name: 'outperformers', description: 'candidate partners: schools that outperform their family' },
  { name: 'odds', description: 'against the odds: FSM bands × national quartiles, and the regression on FSM' },
  { name: 'partners', args: '<school>', description: 'candidate partners in a school’s family that do better than it' },
  { name: 'trend', args: '[school]', description: 'a school (or --group) by year beside its family, LA and England' },
];

export function optionsFor(command: string): OptionSpec[] {
  return OPTIONS.filter((o) => o.commands === 'all' || o.commands.includes(command));
}
