/**
 * Whether the schools loaded (their LA column) look like a whole country's rather than an extract: more
 * than 100 local authorities (a DfE national file holds some 150; one authority's file,
 * 1). Words such as "national quartiles" and "England" are used only then; otherwise a
 * report says "the loaded schools".
 */
export function looksNational(la: readonly string[]): boolean {
  const las = new Set<string>();
  for (const code of la) if (code && las.add(code).size > 100) return true;
  return false;
}
