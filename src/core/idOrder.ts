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
  const da = DIGITS.test(a);
  const db = DIGITS.test(b);
  if (da !== db) return da ? -1 : 1;
  if (da && db) {
    const x = stripZeros(a);
    const y = stripZeros(b);
    if (x.length !== y.length) return x.length - y.length;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a === b ? 0 : a < b ? -1 : 1;
}

function stripZeros(s: string): string {
  let i = 0;
  while (i < s.length - 1 && s.charCodeAt(i) === 48) i++;
  return s.slice(i);
}

/**
 * Rank of each id in the id order (0 = smallest), so hot loops compare integers.
 * Cost: one sort, O(n log n).
 */
export function idRanks(ids: readonly string[]): Int32Array {
  const order = ids.map((_, i) => i).sort((i, j) => compareIds(ids[i], ids[j]));
  const rank = new Int32Array(ids.length);
  order.forEach((idx, r) => (rank[idx] = r));
  return rank;
}
