import { orNull } from '../orNull.js';
import { standingAt, standingColumns, type Standing, type StandingColumns } from './standing.js';

/** Why a school is or is not a candidate partner; stored as its index here. */
export const WHYS = ['qualifies', 'family too small', 'family all equal', 'below threshold', 'bound missing', 'bound does not clear median'] as const;
export type CandidateWhy = (typeof WHYS)[number];
/** The `why` of a candidate (the index of 'qualifies'). */
export const QUALIFIES = 0;
/** The `why` of a school not compared (compareFamilies was asked about others only). */
export const NOT_COMPARED = 255;
/** The `why` of a school surely not a candidate by its z, its comparison not yet worked out (judgeRows). */
export const UNJUDGED = 254;

/** One eligible school's place in its family in one year. */
export interface Comparison extends Standing {
  /** Family number (disjoint methods) or the school's own id (neighbours). */
  family: string;
  candidate: boolean;
  why: CandidateWhy;
}

/** Comparisons column by column (row k in each array; NaN for null, `why` as an index
 * into WHYS): plain typed arrays, filled by whoever judges the rows. A row whose `why` is
 * UNJUDGED (judgeRows: surely not a candidate) has its other columns not yet worked out:
 * read rows through Comparisons, which works them out first. */
export interface ComparisonColumns extends StandingColumns {
  why: Uint8Array;
}

export function comparisonColumns(n: number): ComparisonColumns {
  return { ...standingColumns(n), why: new Uint8Array(n).fill(NOT_COMPARED) };
}

const KEYS = Object.keys(comparisonColumns(0)) as (keyof ComparisonColumns)[];

/** Copy each row k of `from` to row place[at + k] of `to` (row at + k without `place`). */
export function placeRows(to: ComparisonColumns, from: ComparisonColumns, at: number, place?: Int32Array): void {
  for (const key of KEYS) {
    const t = to[key];
    const f = from[key];
    if (!place) t.set(f as Float64Array & Int32Array & Uint8Array, at);
    else for (let k = 0; k < f.length; k++) t[place[at + k]] = f[k];
  }
}

/**
 * Every eligible school's comparison in one year, kept as columns: half a million
 * schools cost a few typed arrays, not half a million objects. `get(i)` gives school i's
 * Comparison; `candidate(i)` and `z(i)` read the columns directly (a row judgeRows left
 * UNJUDGED is worked out first, by `judgeLate`).
 */
export class Comparisons {
  constructor(
    private readonly columns: ComparisonColumns,
    private readonly measures: Float64Array,
    private readonly familyOf: (i: number) => string,
    private readonly lowerIsBetter: boolean,
    /** Fills in row i's comparison when it is UNJUDGED. */
    private readonly judgeLate?: (i: number) => void,
  ) {}

  /** Row i's columns, worked out first when judgeRows left it for later. */
  private judged(i: number): ComparisonColumns {
    if (this.columns.why[i] === UNJUDGED) this.judgeLate!(i);
    return this.columns;
  }

  get length(): number {
    return this.columns.why.length;
  }

  candidate(i: number): boolean {
    return this.columns.why[i] === QUALIFIES;
  }

  /** z against the family (in the measure's own direction), null when there is none. */
  z(i: number): number | null {
    return orNull(this.judged(i).z[i]);
  }

  get(i: number): Comparison {
    const why = this.judged(i).why[i];
    if (why === NOT_COMPARED) throw new Error(`school ${i} was not compared`);
    const s = standingAt(this.columns, i, this.measures[i], this.lowerIsBetter);
    // One literal with every field (a spread makes a slow dictionary object).
    return { size: s.size, median: s.median, mean: s.mean, sd: s.sd, gap: s.gap, z: s.z, rank: s.rank, percentile: s.percentile, label: s.label, family: this.familyOf(i), candidate: why === QUALIFIES, why: WHYS[why] };
  }
}
