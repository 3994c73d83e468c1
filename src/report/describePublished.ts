import { basename } from 'node:path';
import type { PublishedFigure } from '../core/types.js';
import type { Labels } from './labels.js';

/**
 * Where a published figure was read, in words for a report: a RECTYPE row of a DfE file
 * ("RECTYPE 4"; the nation's "RECTYPE 7, the state-funded national row"), a long file's
 * school type ("the All state-funded row"), else the row without an id it is, by file and
 * line ("the row without an id at nyc_2019.csv line 62"), so that a file of another school
 * system is not said to be a DfE one and the row taken can be looked at. The nation's
 * adjective is the labels'.
 *
 * describePublished({ rectype: '', file: 'data/nyc_2019.csv', line: 62, … }, labels, 'nation')
 * // => 'the row without an id at nyc_2019.csv line 62'
 */
export function describePublished(figure: PublishedFigure, labels: Labels, of: 'nation' | 'la'): string {
  if (figure.schoolType) return `the ${figure.schoolType} row`;
  if (/^\d+$/.test(figure.rectype)) return `RECTYPE ${figure.rectype}${of === 'nation' ? `, the state-funded ${labels.national} row` : ''}`;
  return figure.rectype ? `the ${figure.rectype} row` : `the row without an id at ${basename(figure.file)} line ${figure.line}`;
}
