import { DEFAULT_LABELS, type Labels } from './labels.js';
import type { Column } from './model.js';

/**
 * The column catalogue: every column any command writes, declared once, by its machine
 * name (the csv/json header and the row key). Commands pick their columns from here
 * (`pick`) and change only what differs in one table (a shorter label, `wide`).
 *
 * Decimals follow the measure: columns in the measure's units take `measureDigits`
 * (2 for Progress 8, else as many as the measure's values have, at least 1), their
 * spreads one more. Labels in the measure's units name it.
 */
interface Entry extends Omit<Column, 'key' | 'header' | 'digits' | 'label'> {
  /** What the column holds, in plain English (README "Columns"). */
  about: string;
  /** Decimals shown in tables: a number, or the measure's ('measure'), or one more ('measure+1'). */
  digits?: number | 'measure' | 'measure+1';
  /** Header in terminal, Markdown and HTML tables; `{measure}` is the measure's name, `{la}`, `{fsm}`, `{fsmWord}` and `{nation}` the labels' words (report/labels.ts). */
  label?: string;
}

const text = (about: string, label?: string): Entry => ({ type: 'text', about, label });
const int = (about: string, label?: string): Entry => ({ type: 'int', about, label });
const bool = (about: string, label?: string): Entry => ({ type: 'bool', about, label });
const num = (digits: Entry['digits'], about: string, label?: string): Entry => ({ type: 'number', digits, about, label });
/** In the measure's units. */
const inMeasure = (about: string, label?: string) => num('measure', about, label);

