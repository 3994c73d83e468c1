/**
 * Whether the schools loaded (their LA column) look like a whole country's rather than an extract: more
 * than 100 local authorities (a DfE national file holds some 150; one authority's file,
 * 1). Words such as "national quartiles" and "England" are used only then; otherwise a
 * report says "the loaded schools". `coverage` (--coverage) says so instead: 'whole' (a
 * city's 32 districts are its whole system), 'part'; 'auto' (the default) is the rule.
 */
export function looksNational(la: readonly string[], coverage: 'auto' | 'whole' | 'part' = 'auto'): boolean {
  if (coverage !== 'auto') return coverage === 'whole';
  const las = new Set<string>();
  for (const code of la) if (code && las.add(code).size > 100) return true;
  return false;
}
