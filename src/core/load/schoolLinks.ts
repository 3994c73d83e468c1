import { FosError } from '../errors.js';
import { preview } from './columnHint.js';
import { findColumn } from './dfeColumns.js';
import type { RawTable } from './rawTable.js';

/** A link read but not followed: a merge, an amalgamation, a split, a sixth-form link, or a
 * plain predecessor/successor link that is not one-to-one (docs/methodology.md, Schools
 * that changed URN). */
export interface NamedLink {
  /** The URN at the other end of the link, and the name GIAS gives it. */
  other: string;
  otherName: string;
  /** The link's type as GIAS writes it ("Predecessor - merged"), or "Predecessor" /
   * "Successor" for a plain link not followed. */
  type: string;
  /** LinkEstablishedDate as written (DD-MM-YYYY), '' when blank. */
  date: string;
  /** Why it is not followed, in words. */
  why: string;
}

/** One followed link, seen from the later URN: the URN it came from and when. */
export interface EarlierUrn {
  id: string;
  /** LinkEstablishedDate (DD-MM-YYYY), '' when blank. */
  date: string;
}

/**
 * A GIAS links file (`links_edubasealldata*.csv`) as maps: which URN each school became
 * and which it came from, over the links that are followed, and the links that are only
 * named. Plain links (LinkType Predecessor or Successor) are followed when they are
 * one-to-one: the earlier URN has no other successor and the later no other predecessor,
 * and the link is not part of a loop; chains of them (A → B → C) are followed to their end.
 * Every other link (merged, amalgamated, split, sixth form, …) and every plain link that is
 * not one-to-one is named, not followed.
 */
export interface SchoolLinks {
  file: string;
  /** Data rows read. */
  rows: number;
  /** Distinct plain links (a Successor row and the Predecessor row of the other end are one link). */
  plain: number;
  /** Rows of every other type (merged, amalgamated, split, …): named, never followed. */
  otherRows: number;
  /** URN → the URN it became (followed links). */
  next: Map<string, string>;
  /** URN → the URN it came from (followed links). */
  previous: Map<string, EarlierUrn>;
  /** Links not followed, under each URN they touch. */
  named: Map<string, NamedLink[]>;
  /** Plain one-to-one links not followed because both URNs have results in one year loaded
   * (withoutConcurrentLinks.ts); 0 as read from the file. */
  concurrent: number;
}

const PLAIN = new Set(['predecessor', 'successor']);
const DATE = /^(\d{2}[-/]\d{2}[-/]\d{4}|\d{4}-\d{2}-\d{2})$/;

/** The columns a links table is read by (names matched without regard to case). */
export const LINK_COLUMNS = { urn: 'URN', link: 'LinkURN', name: 'LinkName', type: 'LinkType', date: 'LinkEstablishedDate' } as const;

/**
 * The header names of `LINK_COLUMNS` in a links file's header (undefined: not there, for
 * LinkName and LinkEstablishedDate); without URN, LinkURN or LinkType it is not a links
 * file, an error naming the file and its columns.
 */
export function linkColumnsIn(header: readonly string[], file: string): Record<keyof typeof LINK_COLUMNS, string | undefined> {
  const cols = {} as Record<keyof typeof LINK_COLUMNS, string | undefined>;
  for (const [key, name] of Object.entries(LINK_COLUMNS) as [keyof typeof LINK_COLUMNS, string][]) cols[key] = findColumn(header, name);
  const needed = (['urn', 'link', 'type'] as const).filter((k) => cols[k] === undefined);
  if (needed.length) {
    throw new FosError(
      'COLUMN_NOT_FOUND',
      `column${needed.length > 1 ? 's' : ''} ${needed.map((k) => LINK_COLUMNS[k]).join(', ')} not found for the links file; columns are ${preview(header)}`,
      { file, line: 1 },
      'give a GIAS links file (links_edubasealldata*.csv: URN, LinkURN, LinkName, LinkType, LinkEstablishedDate)',
    );
  }
  return cols;
}

/**
 * Read a GIAS links table (docs/methodology.md, Schools that changed URN). URN, LinkURN and
 * LinkType are needed (LinkName and LinkEstablishedDate are read when present); a blank URN
 * or type, a school linked to itself, or a date that is not DD-MM-YYYY is an error naming
 * the line, column and value.
 *
 * Rows (A, B, Successor) and (B, A, Predecessor) are one link A → B; with (B, C, Successor)
 * too, A's latest URN is C. (D, A, Predecessor) beside (B, A, Predecessor): B has two
 * predecessors, and neither link is followed.
 */
