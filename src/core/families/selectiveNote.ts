import { EES_COLUMNS } from '../load/eesColumns.js';
import { isAdmissionsColumn } from './strata.js';

/** Attainment 8's names: the performance tables', and the long files' (eesColumns.ts). */
const ATTAINMENT8 = new Set(['ATT8SCR', ...EES_COLUMNS.attainment8].map((m) => m.toUpperCase()));

/** Attainment 8 at or above which a school's results look like a grammar school's: in 2019,
 * England's 163 grammar schools mostly scored 65–80, and few non-selective schools reach 65. */
export const SELECTIVE_LOOKING_ATT8 = 65;

/**
 * What to say when KS4 schools that may be selective are put with schools that are not,
 * and nothing tells them apart: no admissions column is matched on (`match`), the measure
 * is Attainment 8, and among `values` (a family's, or a year's) some reach
 * SELECTIVE_LOOKING_ATT8 and some do not. Nothing is guessed from the results: the note
 * only says how to tell. Undefined when there is nothing to say.
 *
 * selectiveNote('ATT8SCR', [], [70, 48, 52]) // => '1 of these 3 schools has Attainment 8 of 65 or more …'
 */
export function selectiveNote(measure: string, match: readonly string[], values: ArrayLike<number>): string | undefined {
  if (!ATTAINMENT8.has(measure.toUpperCase()) || match.some(isAdmissionsColumn)) return undefined;
  let high = 0;
  for (let i = 0; i < values.length; i++) if (values[i] >= SELECTIVE_LOOKING_ATT8) high++;
  if (high === 0 || high === values.length) return undefined;
  return (
    `${high} of these ${values.length} schools ${high === 1 ? 'has' : 'have'} Attainment 8 of ${SELECTIVE_LOOKING_ATT8} or more, as grammar schools do: ` +
    'selective schools cannot be told apart without the school information table (GIAS "AdmissionsPolicy (name)", joined with --join) or an ADMPOL column; ' +
    'with one loaded, add --match ADMPOL (or --match "AdmissionsPolicy (name)") to compare selective schools only with selective schools.'
  );
}
