import type { Eligibility, Exclusion, SchoolYear } from '../types.js';
import { flagColumn, numberColumn } from './schoolColumns.js';

export interface EligibilityOptions {
  /** Smallest cohort that takes part (docs/methodology.md default 11); a missing cohort does not exclude. */
  minCohort: number;
  includeSpecial: boolean;
  /** Context variables besides % FSM that a school must have. */
  contextVars: string[];
}

/**
 * Which schools take part in a year's families (docs/methodology.md, Eligible schools): those with
 * the measure, % FSM and every context variable, a cohort of at least `minCohort` when
 * the cohort is known, and not special schools unless asked for. Every other school is
 * returned with the first reason that applies, in the order checked here.
 */
export function eligibility(year: string, schools: readonly SchoolYear[], o: EligibilityOptions): Eligibility {
  const eligible: SchoolYear[] = [];
  const excluded: Exclusion[] = [];
  // Each field read for every school at once (straight from the columns of joined schools).
  const fields: Fields = {
    special: flagColumn(schools, 'special'),
    inFsmFile: flagColumn(schools, 'inFsmFile'),
    measure: numberColumn(schools, 'measure'),
    fsm: numberColumn(schools, 'fsm'),
    cohort: numberColumn(schools, 'cohort'),
    context: o.contextVars.map((v) => numberColumn(schools, { context: v })),
  };
  for (let i = 0; i < schools.length; i++) {
    const why = exclusion(fields, i, o);
    if (why) excluded.push({ school: schools[i], reason: why[0], detail: why[1] });
    else eligible.push(schools[i]);
  }
  return { year, eligible, excluded };
}

/** The fields eligibility reads, one entry per school (NaN: missing). */
interface Fields {
  special: Uint8Array;
  inFsmFile: Uint8Array;
  measure: Float64Array;
  fsm: Float64Array;
  cohort: Float64Array;
  /** One column per context variable, in the order of `contextVars`. */
  context: Float64Array[];
}

/** The first reason school i does not take part, with its detail; undefined when it does. */
function exclusion(f: Fields, i: number, o: EligibilityOptions): [Exclusion['reason'], string] | undefined {
  if (f.special[i] && !o.includeSpecial) return ['special school', 'RECTYPE 2; pass --include-special to keep'];
  if (!f.inFsmFile[i]) return ['no FSM row', 'id not found in the FSM file'];
  if (Number.isNaN(f.measure[i])) return ['measure missing', 'no value for the measure'];
  if (Number.isNaN(f.fsm[i])) return ['FSM missing', 'no value for % FSM'];
  for (const values of f.context) {
    if (Number.isNaN(values[i])) return ['context missing', `no value for ${o.contextVars.filter((_, v) => Number.isNaN(f.context[v][i])).join(', ')}`];
  }
  const cohort = f.cohort[i];
  if (cohort < o.minCohort) return ['cohort below minimum', `cohort ${cohort} < ${o.minCohort}`];
  return undefined;
}