export const CATALOGUE = {
  // Schools
  year: text('the year of the data'),
  id: text('school id (URN), as in the file: leading zeros kept'),
  name: text('school name'),
  la: text('local authority code', '{la}'),
  fsm: num(1, '% of pupils eligible for free school meals (FSM)', '{fsm}'),
  measure: inMeasure('the measure compared', '{measure}'),
  cohort: int('pupils in the cohort'),
  // Families and standing (statistics over the other members)
  family: text('family number (disjoint methods), or the school’s own id (neighbours)'),
  members: { type: 'text', exportOnly: true, about: 'the ids of the family’s members, the school first, then nearest first (neighbours) or in id order, space-separated (families --format json)' },
  family_size: int('members of the family, the school included', 'size'),
  family_median: inMeasure('median of the other members', 'median'),
  family_mean: inMeasure('mean of the other members', 'mean'),
  family_sd: num('measure+1', 'sample SD (n − 1) of the other members', 'SD'),
  gap: inMeasure('measure − family median'),
  z: num(2, '(measure − mean of the others) / their SD'),
  rank: { type: 'int', of: 'family_size', about: 'place among all members, 1 = best, ties share the better place; "3/20" in tables', label: 'rank' },
  percentile: num(0, 'share of the other members doing worse (ties count half), %', 'pctile'),
  label: text('well above, above, close to, below or well below similar schools'),
  // Candidates
  candidate: bool('a candidate partner this year (z ≥ threshold, and the bound beyond the median where there are bounds)', 'candidate'),
  years_candidate: int('years the school was a candidate in its last N', 'yrs cand.'),
  years_loaded: int('years the school has data in its last N', 'of yrs'),
  consistent: bool('a candidate in at least K of its last N years'),
  robust: { type: 'int', of: 'robust_tried', about: 'other family definitions in which the school is still a candidate; "2/3" in tables' },
  robust_tried: { type: 'int', exportOnly: true, about: 'other family definitions tried (families of 10 and 40, % FSM bands)' },
  history: text('candidate (✓) or not (·) in each year'),
  reason: text('why the school is, or is not, a candidate (check: why it is left out, or why a value could not be read)', 'why'),
  // Family summary (disjoint methods)
  size: int('schools in the family'),
  fsm_min: num(1, 'lowest % FSM in the family', '{fsmWord} from'),
  fsm_max: num(1, 'highest % FSM in the family', 'to'),
  median: inMeasure('median of the measure in the family', '{measure} median'),
  mean: inMeasure('mean of the measure in the family'),
  sd: num('measure+1', 'sample SD (n − 1) of the measure in the family', 'SD'),
  p10: inMeasure('10th percentile of the measure in the family (R type 7)', '10th pct (R type 7)'),
  p90: inMeasure('90th percentile of the measure in the family (R type 7)', '90th pct'),
  selected: int('schools of the family in the --la / --school selection', 'selected'),
  // One school's report
  position: int('place within the family, best first', '#'),
  vs_school: inMeasure('the member’s measure − the school’s', 'vs {school}'),
  distance: num(3, 'how far the context is from the school’s, in standard deviations (weighted)'),
  // How alike the family is (report)
  variable: text('a context variable of the family (fsm: % FSM)'),
  school_value: num(1, 'the school’s value of the variable', 'school'),
  others_min: num(1, 'lowest value among the other members', 'family from'),
  others_median: num(1, 'median of the other members (R type 7)', 'median'),
  others_max: num(1, 'highest value among the other members', 'to'),
  at_edge: bool('the school lies outside the middle 90% of the other members (5th–95th percentile, R type 7)', 'at the edge?'),
  main_difference: text('the context variable that contributes most to the distance', 'most different in'),
  // Partners
  lead: inMeasure('the partner’s measure − the school’s', 'lead over {school}'),
  km: num(1, 'distance between the two schools, km'),
  in_family: bool('the partner is in the school’s family', 'in family'),
  strengths: text('the partner’s strongest subjects against its own family (z)', 'strongest subjects'),
  // Trend
  urn: text('the school’s id in that year’s files: with --links, the earlier URN it had then', 'URN then'),
  urn_years: text('check --links: the years loaded in which the school has a row under that URN', 'years under it'),
  la_average: inMeasure('the school’s LA: its published figure when the file has one, else the average of its loaded schools (pupil-weighted when cohorts are known)', '{la}'),
  england_average: inMeasure('England: the published figure when the file has one, else the average of every school loaded (pupil-weighted when cohorts are known)', '{nation}'),
  joined: text('family members who came in since the year before', 'joined family'),
  left: text('family members who dropped out since the year before', 'left family'),
  // Against the odds
  fsm_band: text('% FSM band', '{fsm}'),
  schools: int('schools'),
  top_two_share: num(1, 'share of the band in the top two national quartiles, %', 'top two %'),
  quartile: int('national quartile of the measure, 1 = best'),
  expected: inMeasure('the regression line at the school’s % FSM'),
  residual: inMeasure('measure − expected'),
  std_residual: num(2, 'residual / residual SD (n − 2)', 'std resid.'),
  slope: num(3, 'slope of the least-squares line of the measure on % FSM (per point of % FSM)'),
  intercept: inMeasure('the line at 0% FSM'),
  r2: num(3, 'share of the measure’s variance explained by % FSM', 'R²'),
  residual_sd: num('measure+1', 'residual standard error of the line, √(SSE / (n − 2))', 'residual SD (n − 2)'),
  n: int('schools in the regression'),
  // fos check: years
  attainment_file: text('the attainment file', 'attainment'),
  fsm_file: text('the FSM file', '{fsmWord}'),
  matched: int('attainment schools with a row in the FSM file'),
  attainment_only: int('attainment schools without a row in the FSM file', 'att. only'),
  fsm_only: int('FSM schools without a row in the attainment file', '{fsmWord} only'),
  eligible: int('schools that take part'),
  fsm_median: num(1, 'median % FSM of eligible schools', 'median'),
  measure_min: inMeasure('lowest measure of eligible schools', '{measure} min'),
  measure_median: inMeasure('median measure of eligible schools', 'median'),
  measure_max: inMeasure('highest measure of eligible schools', 'max'),
  // fos check: files, missing and unreadable values
  file: text('file name'),
  role: text('what the file gives: attainment, fsm, or both'),
  layout: text('the layout recognised from the file’s header (README "Layouts")'),
  encoding: text('the encoding read'),
  delimiter: text('the field delimiter read'),
  rows: int('rows read'),
  // Joined tables (check)
  joined_as: text('what a --join table was recognised as: GIAS or a table', 'recognised as'),
  joined_on: text('the id column a --join table is joined on', 'joined on'),
  joined_schools: int('the year’s schools with a row in the joined table', 'matched'),
  joined_missing: int('the year’s schools without a row in the joined table', 'without a row'),
  summary_rows_dropped: int('summary rows dropped (no id, national and LA totals)', 'summary rows'),
  rows_filtered_out: int('rows left out by --where', 'filtered (--where)'),
  short_rows: int('rows shorter than the header', 'short rows'),
  // Long-format files (check)
  time_period: text('the time_period read for the year', 'time_period'),
  file_years: text('every year in the long-format file', 'years in file'),
  breakdown: text('the breakdown read (--breakdown)'),
  other_breakdowns: text('the year’s school rows of other breakdowns, left out', 'other breakdowns (rows)'),
  not_schools: text('the year’s rows that are not schools (geographic_level), dropped as summary rows', 'not schools (rows)'),
  other_years: int('rows of the file’s other years', 'other years'),
  bad_values: int('values that could not be read', 'bad values'),
  field: text('what the column gives'),
  column: text('column name'),
  missing: int('missing values'),
  codes: text('missing values by code'),
  line: int('line in the file'),
  value: text('the value as written'),
  detail: text('what exactly is missing or too small, for a school left out'),
} satisfies Record<string, Entry>;

