import { NO_YEAR } from '../core/load/pairInputs.js';

/**
 * A title's year: ", 2019", or nothing for the one file whose name gives no year (read as
 * "latest", which a title need not say: "Against the odds: ATT8SCR by % FSM").
 *
 * inYear('2019') // => ', 2019'
 */
export function inYear(year: string): string {
  return year === NO_YEAR ? '' : `, ${year}`;
}

/** The same in a sentence: " in 2019", or nothing ("6 candidate partners among 24 schools"). */
export function duringYear(year: string): string {
  return year === NO_YEAR ? '' : ` in ${year}`;
}
