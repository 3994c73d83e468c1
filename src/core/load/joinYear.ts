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
  const order = attainment.order;
  const fsmRow = fsmRows ? matchIds(attainment.ids, order, fsmRows.ids, fsmRows.order) : undefined;
  const linked = fsmRow && key !== ownId ? linkUnmatched(attainment.ids, fsmRows!.ids, fsmRow, key) : [];
  const n = order.length;
  const contextKeys = Object.keys(map.context);
  const matchKeys = Object.keys(map.match ?? {});
  const c = emptyTable(year, n, contextKeys, map.subjects, map.location?.kind);
  if (matchKeys.length) c.match = Object.fromEntries(matchKeys.map((key) => [key, new Array<string>(n)]));

  // Each school's attainment row and FSM row (−1: none), in id order; then the table is
  // filled one column at a time (a loop over one kind of array runs far faster).
  const rowAt = new Int32Array(n);
  const fsmAt = new Int32Array(n);
  let matched = 0;
  for (let k = 0; k < n; k++) {
    const r = order[k];
    const fr = fsmRow ? fsmRow[r] : r;
    rowAt[k] = r;
    fsmAt[k] = fr;
    if (fr >= 0) matched++;
    c.id[k] = attainment.ids[r];
    c.inFsmFile[k] = fr >= 0 ? 1 : 0;
  }
  // A field from the attainment file (`own`), else from the FSM file (`other`).
  const numbers = (out: Float64Array, own: Float64Array | undefined, other?: Float64Array) => {
    if (own) for (let k = 0; k < n; k++) out[k] = own[rowAt[k]];
    else if (other) {
      for (let k = 0; k < n; k++) {
        const fr = fsmAt[k];
        if (fr >= 0) out[k] = other[fr];
      }
    }
  };
  const numberFrom = (out: Float64Array, field: string) => numbers(out, attainment.numbers[field], f.numbers[field]);
  const textFrom = (out: string[], field: string) => {
    const own = attainment.text[field];
    const other = f.text[field];
    for (let k = 0; k < n; k++) {
      const fr = fsmAt[k];
      out[k] = own?.[rowAt[k]] || (other && fr >= 0 ? other[fr] : '') || '';
    }
  };
  textFrom(c.name, 'name');
  for (let k = 0; k < n; k++) c.name[k] ||= c.id[k];
  textFrom(c.la, 'la');
  numbers(c.measure, attainment.numbers.measure);
  numbers(c.fsm, undefined, f.numbers.fsm);
  numbers(c.cohort, attainment.numbers.cohort);
  numbers(c.ciLow, attainment.numbers.ciLow);
  numbers(c.ciHigh, attainment.numbers.ciHigh);
  for (const key of contextKeys) numberFrom(c.context[key], `context:${key}`);
  for (const s of map.subjects) numbers(c.subjects[s], attainment.numbers[`subject:${s}`]);
  for (const key of matchKeys) textFrom(c.match![key], `match:${key}`);
  if (c.location) {
    // latitude, longitude → x = longitude, y = latitude; easting, northing → x, y.
    const [x, y] = map.location?.kind === 'latlon' ? ['locationB', 'locationA'] : ['locationA', 'locationB'];
    numberFrom(c.location.x, x);
    numberFrom(c.location.y, y);
  }
  // RECTYPE 2, or a long file's school type naming special schools.
  const rectype = attainment.text.rectype;
  const schoolType = attainment.text.schoolType;
  for (let k = 0; k < n; k++) {
    const r = rowAt[k];
    c.special[k] = rectype?.[r] === '2' || (schoolType !== undefined && SPECIAL_TYPE.test(schoolType[r])) ? 1 : 0;
  }
  const fsmOnly = fsmRows ? fsmRows.ids.length - matched : 0;
  return {
    schools: c,
    join: { matched, attainmentOnly: attainment.ids.length - matched, fsmOnly, sameFile: fsmRows === undefined, ...(linked.length ? { linked } : {}) },
  };
}
