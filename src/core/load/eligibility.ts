import type { Eligibility, Exclusion, SchoolYear } from '../types.js';

export interface EligibilityOptions {
  /** Smallest cohort that takes part (METHOD.md default 11); a missing cohort does not exclude. */
  minCohort: number;
  includeSpecial: boolean;
  /** Context variables besides % FSM that a school must have. */
  contextVars: string[];
}

/**
 * Which schools take part in a year's families (METHOD.md, Eligible schools): those with
 * the measure, % FSM and every context variable, a cohort of at least `minCohort` when
 * the cohort is known, and not special schools unless asked for. Every other school is
 * returned with the first reason that applies, in the order checked here.
 */
export function eligibility(year: string, schools: readonly SchoolYear[], o: EligibilityOptions): Eligibility {
  const eligible: SchoolYear[] = [];
  const excluded: Exclusion[] = [];
  for (const s of schools) {
    const out = (reason: Exclusion['reason'], detail: string) => excluded.push({ school: s, reason, detail });
    if (s.special && !o.includeSpecial) out('special school', 'RECTYPE 2; pass --include-special to keep');
    else if (!s.inFsmFile) out('no FSM row', 'id not found in the FSM file');
    else if (s.measure === null) out('measure missing', 'no value for the measure');
    else if (s.fsm === null) out('FSM missing', 'no value for % FSM');
    else if (o.contextVars.some((v) => s.context[v] === null || s.context[v] === undefined)) {
      out('context missing', `no value for ${o.contextVars.filter((v) => s.context[v] == null).join(', ')}`);
    } else if (s.cohort !== null && s.cohort < o.minCohort) out('cohort below minimum', `cohort ${s.cohort} < ${o.minCohort}`);
    else eligible.push(s);
  }
  return { year, eligible, excluded };
}
