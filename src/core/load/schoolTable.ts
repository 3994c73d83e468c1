import type { Location, SchoolTable, SchoolYear } from '../types.js';
import { orNull } from '../orNull.js';

/**
 * An empty table of n schools (every number NaN, every flag 0, every text unset), with a
 * column for each context variable and subject: what joinYear fills row by row.
 */
export function emptyTable(year: string, n: number, contextKeys: readonly string[], subjectKeys: readonly string[], locationKind: Location['kind'] | undefined): SchoolTable {
  const numbers = () => new Float64Array(n).fill(NaN);
  return {
    year,
    length: n,
    id: new Array<string>(n),
    name: new Array<string>(n),
    la: new Array<string>(n),
    measure: numbers(),
    fsm: numbers(),
    cohort: numbers(),
    ciLow: numbers(),
    ciHigh: numbers(),
    context: Object.fromEntries(contextKeys.map((key) => [key, numbers()])),
    subjects: Object.fromEntries(subjectKeys.map((key) => [key, numbers()])),
    location: locationKind ? { kind: locationKind, x: numbers(), y: numbers() } : undefined,
    special: new Uint8Array(n),
    inFsmFile: new Uint8Array(n),
  };
}

/** School k of a table as a plain row (a new object each call: for reports, not hot loops). */
export function schoolRow(t: SchoolTable, k: number): SchoolYear {
  const record = (columns: Record<string, Float64Array>) => {
    const out: Record<string, number | null> = {};
    for (const key in columns) out[key] = orNull(columns[key][k]);
    return out;
  };
  const loc = t.location;
  const x = loc ? loc.x[k] : NaN;
  const y = loc ? loc.y[k] : NaN;
  return {
    year: t.year,
    id: t.id[k],
    name: t.name[k],
    la: t.la[k],
    measure: orNull(t.measure[k]),
    fsm: orNull(t.fsm[k]),
    cohort: orNull(t.cohort[k]),
    ciLow: orNull(t.ciLow[k]),
    ciHigh: orNull(t.ciHigh[k]),
    context: record(t.context),
    subjects: record(t.subjects),
    location: loc && x === x && y === y ? { kind: loc.kind, x, y } : null,
    special: t.special[k] === 1,
    inFsmFile: t.inFsmFile[k] === 1,
  };
}

/** Every school of a table as a plain row. */
export function schoolRows(t: SchoolTable): SchoolYear[] {
  return Array.from({ length: t.length }, (_, k) => schoolRow(t, k));
}

/** The rows `keep` of a table (in that order), as a table of their own. */
export function selectRows(t: SchoolTable, keep: ArrayLike<number>): SchoolTable {
  const n = keep.length;
  // One loop per kind of column (a loop over several kinds of array runs far slower).
  const text = (column: string[]) => {
    const out = new Array<string>(n);
    for (let k = 0; k < n; k++) out[k] = column[keep[k]];
    return out;
  };
  const pick = (column: Float64Array) => {
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[k] = column[keep[k]];
    return out;
  };
  const flags = (column: Uint8Array) => {
    const out = new Uint8Array(n);
    for (let k = 0; k < n; k++) out[k] = column[keep[k]];
    return out;
  };
  const each = (columns: Record<string, Float64Array>) => Object.fromEntries(Object.entries(columns).map(([key, c]) => [key, pick(c)]));
  return {
    year: t.year,
    length: n,
    id: text(t.id),
    name: text(t.name),
    la: text(t.la),
    measure: pick(t.measure),
    fsm: pick(t.fsm),
    cohort: pick(t.cohort),
    ciLow: pick(t.ciLow),
    ciHigh: pick(t.ciHigh),
    context: each(t.context),
    subjects: each(t.subjects),
    ...(t.match ? { match: Object.fromEntries(Object.entries(t.match).map(([key, c]) => [key, text(c)])) } : {}),
    location: t.location && { kind: t.location.kind, x: pick(t.location.x), y: pick(t.location.y) },
    special: flags(t.special),
    inFsmFile: flags(t.inFsmFile),
  };
}

/** A table of plain rows (all of one year; context and subject columns from the first row). */
export function tableOfRows(year: string, rows: readonly SchoolYear[]): SchoolTable {
  const first = rows[0];
  const kind = rows.find((s) => s.location)?.location?.kind;
  const t = emptyTable(year, rows.length, Object.keys(first?.context ?? {}), Object.keys(first?.subjects ?? {}), kind);
  rows.forEach((s, k) => {
    t.id[k] = s.id;
    t.name[k] = s.name;
    t.la[k] = s.la;
    t.measure[k] = s.measure ?? NaN;
    t.fsm[k] = s.fsm ?? NaN;
    t.cohort[k] = s.cohort ?? NaN;
    t.ciLow[k] = s.ciLow ?? NaN;
    t.ciHigh[k] = s.ciHigh ?? NaN;
    for (const key in t.context) t.context[key][k] = s.context[key] ?? NaN;
    for (const key in t.subjects) t.subjects[key][k] = s.subjects[key] ?? NaN;
    if (t.location && s.location) {
      t.location.x[k] = s.location.x;
      t.location.y[k] = s.location.y;
    }
    t.special[k] = s.special ? 1 : 0;
    t.inFsmFile[k] = s.inFsmFile ? 1 : 0;
  });
  return t;
}

/** Row of the school with this id, or −1. */
export function rowOfId(t: SchoolTable, id: string): number {
  return t.id.indexOf(id);
}
