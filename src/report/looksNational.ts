import type { SchoolYear } from '../core/types.js';

/**
 * Whether the schools loaded look like a whole country's rather than an extract: more
 * than 100 local authorities (a DfE national file holds some 150; one authority's file,
 * 1). Words such as "national quartiles" and "England" are used only then; otherwise a
 * report says "the loaded schools".
 */
export function looksNational(schools: readonly SchoolYear[]): boolean {
  const las = new Set<string>();
  for (const s of schools) if (s.la && las.add(s.la).size > 100) return true;
  return false;
}
