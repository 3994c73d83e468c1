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
  const vars = o.contextVars;
  for (const s of schools) {
    let missing = false;
    for (let v = 0; v < vars.length && !missing; v++) missing = s.context[vars[v]] == null;
    const why = exclusion(s, o, missing);
    if (why) excluded.push({ school: s, reason: why[0], detail: why[1] });
    else eligible.push(s);
  }
  return { year, eligible, excluded };
}

/** The first reason school s does not take part, with its detail; undefined when it does. */
function exclusion(s: SchoolYear, o: EligibilityOptions, contextMissing: boolean): [Exclusion['reason'], string] | undefined {
  if (s.special && !o.includeSpecial) return ['special school', 'RECTYPE 2; pass --include-special to keep'];
  if (!s.inFsmFile) return ['no FSM row', 'id not found in the FSM file'];
  if (s.measure === null) return ['measure missing', 'no value for the measure'];
  if (s.fsm === null) return ['FSM missing', 'no value for % FSM'];
  if (contextMissing) return ['context missing', `no value for ${o.contextVars.filter((v) => s.context[v] == null).join(', ')}`];
  if (s.cohort !== null && s.cohort < o.minCohort) return ['cohort below minimum', `cohort ${s.cohort} < ${o.minCohort}`];
  return undefined;
}
