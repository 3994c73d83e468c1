import { longKeys, periodFor } from '../core/load/longFormat.js';
import { yearLabel } from '../core/load/yearLabel.js';
import type { FileArg } from '../core/load/pairInputs.js';
import { longPeriods, openSource, type Opener } from './openSource.js';
import { peekHeader, type ReadTextOptions } from './readTable.js';

/**
 * An attainment file as the years it gives. A long-format file (core/load/longFormat.ts)
 * holds its years in `time_period`: without a year before it, it gives each of them,
 * labelled by the academic year's end (202324 → 2024), whatever its name says; with
 * `YEAR=FILE`, the one year YEAR names (2024, 2023-24 or 202324; a year it does not hold
 * is an error). Any other file is itself. `open` keeps the long file's text for the load
 * (loadInputs), so it is decoded once.
 */
export function longYears(arg: FileArg, read: ReadTextOptions, open: Opener = openSource(read)): FileArg[] {
  const header = peekHeader(arg.file, read);
  const keys = header && longKeys(header);
  if (!keys) return [arg];
  const periods = longPeriods(open(arg.file), keys);
  if (periods.length === 0) return [arg];
  if (arg.year) {
    periodFor(arg.year, periods, arg.file, keys.period);
    return [arg];
  }
  return periods.map((p) => ({ file: arg.file, year: yearLabel(p) }));
}
