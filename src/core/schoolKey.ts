import { latestId, type SchoolLinks } from './load/schoolLinks.js';

/**
 * Which school an id is, across years: with a links file (`--links`), the latest of its
 * URNs (a school that became an academy under a new URN is one school, docs/methodology.md,
 * Schools that changed URN) — the latest that the files loaded hold, when `present` says
 * which they hold, so a school that converted after the last year loaded keeps the URN
 * of its files; without links, the id itself. Every step that matches schools from one
 * year to another (trend, consistency, pooled context, kept families, turnover) matches
 * them by this key, and only there: each year's own tables keep the ids of its files.
 * `key(key(id)) === key(id)`. The links given are those to follow: the CLI first drops
 * the links of two schools open at once (withoutConcurrentLinks.ts).
 */
export type SchoolKey = (id: string) => string;

/** No links: a school is its id. */
export const ownId: SchoolKey = (id) => id;

export function schoolKey(links: SchoolLinks | undefined, present?: (id: string) => boolean): SchoolKey {
  if (!links || links.next.size === 0) return ownId;
  const memo = new Map<string, string>();
  const representative = (last: string) => {
    if (!present) return last;
    for (let x: string | undefined = last; x !== undefined; x = links.previous.get(x)?.id) if (present(x)) return x;
    return last;
  };
  return (id) => {
    let k = memo.get(id);
    if (k === undefined) memo.set(id, (k = representative(latestId(links, id))));
    return k;
  };
}

/**
 * The rows of a year's table by school key. When two rows are one school (both the old
 * and the new URN have a row that year, as in the year a school converts), the row with
 * the higher `score` is kept (e.g. the one with results), then the row under the latest
 * URN, then the first. Without links every id is its own key, as in a plain id lookup.
 */
export function keyIndex(ids: readonly string[], key: SchoolKey, score?: (row: number) => number): Map<string, number> {
  const out = new Map<string, number>();
  if (key === ownId) {
    ids.forEach((id, i) => out.set(id, i));
    return out;
  }
  ids.forEach((id, i) => {
    const k = key(id);
    const j = out.get(k);
    if (j === undefined) {
      out.set(k, i);
      return;
    }
    const [si, sj] = score ? [score(i), score(j)] : [0, 0];
    if (si > sj || (si === sj && id === k && ids[j] !== k)) out.set(k, i);
  });
  return out;
}
