import type { Eligibility, Exclusion, SchoolTable } from '../types.js';
import { schoolRow, selectRows } from './schoolTable.js';

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
export function eligibility(year: string, schools: SchoolTable, o: EligibilityOptions): Eligibility {
  const keep: number[] = [];
  const left: number[] = [];
  const context = o.contextVars.map((v) => schools.context[v] ?? new Float64Array(schools.length).fill(NaN));
  for (let i = 0; i < schools.length; i++) (exclusion(schools, context, i, o) ? left : keep).push(i);
  // The few excluded schools as rows, apart from the loop over all of them.
  const excluded = left.map((i): Exclusion => {
    const [reason, detail] = exclusion(schools, context, i, o)!;
    return { school: schoolRow(schools, i), reason, detail };
  });
  return { year, eligible: selectRows(schools, keep), excluded };
}

/** The first reason school i does not take part, with its detail; undefined when it does
 * (`context`: one column per context variable, in the order of `contextVars`). */
function exclusion(f: SchoolTable, context: Float64Array[], i: number, o: EligibilityOptions): [Exclusion['reason'], string] | undefined {
  if (f.special[i] && !o.includeSpecial) return ['special school', 'RECTYPE 2; pass --include-special to keep'];
  if (!f.inFsmFile[i]) return ['no FSM row', 'id not found in the FSM file'];
  if (Number.isNaN(f.measure[i])) return ['measure missing', 'no value for the measure'];
  if (Number.isNaN(f.fsm[i])) return ['FSM missing', 'no value for % FSM'];
  for (const values of context) {
    if (Number.isNaN(values[i])) return ['context missing', `no value for ${o.contextVars.filter((_, v) => Number.isNaN(context[v][i])).join(', ')}`];
  }
  const cohort = f.cohort[i];
  if (cohort < o.minCohort) return ['cohort below minimum', `cohort ${cohort} < ${o.minCohort}`];
  return undefined;
}