export function schoolLinks(table: RawTable): SchoolLinks {
  const cols = linkColumnsIn(table.header, table.file);
  const at = (k: keyof typeof LINK_COLUMNS) => (cols[k] === undefined ? -1 : table.header.indexOf(cols[k]!));
  const [urnAt, linkAt, nameAt, typeAt, dateAt] = (['urn', 'link', 'name', 'type', 'date'] as const).map(at);
  const bad = (line: number, column: string, value: string, what: string, hint: string) => new FosError('BAD_VALUE', what, { file: table.file, line, column, value }, hint);

  const names = new Map<string, string>();
  // Plain links, "earlier>later" → the date written on each side (Predecessor row first).
  const plain = new Map<string, { from: string; to: string; predDate?: string; succDate?: string }>();
  const other: { urn: string; link: string; type: string; date: string }[] = [];
  const { rows } = table.scan((row, line) => {
    const urn = row.text(urnAt).trim();
    const link = row.text(linkAt).trim();
    const type = row.text(typeAt).trim();
    const date = dateAt >= 0 ? row.text(dateAt).trim() : '';
    if (!urn) throw bad(line, cols.urn!, urn, 'a link without a URN', 'every row of a links file names the school (URN) and the school it is linked to (LinkURN)');
    if (!link) throw bad(line, cols.link!, link, `URN ${urn}: a link without a LinkURN`, 'every row of a links file names the school (URN) and the school it is linked to (LinkURN)');
    if (link === urn) throw bad(line, cols.link!, link, `URN ${urn} is linked to itself`, 'remove the row, or correct the LinkURN');
    if (!type) throw bad(line, cols.type!, type, `the link ${urn} → ${link} has no LinkType`, 'GIAS writes Predecessor, Successor, "Predecessor - merged", …');
    if (date && !DATE.test(date)) throw bad(line, cols.date!, date, 'not a date', 'LinkEstablishedDate is written DD-MM-YYYY (e.g. 15-06-2017), or left blank');
    if (nameAt >= 0) {
      const name = row.text(nameAt).trim();
      if (name) names.set(link, name);
    }
    const lower = type.toLowerCase();
    if (!PLAIN.has(lower)) {
      other.push({ urn, link, type, date });
      return;
    }
    const [from, to] = lower === 'successor' ? [urn, link] : [link, urn];
    const key = `${from}>${to}`;
    const edge = plain.get(key) ?? { from, to };
    if (lower === 'predecessor') edge.predDate = date;
    else edge.succDate = date;
    plain.set(key, edge);
  });

  const successors = new Map<string, string[]>();
  const predecessors = new Map<string, string[]>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  for (const e of plain.values()) {
    push(successors, e.from, e.to);
    push(predecessors, e.to, e.from);
  }
  const named = new Map<string, NamedLink[]>();
  const nameLink = (at: string, l: NamedLink) => push(named, at, l);
  const next = new Map<string, string>();
  const previous = new Map<string, EarlierUrn>();
  const dateOf = (e: { predDate?: string; succDate?: string }) => e.predDate || e.succDate || '';
  for (const e of plain.values()) {
    const outs = successors.get(e.from)!;
    const ins = predecessors.get(e.to)!;
    if (outs.length === 1 && ins.length === 1) {
      next.set(e.from, e.to);
      previous.set(e.to, { id: e.from, date: dateOf(e) });
      continue;
    }
    const why = ins.length > 1 ? `${e.to} has ${ins.length} predecessors (${ins.join(', ')})` : `${e.from} has ${outs.length} successors (${outs.join(', ')})`;
    nameLink(e.to, { other: e.from, otherName: names.get(e.from) ?? '', type: 'Predecessor', date: dateOf(e), why: `${why}: not followed` });
    nameLink(e.from, { other: e.to, otherName: names.get(e.to) ?? '', type: 'Successor', date: dateOf(e), why: `${why}: not followed` });
  }
  // A loop of followed links (A → B → A: a file that has each URN as the other's
  // predecessor) has no latest URN: its links are named instead.
  for (const start of [...next.keys()]) {
    const seen = new Set<string>([start]);
    for (let x = next.get(start); x !== undefined; x = next.get(x)) {
      if (x !== start && !seen.has(x)) {
        seen.add(x);
        continue;
      }
      const loop = [...seen];
      for (const id of loop) {
        const to = next.get(id)!;
        nameLink(id, { other: to, otherName: names.get(to) ?? '', type: 'Successor', date: previous.get(to)?.date ?? '', why: `the links of ${loop.join(', ')} form a loop: not followed` });
      }
      for (const id of loop) {
        previous.delete(next.get(id)!);
        next.delete(id);
      }
      break;
    }
  }
  for (const o of other) {
    nameLink(o.urn, { other: o.link, otherName: names.get(o.link) ?? '', type: o.type, date: o.date, why: 'not followed' });
  }
  return { file: table.file, rows, plain: plain.size, otherRows: other.length, next, previous, named, concurrent: 0 };
}

/** The latest URN of a school: its followed links walked forward to their end (the id itself when it has none). */
export function latestId(links: SchoolLinks, id: string): string {
  let x = id;
  for (let y = links.next.get(x); y !== undefined; y = links.next.get(x)) x = y;
  return x;
}

/** The URNs a school had before, newest first (followed links walked back from `id`). */
export function earlierUrns(links: SchoolLinks, id: string): EarlierUrn[] {
  const out: EarlierUrn[] = [];
  for (let e = links.previous.get(id); e !== undefined; e = links.previous.get(e.id)) out.push(e);
  return out;
}
