/**
 * The k texts most like `query`, for "did you mean" hints: when both are digits, those of
 * the same number first (`10505` → `00010505`), then the nearest numbers; otherwise by
 * edit distance (Levenshtein) against the best-matching window of the text, ignoring case,
 * so a short query finds a long name. Ties keep the order of `items`.
 *
 * closest(['815', '816', '938'], '999', (x) => x, 2) // => ['938', '816']
 */
export function closest<T>(items: readonly T[], query: string, text: (item: T) => string, k = 5): T[] {
  const q = query.trim().toLowerCase();
  const digits = /^\d+$/.test(q);
  const score = (t: string) => (digits && /^\d+$/.test(t) ? Math.abs(Number(t) - Number(q)) : windowDistance(t.toLowerCase(), q));
  return items
    .map((item, at) => ({ item, at, d: score(text(item)) }))
    .sort((x, y) => x.d - y.d || x.at - y.at)
    .slice(0, k)
    .map((x) => x.item);
}

/** Levenshtein distance of q against the best-matching window of text (a free start and end). */
function windowDistance(text: string, q: string): number {
  let prev = new Array(text.length + 1).fill(0); // free start anywhere in the text
  for (let i = 1; i <= q.length; i++) {
    const cur = [i];
    for (let j = 1; j <= text.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (q[i - 1] === text[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return Math.min(...prev);
}
