import { basename } from 'node:path';
import type { YearData } from '../core/types.js';
import { pick, type Naming } from '../report/columns.js';
import type { Table } from '../report/model.js';
import { namedLinks } from '../report/wasUrn.js';
import { andMore } from '../report/andMore.js';
import { urnHistory } from '../core/load/urnHistory.js';
import type { CommandContext } from './context.js';

/** How many of a list to name in a line before "and N more". */
const NAMED = 8;
const some = (items: string[]) => andMore(items, NAMED, '; ');
const n = (x: number) => x.toLocaleString('en-GB');

/**
 * What `fos check` says of a --links file: what was read and followed, the schools of the
 * files loaded found under an earlier URN (a table), the FSM rows joined through a link,
 * the years with two rows for one school, and the links of loaded schools that are named,
 * not followed (docs/methodology.md, Schools that changed URN).
 */
export function checkLinks(ctx: CommandContext, years: readonly YearData[], naming: Naming): { summary: string[]; notes: string[]; table?: Table } {
  const links = ctx.links();
  if (!links) return { summary: [], notes: [] };
  const key = ctx.key();
  const file = basename(links.file);
  const notFollowed = links.plain - links.next.size - links.concurrent;
  const concurrent = links.concurrent ? `, ${n(links.concurrent)} not as both URNs have results in one year loaded (a school closed into one open already)` : '';
  const summary = [
    `Links (${file}): ${n(links.rows)} rows; ${n(links.plain)} plain predecessor/successor link${links.plain === 1 ? '' : 's'}, ${n(links.next.size)} followed (one-to-one, chains to the latest URN)${notFollowed ? `, ${n(notFollowed)} not (a URN with two predecessors or successors, or a loop)` : ''}${concurrent}; ${n(links.otherRows)} row${links.otherRows === 1 ? '' : 's'} of other links (merged, amalgamated, split, …), named, not followed.`,
  ];
  const history = urnHistory(years, key);
  // The row each year's analysis uses for a school with two (analyse.ts), by its id.
  const analysed = history.twice.length ? ctx.analyse() : [];
  const used = (year: string, k: string) => {
    const a = analysed.find((x) => x.year === year)!;
    return a.data.schools.id[a.rowOf(k)!];
  };
  for (const y of years) {
    const twice = history.twice.filter((t) => t.year === y.year).map((t) => `${t.ids.join(' and ')} (one school, ${t.key}: ${used(y.year, t.key)}’s row used)`);
    if (twice.length) summary.push(`${y.year}: two rows for one school: ${some(twice)}.`);
    const linked = y.join.linked ?? [];
    if (linked.length) summary.push(`${y.year}: ${linked.length} school${linked.length === 1 ? '’s' : 's’'} FSM row${linked.length === 1 ? ' is' : 's are'} under ${linked.length === 1 ? 'its' : 'their'} other URN, joined through the links: ${some(linked.map((l) => `${l.id} (FSM row ${l.fsmId})`))}.`);
  }
  const moved = history.moved;
  const rows = moved.flatMap((m) => m.urns.filter((u) => u.id !== m.key).map((u) => ({ id: m.key, name: m.name, urn: u.id, urn_years: u.years.join(' ') })));
  summary.push(`${moved.length} school${moved.length === 1 ? '' : 's'} of the files loaded ${moved.length === 1 ? 'has' : 'have'} years under an earlier URN, followed as one school (table "Schools under an earlier URN").`);
  const loaded = [...new Set(years.flatMap((y) => y.schools.id))];
  const named = namedLinks(links, loaded);
  const notes = named.length ? [`${named.length} link${named.length === 1 ? '' : 's'} of schools loaded ${named.length === 1 ? 'is' : 'are'} named in ${file} but not followed: ${some(named)}.`] : [];
  return {
    summary,
    notes,
    table: { id: 'links', title: 'Schools under an earlier URN (--links)', columns: pick(['id', 'name', 'urn', 'urn_years'], naming), rows },
  };
}
