/** Header lookup that ignores case and surrounding spaces, as users type column names. */
export function findColumn(header: readonly string[], name: string): string | undefined {
  const want = name.trim().toLowerCase();
  return header.find((h) => h.trim().toLowerCase() === want);
}
