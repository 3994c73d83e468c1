/**
 * Order of school ids, the tie-break rule of METHOD.md: ids are compared as numbers when
 * both are digits only, else as text (by UTF-16 code units, so the order never depends on
 * the machine's locale). Two digit ids equal as numbers ("0123", "123") fall back to text.
 * One departure, to make the order total: taken literally the rule is not transitive
 * when digit and other ids mix ("010" < "0:" < "1" < "010"), so digit-only ids come
 * before all others. Within a file of URNs (all digits) nothing changes.
 *
 * compareIds('9', '10') // => negative (9 < 10 as numbers)
 * compareIds('A10', 'A9') // => negative (text)
 */
const DIGITS = /^[0-9]+$/;

export function compareIds(a: string, b: string): number {
  return compareWith(a, digitsOf(a), b, digitsOf(b));
}

/** An id's digits without leading zeros (one zero kept), or undefined when it is not all digits. */
function digitsOf(id: string): string | undefined {
  if (!DIGITS.test(id)) return undefined;
  let i = 0;
  while (i < id.length - 1 && id.charCodeAt(i) === 48) i++;
  return id.slice(i);
}

/** compareIds, given each id's digitsOf. */
function compareWith(a: string, da: string | undefined, b: string, db: string | undefined): number {
  if ((da === undefined) !== (db === undefined)) return da !== undefined ? -1 : 1;
  if (da !== undefined && db !== undefined && da !== db) return da.length !== db.length ? da.length - db.length : da < db ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * Indexes of `ids` in id order (compareIds), each id's digits worked out once rather than
 * at every comparison. Cost: one sort, O(n log n).
 */
export function idOrder(ids: readonly string[]): Int32Array {
  const digits = ids.map(digitsOf);
  const order = Int32Array.from(ids, (_, i) => i);
  return order.sort((i, j) => compareWith(ids[i], digits[i], ids[j], digits[j]));
}

/** Rank of each id in the id order (0 = smallest), so hot loops compare integers. */
export function idRanks(ids: readonly string[]): Int32Array {
  // Loaded schools come in id order already: one pass checks, and skips the sort.
  let sorted = true;
  for (let i = 1; sorted && i < ids.length; i++) sorted = compareIds(ids[i - 1], ids[i]) < 0;
  if (sorted) return Int32Array.from(ids, (_, i) => i);
  const order = idOrder(ids);
  const rank = new Int32Array(ids.length);
  for (let r = 0; r < order.length; r++) rank[order[r]] = r;
  return rank;
}
