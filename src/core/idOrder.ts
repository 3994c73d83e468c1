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
 * Indexes of `ids` in id order (compareIds), with each id's kind and digits worked out
 * once, not at every comparison: a digit id of up to 15 significant digits is compared as
 * an exact double. Cost: one sort, O(n log n).
 */
export function idOrder(ids: readonly string[]): Int32Array {
  const n = ids.length;
  const digits = new Uint8Array(n);
  const num = new Float64Array(n);
  const stripped: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    if (!DIGITS.test(id)) continue;
    digits[i] = 1;
    stripped[i] = stripZeros(id);
    num[i] = stripped[i].length <= 15 ? Number(stripped[i]) : NaN;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((i, j) => {
    if (digits[i] !== digits[j]) return digits[j] - digits[i];
    const a = ids[i];
    const b = ids[j];
    if (digits[i]) {
      if (num[i] === num[i] && num[j] === num[j]) {
        if (num[i] !== num[j]) return num[i] - num[j];
      } else {
        const x = stripped[i];
        const y = stripped[j];
        if (x.length !== y.length) return x.length - y.length;
        if (x !== y) return x < y ? -1 : 1;
      }
    }
    return a === b ? 0 : a < b ? -1 : 1;
  });
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
