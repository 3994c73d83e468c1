import type { YearFamilies } from '../families/buildFamilies.js';
import { sortedFamily, standing, type SortedFamily, type Standing } from './standing.js';

export interface CandidateRule {
  /** z (in the better direction) a candidate must reach; METHOD.md default 1.0. */
  threshold: number;
  lowerIsBetter: boolean;
  /** Whether the measure has confidence bounds (then they must clear the family median). */
  hasBounds: boolean;
}

/** One eligible school's place in its family in one year. */
export interface Comparison extends Standing {
  /** Family number (disjoint methods) or the school's own id (neighbours). */
  family: string;
  candidate: boolean;
  /** Why the school is, or is not, a candidate partner. */
  reason: string;
}

/**
 * Every eligible school compared with the other members of its family, and whether it is
 * a candidate partner (METHOD.md, Candidate partners): z ≥ threshold in the better
 * direction and, where the measure has confidence bounds, the bound on the worse side
 * strictly beyond the family median (lower bound above it; upper bound below it when
 * lower is better). A missing bound means not a candidate.
 */
export function compareFamilies(yf: YearFamilies, rule: CandidateRule): Comparison[] {
  const { schools, families } = yf;
  const measure = (i: number) => schools[i].measure!;
  const out: Comparison[] = new Array(schools.length);
  if (families.kind === 'own') {
    const scratch: number[] = [];
    for (let i = 0; i < schools.length; i++) {
      scratch.length = 0;
      for (let k = families.offsets[i]; k < families.offsets[i + 1]; k++) scratch.push(measure(families.members[k]));
      out[i] = withCandidate(yf, i, schools[i].id, standing(sortedFamily(scratch), measure(i), rule.lowerIsBetter), rule);
    }
  } else {
    const byGroup: number[][] = Array.from({ length: families.count }, () => []);
    for (let i = 0; i < schools.length; i++) byGroup[families.group[i]].push(measure(i));
    const sorted: SortedFamily[] = byGroup.map((g) => sortedFamily(g));
    for (let i = 0; i < schools.length; i++) {
      const g = families.group[i];
      out[i] = withCandidate(yf, i, String(g + 1), standing(sorted[g], measure(i), rule.lowerIsBetter), rule);
    }
  }
  return out;
}

function withCandidate(yf: YearFamilies, i: number, family: string, s: Standing, rule: CandidateRule): Comparison {
  const school = yf.schools[i];
  const zBetter = s.z === null ? null : rule.lowerIsBetter ? -s.z : s.z;
  let candidate = false;
  let reason: string;
  if (zBetter === null) reason = s.sd === 0 ? 'family all equal' : 'family too small';
  else if (zBetter < rule.threshold) reason = `z ${zBetter.toFixed(2)} < ${rule.threshold}`;
  else if (rule.hasBounds) {
    const bound = rule.lowerIsBetter ? school.ciHigh : school.ciLow;
    const clears = bound !== null && (rule.lowerIsBetter ? bound < s.median! : bound > s.median!);
    candidate = clears;
    reason = bound === null
      ? 'confidence bound missing'
      : clears
        ? `z ${zBetter.toFixed(2)} ≥ ${rule.threshold}; ${rule.lowerIsBetter ? 'upper' : 'lower'} bound ${bound} clears median ${round(s.median!)}`
        : `${rule.lowerIsBetter ? 'upper' : 'lower'} bound ${bound} does not clear median ${round(s.median!)}`;
  } else {
    candidate = true;
    reason = `z ${zBetter.toFixed(2)} ≥ ${rule.threshold}`;
  }
  return { ...s, family, candidate, reason };
}

function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}
