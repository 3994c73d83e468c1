import type { PublishedFigure, PublishedFigures } from '../types.js';
import type { TotalRow } from './readSchoolRows.js';

/**
 * A year's published figures for the measure, from the summary rows of its attainment
 * file(s) (docs/methodology.md, Trends): a row with an LA code is that authority's (KS2:
 * RECTYPE 3; KS4: RECTYPE 4), a row without one is national (KS2: RECTYPE 4 all schools, 5
 * state-funded; KS4: 5 all schools, 7 state-funded). Of the rows for one LA, and of the
 * national rows, the one of highest rank is taken (see `rank`): the state-funded figure,
 * which the loaded schools are compared with; among equals the first. Undefined when no
 * summary row carries the measure.
 *
 * publishedFigures([{ rectype: '3', la: '850', value: 68, … }, { rectype: '4', la: '', value: 64, … }, { rectype: '5', la: '', value: 63, … }])
 * // => { la: { 850: 68 … }, nation: 63 … (RECTYPE 5) }
 */
export function publishedFigures(rows: readonly TotalRow[] | undefined): PublishedFigures | undefined {
  if (!rows?.length) return undefined;
  const la = new Map<string, TotalRow>();
  let nation: TotalRow | undefined;
  for (const r of rows) {
    const had = r.la ? la.get(r.la) : nation;
    if (had && rank(r) <= rank(had)) continue;
    if (r.la) la.set(r.la, r);
    else nation = r;
  }
  const figure = (r: TotalRow): PublishedFigure => ({ value: r.value, cohort: r.cohort, rectype: r.rectype, ...(r.schoolType ? { schoolType: r.schoolType } : {}), file: r.file, line: r.line });
  return { la: Object.fromEntries([...la].map(([code, r]) => [code, figure(r)])), ...(nation ? { nation: figure(nation) } : {}) };
}

/**
 * A summary row's rank: a long file's row (it has a school type, EES
 * `establishment_type_group`) ranks "All state-funded" (as RECTYPE 7 and an LA's RECTYPE 4
 * are) above "All schools" (as RECTYPE 5), above any one kind of school (Academies,
 * State-funded mainstream …); a wide file's, by its RECTYPE as a number ('' and other
 * text: 0).
 */
function rank(r: TotalRow): number {
  if (r.schoolType) {
    const t = r.schoolType.trim().toLowerCase();
    return t === 'all state-funded' ? 2 : t === 'all schools' ? 1 : 0;
  }
  return /^\d+$/.test(r.rectype) ? Number(r.rectype) : 0;
}