export type ColumnName = keyof typeof CATALOGUE;

/** Generated names: one column per exclusion reason and per national quartile. */
export const excludedColumn = (reason: string): Entry & { name: string } => ({ name: `excluded_${reason.replace(/[^a-z]+/gi, '_').toLowerCase()}`, type: 'int', about: `schools left out: ${reason}`, label: reason });
const QUARTILE_NAMES = ['top', 'second', 'third', 'bottom'];
export const quartileColumns = (): (Entry & { name: string })[] =>
  QUARTILE_NAMES.flatMap((q, k) => [
    { name: `q${k + 1}`, type: 'int', about: `schools in the ${q} national quartile`, label: `${q} Q` },
    { name: `q${k + 1}_share`, type: 'number', digits: 1, about: `share of the band in the ${q} quartile, %`, label: '%' },
  ]);

/** What the labels and decimals of measure columns depend on. */
export interface Naming {
  measure: string;
  /** Decimals of the measure (`measureDigits`). */
  digits: number;
  /** The school a report is about (`vs {school}`). */
  school?: string;
  /** The words for LA, % FSM and England (default: those). */
  labels?: Labels;
}

/** A catalogue column, a generated one, or either with the changes one table makes. */
export type Pick = ColumnName | (Entry & { name: string }) | [ColumnName, Partial<Column>];

/** The columns of a table, in order, from the catalogue. */
export function pick(names: readonly Pick[], naming: Naming): Column[] {
  return names.map((p) => {
    const [name, entry, change] = typeof p === 'string' ? [p, CATALOGUE[p] as Entry, {}] : Array.isArray(p) ? [p[0], CATALOGUE[p[0]] as Entry, p[1]] : [p.name, p, {}];
    const { about: _about, digits, label, ...rest } = entry;
    const col: Column = { key: name, header: name, ...rest };
    if (digits !== undefined) col.digits = digits === 'measure' ? naming.digits : digits === 'measure+1' ? naming.digits + 1 : digits;
    if (label !== undefined) col.label = labelText(label, naming);
    return { ...col, ...change };
  });
}

/** A column label with its placeholders filled in: the measure, the school, the labels' words. */
function labelText(label: string, naming: Naming): string {
  const l = naming.labels ?? DEFAULT_LABELS;
  const words: Record<string, string> = { measure: naming.measure, school: naming.school ?? '', la: l.la, fsm: l.fsm, fsmWord: l.fsmWord, nation: l.nation };
  return label.replace(/\{(\w+)\}/g, (m, key: string) => words[key] ?? m);
}

/**
 * Decimals to show a measure with: 2 for Progress 8 (P8MEA and its pupil groups, which
 * DfE publishes to 2), else the most decimals any of its values has (Attainment 8: 1;
 * a % such as 66.43: 2), at least 1 and at most 4 (what csv keeps).
 *
 * measureDigits('ATT8SCR', [47.1, 50]) // => 1
 * measureDigits('X', [0.56, 1.125]) // => 3
 */
export function measureDigits(measure: string, values: Iterable<number | null>): number {
  if (/^P8MEA/i.test(measure)) return 2;
  let digits = 1;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    while (digits < 4 && Math.abs(v * 10 ** digits - Math.round(v * 10 ** digits)) > 1e-6) digits++;
    if (digits === 4) break;
  }
  return digits;
}
