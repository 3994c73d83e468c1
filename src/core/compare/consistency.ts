/** "Candidate in at least K of its last N years" (docs/methodology.md default 2/3). */
export interface ConsistencyRule {
  k: number;
  n: number;
}

export interface Consistency {
  /** Candidate years within the window. */
  yearsCandidate: number;
  /** Years the school was eligible within the window (at most N). */
  yearsLoaded: number;
  consistent: boolean;
  /** The school's years in the window, oldest first, with whether it was a candidate. */
  history: { year: string; candidate: boolean }[];
}

/**
 * Consistency of one school over the years it was eligible, looking at its last N such
 * years. A school with fewer than K eligible years cannot be consistent.
 *
 * consistency([{year:'2017',candidate:true},{year:'2018',candidate:false},{year:'2019',candidate:true}], {k:2,n:3})
 * // => yearsCandidate 2, yearsLoaded 3, consistent true
 */
export function consistency(years: { year: string; candidate: boolean }[], rule: ConsistencyRule): Consistency {
  const sorted = [...years].sort((a, b) => (a.year < b.year ? -1 : a.year > b.year ? 1 : 0));
  const history = sorted.slice(-rule.n);
  const yearsCandidate = history.filter((h) => h.candidate).length;
  return { yearsCandidate, yearsLoaded: history.length, consistent: yearsCandidate >= rule.k, history };
}
