import { longKeys, periodsIn, type LongKeys } from '../core/load/longFormat.js';
import { openTable, parseTable, type ReadTextOptions, type TextSource } from './readTable.js';

/** Opens a file of one load; `release` drops the texts kept, once every year is read. */
export interface Opener {
  (file: string): TextSource;
  release(): void;
}

/**
 * Opening the files of one load: a long-format file, which gives several years, is
 * decoded once and kept for the load's other years (and, when the opener is made before
 * the load, for finding its years: io/longYears.ts); any other file is opened afresh each
 * time, so a year's text can be freed once its rows are read.
 */
export function openSource(o: ReadTextOptions): Opener {
  const kept = new Map<string, TextSource>();
  const open = (file: string) => {
    const had = kept.get(file);
    if (had) return had;
    const src = openTable(file, o);
    if (longKeys(src.header)) kept.set(file, src);
    return src;
  };
  return Object.assign(open, { release: () => kept.clear() });
}

const periodsOf = new WeakMap<TextSource, string[]>();

/** The time_periods of a long file's text, found once per text. */
export function longPeriods(src: TextSource, keys: LongKeys): string[] {
  let periods = periodsOf.get(src);
  if (!periods) {
    periods = periodsIn(parseTable(src, [keys.period]), keys.period);
    periodsOf.set(src, periods);
  }
  return periods;
}
