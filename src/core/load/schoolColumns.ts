import type { Location, SchoolYear } from '../types.js';
import { orNull } from '../orNull.js';

/**
 * One year's joined schools kept column by column (school k in each; NaN for a missing
 * number), with a SchoolYear view of each (`school(k)`). Half a million schools cost a
 * few typed arrays and one small object each, not an object per school with a boxed
 * number per field and a record per school for its context: far less for the garbage
 * collector to copy and mark (100,000 schools: some 30 MB fewer heap objects).
 */
export class SchoolColumns {
  readonly id: string[];
  readonly name: string[];
  readonly la: string[];
  readonly measure: Float64Array;
  readonly fsm: Float64Array;
  readonly cohort: Float64Array;
  readonly ciLow: Float64Array;
  readonly ciHigh: Float64Array;
  /** Extra context variables, and subject measures, by name. */
  readonly context: Record<string, Float64Array> = {};
  readonly subjects: Record<string, Float64Array> = {};
  /** The two location columns (NaN: none), and what they are. */
  readonly locationA: Float64Array;
  readonly locationB: Float64Array;
  readonly special: Uint8Array;
  readonly inFsmFile: Uint8Array;

  constructor(
    readonly year: string,
    n: number,
    contextKeys: readonly string[],
    subjectKeys: readonly string[],
    readonly locationKind: Location['kind'] | undefined,
  ) {
    const numbers = () => new Float64Array(n).fill(NaN);
    this.id = new Array<string>(n);
    this.name = new Array<string>(n);
    this.la = new Array<string>(n);
    this.measure = numbers();
    this.fsm = numbers();
    this.cohort = numbers();
    this.ciLow = numbers();
    this.ciHigh = numbers();
    for (const key of contextKeys) this.context[key] = numbers();
    for (const key of subjectKeys) this.subjects[key] = numbers();
    this.locationA = numbers();
    this.locationB = numbers();
    this.special = new Uint8Array(n);
    this.inFsmFile = new Uint8Array(n);
  }

  /** School k as a SchoolYear (read from the columns each time a field is asked for). */
  school(k: number): SchoolYear {
    return new ColumnSchool(this, k);
  }
}

/** A record of the columns' values at row k (one frozen empty record when there are none). */
function record(columns: Record<string, Float64Array>, k: number): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  let any = false;
  for (const key in columns) {
    out[key] = orNull(columns[key][k]);
    any = true;
  }
  return any ? out : NONE;
}

const NONE: Record<string, number | null> = Object.freeze({});

/** School k of some SchoolColumns, as a SchoolYear. */
class ColumnSchool implements SchoolYear {
  constructor(
    readonly c: SchoolColumns,
    readonly k: number,
  ) {}
  get year(): string {
    return this.c.year;
  }
  get id(): string {
    return this.c.id[this.k];
  }
  get name(): string {
    return this.c.name[this.k];
  }
  get la(): string {
    return this.c.la[this.k];
  }
  get measure(): number | null {
    return orNull(this.c.measure[this.k]);
  }
  get fsm(): number | null {
    return orNull(this.c.fsm[this.k]);
  }
  get cohort(): number | null {
    return orNull(this.c.cohort[this.k]);
  }
  get ciLow(): number | null {
    return orNull(this.c.ciLow[this.k]);
  }
  get ciHigh(): number | null {
    return orNull(this.c.ciHigh[this.k]);
  }
  get context(): Record<string, number | null> {
    return record(this.c.context, this.k);
  }
  get subjects(): Record<string, number | null> {
    return record(this.c.subjects, this.k);
  }
  get location(): Location | null {
    const { locationKind: kind, locationA, locationB } = this.c;
    const a = locationA[this.k];
    const b = locationB[this.k];
    if (!kind || a !== a || b !== b) return null;
    // latitude, longitude → x = longitude, y = latitude; easting, northing → x, y.
    return kind === 'latlon' ? { kind, x: b, y: a } : { kind, x: a, y: b };
  }
  get special(): boolean {
    return this.c.special[this.k] === 1;
  }
  get inFsmFile(): boolean {
    return this.c.inFsmFile[this.k] === 1;
  }
}

export type NumberField = 'measure' | 'fsm' | 'cohort' | 'ciLow' | 'ciHigh';

/**
 * A numeric field (or, as `{ context }`, a context variable) of each school, NaN for
 * missing: read straight from the columns for joined schools (no field getter called, no
 * context record made: what a first, cold pass over 100,000 schools spends most on),
 * from the school for any other SchoolYear. The same numbers either way (tested).
 */
export function numberColumn(schools: readonly SchoolYear[], field: NumberField | { context: string }): Float64Array {
  const pick = typeof field === 'string' ? (c: SchoolColumns) => c[field] : (c: SchoolColumns) => c.context[field.context];
  const read = typeof field === 'string' ? (s: SchoolYear) => s[field] : (s: SchoolYear) => s.context[field.context];
  const out = new Float64Array(schools.length);
  let columns: SchoolColumns | undefined;
  let column: Float64Array | undefined;
  for (let i = 0; i < schools.length; i++) {
    const s = schools[i];
    if (s instanceof ColumnSchool) {
      if (s.c !== columns) column = pick((columns = s.c));
      out[i] = column ? column[s.k] : NaN;
    } else out[i] = read(s) ?? NaN;
  }
  return out;
}

/** A yes/no field of each school (1 or 0), read as numberColumn reads numbers. */
export function flagColumn(schools: readonly SchoolYear[], field: 'special' | 'inFsmFile'): Uint8Array {
  const out = new Uint8Array(schools.length);
  for (let i = 0; i < schools.length; i++) {
    const s = schools[i];
    out[i] = s instanceof ColumnSchool ? s.c[field][s.k] : s[field] ? 1 : 0;
  }
  return out;
}

/** A text field of each school, read as numberColumn reads numbers. */
export function textColumn(schools: readonly SchoolYear[], field: 'id' | 'name' | 'la'): string[] {
  const out = new Array<string>(schools.length);
  for (let i = 0; i < schools.length; i++) {
    const s = schools[i];
    out[i] = s instanceof ColumnSchool ? s.c[field][s.k] : s[field];
  }
  return out;
}
