import type { PublishedFigure, PublishedFigures } from '../types.js';
import type { TotalRow } from './readSchoolRows.js';

/**
 * A year's published figures for the measure, from the summary rows of its attainment
 * file(s) (docs/methodology.md, Trends): a row with an LA code is that authority's (KS2:
 * RECTYPE 3; KS4: RECTYPE 4), the first one for each code; a row without one is national
 * (KS2: RECTYPE 4 all schools, 5 state-funded; KS4: 5 all schools, 7 state-funded), and of
 * these the one with the highest RECTYPE is taken, the state-funded figure that the LA's
 * (state-funded) figure and the loaded schools are compared with; among equals the first.
 * Undefined when no summary row carries the measure.
 *
 * publishedFigures([{ rectype: '3', la: '850', value: 68, … }, { rectype: '4', la: '', value: 64, … }, { rectype: '5', la: '', value: 63, … }])
 * // => { la: { 850: 68 … }, nation: 63 … (RECTYPE 5) }
 */
export function publishedFigures(rows: readonly TotalRow[] | undefined): PublishedFigures | undefined {
  if (!rows?.length) return undefined;
  const out: PublishedFigures = { la: {} };
  const figure = (r: TotalRow): PublishedFigure => ({ value: r.value, cohort: r.cohort, rectype: r.rectype, file: r.file, line: r.line });
  for (const r of rows) {
    if (r.la) {
      if (!(r.la in out.la)) out.la[r.la] = figure(r);
    } else if (!out.nation || rank(r.rectype) > rank(out.nation.rectype)) out.nation = figure(r);
  }
  return out;
}

/** A RECTYPE as a number for ordering; a long file's school type (longFormat.ts) "All
 * state-funded" above any other text, as RECTYPE 7 is above 5 ('' and other text: lowest). */
const rank = (rectype: string) => (/^\d+$/.test(rectype) ? Number(rectype) : /state-funded/i.test(rectype) ? 0 : -1);
