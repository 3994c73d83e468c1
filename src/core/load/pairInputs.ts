import { FosError } from '../errors.js';
import { endYear } from './yearLabel.js';

/** A file given on the command line, with the year the user put before it, if any. */
export interface FileArg {
  year?: string;
  file: string;
  /** The folder or pattern the file was found by, when it was not named itself. */
  from?: string;
}

/** The files of one year. `fsm` absent: % FSM is read from the attainment file itself. */
export interface YearInput {
  year: string;
  attainment: string;
  fsm?: string;
  /** Further attainment files of the year, read with the first as one table. */
  attainmentMore?: string[];
  /** Further FSM files of the year, likewise. */
  fsmMore?: string[];
  /** Tables joined to the year's schools by id (--join). */
  joins?: string[];
}

/**
 * The year a file is for, from its name: the last 4-digit year in it, so
 * "2016-2017_850_ks4final.csv" is 2017 (the academic year's end) and "815_2019_census.csv"
 * is 2019. Undefined when the name has no year.
 */
export function yearFromFileName(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  // The file's own name first, then its folder's ("england-2019/england_census.csv").
  for (const part of [parts[parts.length - 1], parts[parts.length - 2]]) {
    const years = part?.match(/(?<!\d)(19|20)\d\d(?!\d)/g);
    if (years) return years[years.length - 1];
  }
  return undefined;
}

/** The year of a single attainment file whose name gives none. */
export const NO_YEAR = 'latest';

/**
 * `YEAR=FILE` or `FILE`. YEAR is labelled by its end year (yearLabel.ts): 2018-19=,
 * 2018/19=, 2018-2019= and 201819= are all 2019=. A YEAR that is no year (2018-20) is an error.
 */
export function parseFileArg(arg: string): FileArg {
  const m = /^(\d{4}(?:[-/]\d{2}|[-/]\d{4}|\d{2})?)=(.+)$/.exec(arg);
  if (!m) return { file: arg };
  const year = endYear(m[1]);
  if (!year) throw new FosError('INVALID_OPTION', `${m[1]}=${m[2]}: ${m[1]} is not a year`, {}, 'write the year as 2019, 2018-19 or 201819 (an academic year is labelled by its end)');
  return { year, file: m[2] };
}

/**
 * Pair attainment and FSM files by year (docs/methodology.md: one pair per year). Years come from
 * `YEAR=FILE` or else the file name; a single attainment file without a year is "latest".
 * One FSM file without a year serves every year (with a warning from the caller). No FSM
 * file: % FSM comes from each attainment file.
 */
export function pairInputs(attainment: FileArg[], fsm: FileArg[], joins: FileArg[] = []): YearInput[] {
  return withJoins(pairFiles(attainment, fsm), joins);
}

/**
 * Tables given with --join added to their years: `YEAR=FILE` to that year, a file with no
 * year (its name is not read for one) to every year, in the order given.
 */
export function withJoins(years: YearInput[], joins: FileArg[]): YearInput[] {
  if (joins.length === 0) return years;
  for (const j of joins) {
    if (j.year && !years.some((y) => y.year === j.year)) {
      throw new FosError('INVALID_OPTION', `--join ${j.year}=${j.file}: no attainment file for ${j.year}`, {}, `years loaded: ${years.map((y) => y.year).join(', ')}`);
    }
  }
  return years.map((y) => {
    const mine = joins.filter((j) => !j.year || j.year === y.year).map((j) => j.file);
    return mine.length ? { ...y, joins: [...(y.joins ?? []), ...mine] } : y;
  });
}

function pairFiles(attainment: FileArg[], fsm: FileArg[]): YearInput[] {
  if (attainment.length === 0) throw new FosError('INVALID_OPTION', 'no attainment file given', {}, 'pass --attainment FILE (or YEAR=FILE), or --data fos.json');
  const withYears = attainment.map((a) => ({ ...a, year: a.year ?? yearFromFileName(a.file) }));
  if (withYears.length === 1 && !withYears[0].year) withYears[0].year = NO_YEAR;
  const missing = withYears.find((a) => !a.year);
  if (missing) {
    throw new FosError(
      'INVALID_OPTION',
      `cannot tell the year of ${missing.file}${missing.from ? ` (found by ${missing.from})` : ''}: its name has none`,
      {},
      missing.from
        ? `write the year before the folder or pattern: --attainment YEAR=${missing.from} (its files are then read as one table)`
        : 'with several files, write each as --attainment YEAR=FILE',
    );
  }
  // Several files of one year are read as one table (e.g. one per local authority).
  const byYear = new Map<string, string[]>();
  for (const a of withYears) byYear.set(a.year!, [...(byYear.get(a.year!) ?? []), a.file]);
  const fsmYears = fsm.map((f) => ({ ...f, year: f.year ?? yearFromFileName(f.file) }));
  const oneYear = byYear.size === 1;
  return [...byYear].map(([year, [first, ...more]]): YearInput => {
    const own = { year, attainment: first, ...(more.length ? { attainmentMore: more } : {}) };
    if (fsm.length === 0) return own;
    if (fsm.length === 1 && (oneYear || !fsmYears[0].year)) return { ...own, fsm: fsm[0].file };
    const match = oneYear && fsmYears.every((f) => !f.year) ? fsmYears : fsmYears.filter((f) => f.year === year);
    if (match.length === 0) {
      throw new FosError('INVALID_OPTION', `no FSM file for ${year}`, {}, 'write each as --fsm YEAR=FILE with the years of the attainment files');
    }
    const [f, ...fMore] = match.map((m) => m.file);
    return { ...own, fsm: f, ...(fMore.length ? { fsmMore: fMore } : {}) };
  }).sort((x, y) => (x.year < y.year ? -1 : x.year > y.year ? 1 : 0));
}
