import { range } from './range.js';

/**
 * Order of school ids, the tie-break rule of docs/methodology.md: ids are compared as numbers when
 * both are digits only, else as text (by UTF-16 code units, so the order never depends on
 * the machine's locale). Two digit ids equal as numbers ("0123", "123") fall back to text.
 * One departure, to make the order total: taken literally the rule is not transitive
 * when digit and other ids mix ("010" < "0:" < "1" < "010"), so digit-only ids come
 * before all others. Within a file of URNs (all digits) nothing changes.
 *
 * compareIds('9', '10') // => negative (9 < 10 as numbers)
 * compareIds('A10', 'A9') // => negative (text)
 */
export function compareIds(a: string, b: string): number {
  return compareWith(a, digitsOf(a), b, digitsOf(b));
}

/** An id's digits without leading zeros (one zero kept), or undefined when it is not all digits. */
function digitsOf(id: string): string | undefined {
  const n = id.length;
  if (n === 0) return undefined;
  let zeros = 0;
  while (zeros < n - 1 && id.charCodeAt(zeros) === 48) zeros++;
  for (let i = zeros; i < n; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return zeros ? id.slice(zeros) : id;
}

/** compareIds, given each id's digitsOf. */
function compareWith(a: string, da: string | undefined, b: string, db: string | undefined): number {
  if ((da === undefined) !== (db === undefined)) return da !== undefined ? -1 : 1;
  if (da !== undefined && db !== undefined && da !== db) return da.length !== db.length ? da.length - db.length : da < db ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * Indexes of `ids` in id order (compareIds; equal ids keep their order), each id's digits
 * worked out once rather than at every comparison. Cost: one pass when the ids are in
 * order already (most files), else one sort, O(n log n): a native sort of numbers when
 * every id is digits only (URNs, say; see numericOrder), else a sort with compareIds.
 */
export function idOrder(ids: readonly string[]): Int32Array {
  const digits = ids.map(digitsOf);
  const order = range(ids.length);
  const compare = (i: number, j: number) => compareWith(ids[i], digits[i], ids[j], digits[j]);
  for (let i = 1; i < ids.length; i++) if (compare(i - 1, i) > 0) return numericOrder(digits, compare) ?? order.sort(compare);
  return order;
}

/** Room for the row number below each id's value in a sort key. */
const ROW_BITS = 2 ** 22;

/**
 * The id order when every id is digits only, with at most 9 significant digits, and there
 * are at most 2²² (4 million) rows; else undefined. Each id's value and row make one
 * number, value × 2²² + row (exact: below 2⁵²), sorted natively: several times quicker
 * than a sort with a comparator. Ids of equal value that differ (0123 and 123) are put in
 * compareIds order after; equal ids stay in row order.
 */
function numericOrder(digits: readonly (string | undefined)[], compare: (i: number, j: number) => number): Int32Array | undefined {
  const n = digits.length;
  if (n > ROW_BITS) return undefined;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = digits[i];
    if (d === undefined || d.length > 9) return undefined;
    keys[i] = Number(d) * ROW_BITS + i;
  }
  keys.sort();
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = keys[k] % ROW_BITS;
  // Runs of equal value: sorted with compareIds (stable, so equal ids keep row order).
  for (let k = 0; k < n; ) {
    const value = Math.floor(keys[k] / ROW_BITS);
    let end = k + 1;
    while (end < n && Math.floor(keys[end] / ROW_BITS) === value) end++;
    if (end - k > 1) order.set(Array.from(order.subarray(k, end)).sort(compare), k);
    k = end;
  }
  return order;
}

/** Rank of each id in the id order (0 = smallest), so hot loops compare integers. */
export function idRanks(ids: readonly string[]): Int32Array {
  const order = idOrder(ids);
  const rank = new Int32Array(ids.length);
  for (let r = 0; r < order.length; r++) rank[order[r]] = r;
  return rank;
}

/**
 * For each of `a`'s ids, the index in `b` of the same id, or -1: a merge of the two lists
 * walked in id order (each given as its idOrder), so no table of ids is built. Ids within
 * each list are distinct.
 */
export function matchIds(a: readonly string[], aOrder: Int32Array, b: readonly string[], bOrder: Int32Array): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  let j = 0;
  let bId = '';
  let bDigits: string | undefined;
  if (bOrder.length) [bId, bDigits] = [b[bOrder[0]], digitsOf(b[bOrder[0]])];
  for (let k = 0; k < aOrder.length && j < bOrder.length; k++) {
    const i = aOrder[k];
    const aDigits = digitsOf(a[i]);
    let c = compareWith(a[i], aDigits, bId, bDigits);
    while (c > 0 && ++j < bOrder.length) {
      bId = b[bOrder[j]];
      bDigits = digitsOf(bId);
      c = compareWith(a[i], aDigits, bId, bDigits);
    }
    if (c === 0) match[i] = bOrder[j];
  }
  return match;
}
