import type { ColumnMap, JoinReport, Location, SchoolYear } from '../types.js';
import type { SchoolRows } from './readSchoolRows.js';
import { matchIds } from '../idOrder.js';

/**
 * Join one year's attainment rows with its FSM rows on the school id (an inner join for
 * eligibility, but attainment-only schools are kept so they can be reported as excluded;
 * FSM-only schools, e.g. the primaries of a census file, are only counted). When % FSM is
 * read from the attainment file itself, `fsmRows` is undefined and every school matches.
 * Schools come out in id order, so every later step is independent of row order.
 */
export function joinYear(
  year: string,
  attainment: SchoolRows,
  fsmRows: SchoolRows | undefined,
  map: ColumnMap,
): { schools: SchoolYear[]; join: JoinReport } {
  const f = fsmRows ?? attainment;
  // Each field from the attainment file when it has it, else from the FSM file.
  const numberFrom = (field: string) => {
    const own = attainment.numbers[field];
    if (own) return (r: number) => nullable(own[r]);
    const other = f.numbers[field];
    return (_: number, fr: number) => (other && fr >= 0 ? nullable(other[fr]) : null);
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

  const order = attainment.order;
  const fsmRow = fsmRows ? matchIds(attainment.ids, order, fsmRows.ids, fsmRows.order) : undefined;
  const schools: SchoolYear[] = new Array(order.length);
  let matched = 0;
  for (let k = 0; k < order.length; k++) {
    const r = order[k];
    const id = attainment.ids[r];
    const fr = fsmRow ? fsmRow[r] : r;
    if (fr >= 0) matched++;
    // Schools without context variables or subjects share one empty (frozen) record.
    let ctx = NONE;
    if (contextKeys.length) {
      ctx = {};
      for (let c = 0; c < contextKeys.length; c++) ctx[contextKeys[c]] = context[c](r, fr);
    }
    let subj = NONE;
    if (subjects.length) {
      subj = {};
      for (let c = 0; c < subjects.length; c++) subj[map.subjects[c]] = subjects[c] ? nullable(subjects[c][r]) : null;
    }
    schools[k] = {
      year,
      id,
      name: name(r, fr) || id,
      la: la(r, fr),
      measure: measure ? nullable(measure[r]) : null,
      fsm: fr >= 0 && fsm ? nullable(fsm[fr]) : null,
      cohort: cohort ? nullable(cohort[r]) : null,
      ciLow: ciLow ? nullable(ciLow[r]) : null,
      ciHigh: ciHigh ? nullable(ciHigh[r]) : null,
      context: ctx,
      subjects: subj,
      location: toLocation(map, locA(r, fr), locB(r, fr)),
      special: rectype !== undefined && rectype[r] === '2',
      inFsmFile: fr >= 0,
    };
  }
  const fsmOnly = fsmRows ? fsmRows.ids.length - matched : 0;
  return {
    schools,
    join: { matched, attainmentOnly: attainment.ids.length - matched, fsmOnly, sameFile: fsmRows === undefined },
  };
}

const NONE: Record<string, number | null> = Object.freeze({});

function nullable(v: number): number | null {
  return v === v ? v : null;
}

function toLocation(map: ColumnMap, a: number | null, b: number | null): Location | null {
  if (!map.location || a === null || b === null) return null;
  // latitude, longitude → x = longitude, y = latitude; easting, northing → x, y.
  return map.location.kind === 'latlon' ? { kind: 'latlon', x: b, y: a } : { kind: 'en', x: a, y: b };
}
