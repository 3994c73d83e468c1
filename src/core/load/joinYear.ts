import type { ColumnMap, JoinReport, Location, SchoolYear } from '../types.js';
import type { SchoolRow } from './readSchoolRows.js';
import { compareIds } from '../idOrder.js';

/**
 * Join one year's attainment rows with its FSM rows on the school id (an inner join for
 * eligibility, but attainment-only schools are kept so they can be reported as excluded;
 * FSM-only schools, e.g. the primaries of a census file, are only counted). When % FSM is
 * read from the attainment file itself, `fsmRows` is undefined and every school matches.
 * Schools come out in id order, so every later step is independent of row order.
 */
export function joinYear(
  year: string,
  attainment: Map<string, SchoolRow>,
  fsmRows: Map<string, SchoolRow> | undefined,
  map: ColumnMap,
  attainmentFile: string,
): { schools: SchoolYear[]; join: JoinReport } {
  const schools: SchoolYear[] = [];
  let matched = 0;
  for (const a of attainment.values()) {
    const f = fsmRows ? fsmRows.get(a.id) : a;
    if (f) matched++;
    const pick = (field: string) => (a.numbers[field] !== undefined ? a.numbers[field] : f?.numbers[field]) ?? null;
    const text = (field: string) => a.text[field] || f?.text[field] || '';
    const context: Record<string, number | null> = {};
    for (const key of Object.keys(map.context)) context[key] = pick(`context:${key}`);
    const subjects: Record<string, number | null> = {};
    for (const s of map.subjects) subjects[s] = a.numbers[`subject:${s}`] ?? null;
    schools.push({
      year,
      id: a.id,
      name: text('name') || a.id,
      la: text('la'),
      measure: a.numbers.measure ?? null,
      fsm: f ? (f.numbers.fsm ?? null) : null,
      cohort: a.numbers.cohort ?? null,
      ciLow: a.numbers.ciLow ?? null,
      ciHigh: a.numbers.ciHigh ?? null,
      context,
      subjects,
      location: toLocation(map, pick('locationA'), pick('locationB')),
      special: a.text.rectype === '2',
      inFsmFile: f !== undefined,
      inAttainmentFile: true,
      source: `${attainmentFile}:${a.line}`,
    });
  }
  schools.sort((x, y) => compareIds(x.id, y.id));
  const fsmOnly = fsmRows ? fsmRows.size - matched : 0;
  return {
    schools,
    join: { matched, attainmentOnly: attainment.size - matched, fsmOnly, sameFile: fsmRows === undefined },
  };
}

function toLocation(map: ColumnMap, a: number | null, b: number | null): Location | null {
  if (!map.location || a === null || b === null) return null;
  // latitude, longitude → x = longitude, y = latitude; easting, northing → x, y.
  return map.location.kind === 'latlon' ? { kind: 'latlon', x: b, y: a } : { kind: 'en', x: a, y: b };
}
