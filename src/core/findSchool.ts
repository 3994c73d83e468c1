import type { YearAnalysis } from './analyse.js';
import { FosError } from './errors.js';
import { schoolRows } from './load/schoolTable.js';

/**
 * The eligible school a user means: an id, else a name (exact, then a unique part of a
 * name, ignoring case). An unknown school is an error listing the closest names; a school
 * that is loaded but not eligible is an error giving the reason.
 */
export function findSchool(a: YearAnalysis, query: string): number {
  const q = query.trim();
  const byId = a.indexOf(q);
  if (byId !== undefined) return byId;
  const lower = q.toLowerCase();
  const schools = schoolRows(a.families.schools);
  const exact = schools.findIndex((s) => s.name.toLowerCase() === lower);
  if (exact >= 0) return exact;
  const partial = schools.map((s, i) => [s, i] as const).filter(([s]) => s.name.toLowerCase().includes(lower));
  if (partial.length === 1) return partial[0][1];
  const excluded = a.eligibility.excluded.find((e) => e.school.id === q || e.school.name.toLowerCase() === lower);
  if (excluded) {
    throw new FosError('UNKNOWN_SCHOOL', `${excluded.school.name} (${excluded.school.id}) is not in the ${a.year} families: ${excluded.reason} (${excluded.detail})`, { value: q }, 'run fos check to see who is eligible, or choose another --year');
  }
  const suggestions = (partial.length > 1 ? partial.map(([s]) => s) : closest(schools, lower)).slice(0, 5).map((s) => `${s.id} ${s.name}`);
  throw new FosError(
    'UNKNOWN_SCHOOL',
    partial.length > 1 ? `"${q}" matches ${partial.length} schools in ${a.year}` : `no eligible school "${q}" in ${a.year}`,
    { value: q },
    suggestions.length ? `did you mean: ${suggestions.join('; ')}` : 'give the school id (URN)',
  );
}

function closest<T extends { name: string }>(schools: readonly T[], q: string): T[] {
  return schools
    .map((s) => ({ s, d: distance(s.name.toLowerCase(), q) }))
    .sort((x, y) => x.d - y.d)
    .slice(0, 5)
    .map((x) => x.s);
}

/** Levenshtein distance against the best-matching window of the name, so short queries work. */
function distance(name: string, q: string): number {
  const m = q.length;
  let prev = new Array(name.length + 1).fill(0); // free start anywhere in the name
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= name.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (q[i - 1] === name[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return Math.min(...prev);
}
