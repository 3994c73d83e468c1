import type { ColumnMap, JoinReport, SchoolTable } from '../types.js';
import { emptyTable } from './schoolTable.js';
import type { SchoolRows } from './readSchoolRows.js';
import { matchIds } from '../idOrder.js';
import { SPECIAL_TYPE } from './longFormat.js';
import { ownId, type SchoolKey } from '../schoolKey.js';
import { linkUnmatched } from './linkUnmatched.js';

/**
 * Join one year's attainment rows with its FSM rows on the school id (an inner join for
 * eligibility, but attainment-only schools are kept so they can be reported as excluded;
 * FSM-only schools, e.g. the primaries of a census file, are only counted). When % FSM is
 * read from the attainment file itself, `fsmRows` is undefined and every school matches.
 * Schools come out in id order, so every later step is independent of row order. With
 * links (`key`), a school's FSM row under its other URN is joined when its own id has none
 * (linkUnmatched.ts).
 */
export function joinYear(
  year: string,
  attainment: SchoolRows,
  fsmRows: SchoolRows | undefined,
  map: ColumnMap,
  key: SchoolKey = ownId,
): { schools: SchoolTable; join: JoinReport } {
  const f = fsmRows ?? attainment;
  // Each field from the attainment file when it has it, else from the FSM file.
  const numberFrom = (field: string): ((r: number, fr: number) => number) => {
    const own = attainment.numbers[field];
    if (own) return (r) => own[r];
    const other = f.numbers[field];
    return (_, fr) => (other && fr >= 0 ? other[fr] : NaN);
  };
  const textFrom = (field: string) => {
    const own = attainment.text[field];
    const other = f.text[field];
    return (r: number, fr: number) => own?.[r] || (other && fr >= 0 ? other[fr] : '') || '';
  };
  const name = textFrom('name');
  const la = textFrom('la');
  const contextKeys = Object.keys(map.context);
  const context = contextKeys.map((key) => numberFrom(`context:${key}`));
  const locA = numberFrom('locationA');
  const locB = numberFrom('locationB');
  const fsm = f.numbers.fsm;
  const own = (field: string) => attainment.numbers[field];
  const [measure, cohort, ciLow, ciHigh] = ['measure', 'cohort', 'ciLow', 'ciHigh'].map(own);
  const subjects = map.subjects.map((s) => own(`subject:${s}`));
  const rectype = attainment.text.rectype;
  const schoolType = attainment.text.schoolType;
  const matchKeys = Object.keys(map.match ?? {});
  const matchFrom = matchKeys.map((key) => textFrom(`match:${key}`));

  const order = attainment.order;
  const fsmRow = fsmRows ? matchIds(attainment.ids, order, fsmRows.ids, fsmRows.order) : undefined;
  const linked = fsmRow && key !== ownId ? linkUnmatched(attainment.ids, fsmRows!.ids, fsmRow, key) : [];
  const n = order.length;
  const c = emptyTable(year, n, contextKeys, map.subjects, map.location?.kind);
  // latitude, longitude → x = longitude, y = latitude; easting, northing → x, y.
  const [x, y] = map.location?.kind === 'latlon' ? [locB, locA] : [locA, locB];
  const contextCols = contextKeys.map((key) => c.context[key]);
  const subjectCols = map.subjects.map((key) => c.subjects[key]);
  if (matchKeys.length) c.match = Object.fromEntries(matchKeys.map((key) => [key, new Array<string>(n)]));
  const matchCols = matchKeys.map((key) => c.match![key]);
  let matched = 0;
  for (let k = 0; k < n; k++) {
    const r = order[k];
    const id = attainment.ids[r];
    const fr = fsmRow ? fsmRow[r] : r;
    if (fr >= 0) matched++;
    c.id[k] = id;
    c.name[k] = name(r, fr) || id;
    c.la[k] = la(r, fr);
    if (measure) c.measure[k] = measure[r];
    if (fr >= 0 && fsm) c.fsm[k] = fsm[fr];
    if (cohort) c.cohort[k] = cohort[r];
    if (ciLow) c.ciLow[k] = ciLow[r];
    if (ciHigh) c.ciHigh[k] = ciHigh[r];
    for (let v = 0; v < contextCols.length; v++) contextCols[v][k] = context[v](r, fr);
    for (let v = 0; v < subjectCols.length; v++) if (subjects[v]) subjectCols[v][k] = subjects[v][r];
    for (let v = 0; v < matchCols.length; v++) matchCols[v][k] = matchFrom[v](r, fr);
    if (c.location) {
      c.location.x[k] = x(r, fr);
      c.location.y[k] = y(r, fr);
    }
    // RECTYPE 2, or a long file's school type naming special schools.
    c.special[k] = rectype?.[r] === '2' || (schoolType !== undefined && SPECIAL_TYPE.test(schoolType[r])) ? 1 : 0;
    c.inFsmFile[k] = fr >= 0 ? 1 : 0;
  }
  const fsmOnly = fsmRows ? fsmRows.ids.length - matched : 0;
  return {
    schools: c,
    join: { matched, attainmentOnly: attainment.ids.length - matched, fsmOnly, sameFile: fsmRows === undefined, ...(linked.length ? { linked } : {}) },
  };
}
