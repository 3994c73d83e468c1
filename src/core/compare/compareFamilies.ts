import { groupsOf } from '../families/disjointFamilies.js';
import type { YearFamilies } from '../families/buildFamilies.js';
import type { SchoolYear } from '../types.js';
import { sortedFamily, standing, type SortedFamily, type Standing } from './standing.js';
import { range } from '../range.js';

export interface CandidateRule {
  /** z (in the better direction) a candidate must reach; METHOD.md default 1.0. */
  threshold: number;
  lowerIsBetter: boolean;
  /** Whether the measure has confidence bounds (then they must clear the family median). */
  hasBounds: boolean;
}

/** Why a school is or is not a candidate partner. */
export type CandidateWhy = 'qualifies' | 'family too small' | 'family all equal' | 'below threshold' | 'bound missing' | 'bound does not clear median';

/** One eligible school's place in its family in one year. */
export interface Comparison extends Standing {
  /** Family number (disjoint methods) or the school's own id (neighbours). */
  family: string;
  candidate: boolean;
  why: CandidateWhy;
}

/**
 * Every eligible school compared with the other members of its family, and whether it is
 * a candidate partner (METHOD.md, Candidate partners): z ≥ threshold in the better
 * direction and, where the measure has confidence bounds, the bound on the worse side
 * strictly beyond the family median (lower bound above it; upper bound below it when
 * lower is better). A missing bound means not a candidate. O(n·N log N) for neighbours,
 * O(n log n) for disjoint families. With `only`, just those schools are compared (the
 * rest of the array is left empty).
 */
export function compareFamilies(yf: YearFamilies, rule: CandidateRule, only?: readonly number[]): Comparison[] {
  const { schools, families } = yf;
  const out: Comparison[] = new Array(schools.length);
  const which = only ?? range(schools.length);
  if (families.kind === 'own') {
    for (const i of which) out[i] = compareSchool(yf, i, families.members, rule, families.offsets[i], families.offsets[i + 1]);
  } else {
    const measure = (i: number) => yf.measures[i];
    const sorted: SortedFamily[] = groupsOf(families).map((g) => sortedFamily(g.map(measure)));
    for (const i of which) {
      const g = families.group[i];
      out[i] = judge(schools[i], String(g + 1), standing(sorted[g], measure(i), rule.lowerIsBetter), rule);
    }
  }
  return out;
}

/** One school against the members of its own family (itself among them): members[from .. to). */
function compareSchool(yf: YearFamilies, i: number, members: ArrayLike<number>, rule: CandidateRule, from: number, to: number): Comparison {
  const school = yf.schools[i];
  return judge(school, school.id, standingIn(yf, i, members, rule, from, to), rule);
}

/** Whether school i is a candidate partner against members[from .. to): the verdict alone, with no comparison made. */
export function isCandidate(yf: YearFamilies, i: number, members: ArrayLike<number>, rule: CandidateRule, from: number, to: number): boolean {
  return whyOf(yf.schools[i], standingIn(yf, i, members, rule, from, to), rule) === 'qualifies';
}

function standingIn(yf: YearFamilies, i: number, members: ArrayLike<number>, rule: CandidateRule, from: number, to: number): Standing {
  // A reused buffer: standing() reads the sorted values and keeps nothing of them.
  const n = to - from;
  if (n > scratch.length) scratch = new Float64Array(n * 2);
  const measures = yf.measures;
  for (let k = 0; k < n; k++) scratch[k] = measures[members[from + k]];
  return standing(sortedFamily(scratch, n), measures[i], rule.lowerIsBetter);
}

let scratch = new Float64Array(64);

function whyOf(school: SchoolYear, s: Standing, rule: CandidateRule): CandidateWhy {
  const zBetter = s.z === null ? null : rule.lowerIsBetter ? -s.z : s.z;
  if (zBetter === null) return s.sd === 0 ? 'family all equal' : 'family too small';
  if (zBetter < rule.threshold) return 'below threshold';
  if (!rule.hasBounds) return 'qualifies';
  const bound = rule.lowerIsBetter ? school.ciHigh : school.ciLow;
  if (bound === null) return 'bound missing';
  return (rule.lowerIsBetter ? bound < s.median! : bound > s.median!) ? 'qualifies' : 'bound does not clear median';
}

function judge(school: SchoolYear, family: string, s: Standing, rule: CandidateRule): Comparison {
  const why = whyOf(school, s, rule);
  // One literal with every field, so all comparisons share one shape.
  return {
    size: s.size,
    median: s.median,
    mean: s.mean,
    sd: s.sd,
    gap: s.gap,
    z: s.z,
    rank: s.rank,
    percentile: s.percentile,
    label: s.label,
    family,
    candidate: why === 'qualifies',
    why,
  };
}

/** Why, in words, e.g. "z 1.84 ≥ 1; lower bound 0.12 clears median 0.05". */
export function candidateReason(c: Comparison, school: SchoolYear, rule: CandidateRule): string {
  const z = c.z === null ? '' : `z ${(rule.lowerIsBetter ? -c.z : c.z).toFixed(2)}`;
  const side = rule.lowerIsBetter ? 'upper' : 'lower';
  const bound = rule.lowerIsBetter ? school.ciHigh : school.ciLow;
  const median = c.median === null ? '' : String(Math.round(c.median * 100) / 100);
  switch (c.why) {
    case 'qualifies':
      return `${z} ≥ ${rule.threshold}${rule.hasBounds ? `; ${side} bound ${bound} clears median ${median}` : ''}`;
    case 'below threshold':
      return `${z} < ${rule.threshold}`;
    case 'bound missing':
      return `${z} ≥ ${rule.threshold} but no ${side} bound`;
    case 'bound does not clear median':
      return `${z} ≥ ${rule.threshold} but ${side} bound ${bound} does not clear median ${median}`;
    default:
      return c.why;
  }
}
