import type { ColumnMap } from '../types.js';

/** Whether DfE's words (RECTYPE, its total rows, TPUP) are said of the files: a file with a
 * RECTYPE column or URN ids. Another school system's file (a New York DBN, say) is told
 * what it lacks in general words ("no cohort column found"). */
export function dfeFile(map: Pick<ColumnMap, 'rectype' | 'id'>): boolean {
  return map.rectype !== undefined || /^urn$/i.test(map.id);
}
