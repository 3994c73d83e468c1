import type { YearData } from '../types.js';
import type { NamedLink, SchoolLinks } from './schoolLinks.js';

/**
 * The links with each followed link whose two URNs both have results (a measure) in one
 * year loaded moved to the named links: two schools open at once, as when a school closes
 * into one already open (GIAS writes such a closure as a plain Predecessor/Successor link),
 * are two schools, each with its own years (docs/methodology.md, Schools that changed URN).
 * A conversion keeps its link: in its year the old URN has results and the new one none,
 * or no row. The links themselves when no link is cut.
 *
 * 116444 → 116432 with a 2017 result under each: not followed, and named under both URNs
 * ("both have results in 2017 (116444 closed into 116432, open already): not followed").
 */
export function withoutConcurrentLinks(links: SchoolLinks, years: readonly Pick<YearData, 'year' | 'schools'>[]): SchoolLinks {
  if (links.next.size === 0) return links;
  // The years in which each URN at an end of a followed link has a result, and its latest name.
  const resultYears = new Map<string, Set<string>>();
  const names = new Map<string, string>();
  for (const y of years) {
    const s = y.schools;
    for (let r = 0; r < s.length; r++) {
      const id = s.id[r];
      if (!links.next.has(id) && !links.previous.has(id)) continue;
      if (s.name[r]) names.set(id, s.name[r]);
      if (!Number.isNaN(s.measure[r])) (resultYears.get(id) ?? resultYears.set(id, new Set()).get(id)!).add(y.year);
    }
  }
  const cut: { from: string; to: string; year: string }[] = [];
  for (const [from, to] of links.next) {
    const a = resultYears.get(from);
    const b = resultYears.get(to);
    if (!a || !b) continue;
    const year = years.find((y) => a.has(y.year) && b.has(y.year))?.year;
    if (year !== undefined) cut.push({ from, to, year });
  }
  if (!cut.length) return links;
  const next = new Map(links.next);
  const previous = new Map(links.previous);
  const named = new Map([...links.named].map(([id, l]) => [id, [...l]]));
  const nameLink = (at: string, l: NamedLink) => (named.get(at) ?? named.set(at, []).get(at)!).push(l);
  for (const { from, to, year } of cut) {
    const date = previous.get(to)?.date ?? '';
    const why = `both have results in ${year} (${from} closed into ${to}, open already): not followed`;
    nameLink(to, { other: from, otherName: names.get(from) ?? '', type: 'Predecessor', date, why });
    nameLink(from, { other: to, otherName: names.get(to) ?? '', type: 'Successor', date, why });
    next.delete(from);
    previous.delete(to);
  }
  return { ...links, next, previous, named, concurrent: links.concurrent + cut.length };
}
