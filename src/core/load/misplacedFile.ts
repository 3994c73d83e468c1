import { FosError } from '../errors.js';
import { recogniseLayout } from './layouts.js';

/** A field resolveColumns could not find in a file, and how the file was given. */
export interface MissingField {
  /** The file, its header, and the option it was given with. */
  file: string;
  header: readonly string[];
  givenWith: '--attainment' | '--fsm';
  /** The field in words ("measure", "% FSM") and the columns looked for. */
  field: string;
  names: readonly string[];
  /** Whether the user named the column (--measure, --fsm-col): then the name is the problem. */
  named: boolean;
  /** Whether a separate FSM file was given (--fsm). */
  fsmGiven: boolean;
}

/**
 * What to say when a field's column is missing because of what the file is, told by its
 * layout (LAYOUTS in layouts.ts), so the error names the layout before the column:
 * - a census, GIAS download or links file given with another option than its own (a census
 *   as --attainment): "this looks like a school census: give it with --fsm";
 * - an attainment file of a known layout with no % FSM column, and no --fsm file (the
 *   national KS4 file): "this file has no % FSM column: give the census with --fsm FILE".
 * Undefined when the layout says nothing (then the column lookup's own message stands).
 */
export function misplacedFile(m: MissingField): FosError | undefined {
  const layout = recogniseLayout(m.header);
  if (!layout) return undefined;
  const columns = m.names.length > 1 ? `none of ${m.names.join(', ')}` : m.names[0];
  const own = layout.givenWith;
  if (own && own.flag !== m.givenWith && !m.named) {
    return new FosError(
      'COLUMN_NOT_FOUND',
      `this looks like ${own.what}${own.what.toLowerCase().includes(layout.name.toLowerCase()) ? '' : ` (${layout.name})`}, not ${m.givenWith === '--fsm' ? 'an FSM file' : 'an attainment file'}: it has no ${m.field} column (${columns})`,
      { file: m.file },
      `give it with ${own.flag}${m.givenWith === '--attainment' ? ', and the results file (e.g. a KS4 or KS2 performance table) with --attainment' : ''}`,
    );
  }
  if (!own && m.givenWith === '--attainment' && m.field === '% FSM' && !m.named && !m.fsmGiven) {
    return new FosError(
      'COLUMN_NOT_FOUND',
      `${layout.name}: this file has no % FSM column (${columns})`,
      { file: m.file },
      'give the census with --fsm FILE (e.g. england_census.csv), or name the file’s own column with --fsm-col NAME',
    );
  }
  return undefined;
}
