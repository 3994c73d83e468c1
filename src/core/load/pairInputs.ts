import { FosError } from '../errors.js';

/** A file given on the command line, with the year the user put before it, if any. */
export interface FileArg {
  year?: string;
  file: string;
}

/** The files of one year. `fsm` absent: % FSM is read from the attainment file itself. */
export interface YearInput {
  year: string;
  attainment: string;
  fsm?: string;
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

/** `YEAR=FILE` or `FILE`. */
export function parseFileArg(arg: string): FileArg {
  const m = /^(\d{4}(?:[-/]\d{2,4})?)=(.+)$/.exec(arg);
  return m ? { year: m[1], file: m[2] } : { file: arg };
}

/**
 * Pair attainment and FSM files by year (docs/methodology.md: one pair per year). Years come from
 * `YEAR=FILE` or else the file name; a single attainment file without a year is "latest".
 * One FSM file without a year serves every year (with a warning from the caller). No FSM
 * file: % FSM comes from each attainment file.
 */
export function pairInputs(attainment: FileArg[], fsm: FileArg[]): YearInput[] {
  if (attainment.length === 0) throw new FosError('INVALID_OPTION', 'no attainment file given', {}, 'pass --attainment FILE (or YEAR=FILE), or --data fos.json');
  const withYears = attainment.map((a) => ({ ...a, year: a.year ?? yearFromFileName(a.file) }));
  if (withYears.length === 1 && !withYears[0].year) withYears[0].year = 'latest';
  const missing = withYears.find((a) => !a.year);
  if (missing) throw new FosError('INVALID_OPTION', `cannot tell the year of ${missing.file}`, {}, 'with several files, write each as --attainment YEAR=FILE');
  const seen = new Set<string>();
  for (const a of withYears) {
    if (seen.has(a.year!)) throw new FosError('INVALID_OPTION', `two attainment files for ${a.year}`, {}, 'give one attainment file per year (YEAR=FILE)');
    seen.add(a.year!);
  }
  const fsmYears = fsm.map((f) => ({ ...f, year: f.year ?? yearFromFileName(f.file) }));
  return withYears.map((a) => {
    if (fsm.length === 0) return { year: a.year!, attainment: a.file };
    if (fsm.length === 1 && (withYears.length === 1 || !fsmYears[0].year)) return { year: a.year!, attainment: a.file, fsm: fsm[0].file };
    const match = fsmYears.filter((f) => f.year === a.year);
    if (match.length !== 1) {
      throw new FosError('INVALID_OPTION', `${match.length === 0 ? 'no' : 'more than one'} FSM file for ${a.year}`, {}, 'write each as --fsm YEAR=FILE with the years of the attainment files');
    }
    return { year: a.year!, attainment: a.file, fsm: match[0].file };
  }).sort((x, y) => (x.year < y.year ? -1 : x.year > y.year ? 1 : 0));
}
