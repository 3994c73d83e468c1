import type { YearAnalysis } from './analyse.js';
import { closest } from './closest.js';
import { FosError } from './errors.js';
import { schoolRows } from './load/schoolTable.js';
import type { SchoolYear } from './types.js';

/**
 * The eligible school a user means: an id, else a name (exact, then a unique part of a
 * name, ignoring case). An unknown school is an error listing the closest ids and names; a
 * school that is loaded but not eligible (named by id, name or a part of its name) is an
 * error giving the reason.
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
  // A school that is loaded but left out: by id, by its whole name, or by a part of its
  // name that no eligible school has and only one excluded school has.
  const left = a.eligibility.excluded;
  const parts = partial.length ? [] : left.filter((e) => e.school.name.toLowerCase().includes(lower));
  const excluded = left.find((e) => e.school.id === q || e.school.name.toLowerCase() === lower) ?? (parts.length === 1 ? parts[0] : undefined);
  if (excluded) {
    throw new FosError('UNKNOWN_SCHOOL', `${excluded.school.name} (${excluded.school.id}) is not in the ${a.year} families: ${excluded.reason} (${excluded.detail})`, { value: q }, 'run fos check to see who is eligible, or choose another --year');
  }
  const suggestions = (partial.length > 1 ? partial.map(([s]) => s) : closestSchools(schools, q)).slice(0, 5).map((s) => `${s.id} ${s.name}`);
  throw new FosError(
    'UNKNOWN_SCHOOL',
    partial.length > 1 ? `"${q}" matches ${partial.length} schools in ${a.year}` : `no eligible school "${q}" in ${a.year}`,
    { value: q },
    suggestions.length ? `did you mean: ${suggestions.join('; ')}` : 'give the school id (URN)',
  );
}

/** The schools most like a query. A query that looks like an id (one word with a digit
 * in it, e.g. `999999x`) is matched against ids (the same number first, so `10505` finds
 * `00010505`, then the nearest numbers, else by edit distance); any other against names. */
function closestSchools(schools: readonly SchoolYear[], q: string): SchoolYear[] {
  const looksLikeId = /^\S*\d\S*$/.test(q.trim());
  return closest(schools, looksLikeId ? q.replace(/\D+$/, '') || q : q, looksLikeId ? (s) => s.id : (s) => s.name);
}
