import { earlierUrns, latestId, type NamedLink, type SchoolLinks } from '../core/load/schoolLinks.js';

/**
 * A school's other URNs in words, from a links file: "was URN 121664 until 2018" (the
 * last year loaded with a row under that URN, so the words agree with the table beside
 * them; with no row loaded, the year of the link's date; else "before"), several joined by
 * commas, newest first; and, for a school that changed URN after the files loaded, "now
 * URN 148377 since 2021" (the year of the link into that latest URN, at the end of a
 * chain). '' when it had none. `lastYearOf`: the last year loaded in which an id has a row
 * (urnHistory.ts).
 */
export function wasUrn(links: SchoolLinks | undefined, id: string, lastYearOf: (id: string) => string | undefined): string {
  if (!links) return '';
  const yearOf = (date: string) => /\d{4}/.exec(date)?.[0];
  const parts = earlierUrns(links, id).map((e) => {
    const year = lastYearOf(e.id) ?? yearOf(e.date);
    return `URN ${e.id} ${year ? `until ${year}` : 'before'}`;
  });
  const was = parts.length ? `was ${parts.join(', ')}` : '';
  const latest = latestId(links, id);
  if (latest === id) return was;
  const since = yearOf(links.previous.get(latest)?.date ?? '');
  return [was, `now URN ${latest}${since ? ` since ${since}` : ''}`].filter(Boolean).join(', ');
}

/** The links of these URNs that are named but not followed, one line each:
 * "144976: Predecessor - merged 100123 (Old School), 01-09-2018: not followed". */
export function namedLinks(links: SchoolLinks | undefined, ids: readonly string[]): string[] {
  if (!links) return [];
  const line = (id: string, l: NamedLink) => `${id}: ${l.type} ${l.other}${l.otherName ? ` (${l.otherName})` : ''}${l.date ? `, ${l.date}` : ''}: ${l.why}`;
  return [...new Set(ids)].flatMap((id) => (links.named.get(id) ?? []).map((l) => line(id, l)));
}
