/** A number kept in a typed array (NaN standing for none) as a value or null. */
export function orNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}
