import { basename } from 'node:path';
import type { YearData } from '../core/types.js';
import { pick, type Naming } from '../report/columns.js';
import type { Table } from '../report/model.js';
import { namedLinks } from '../report/wasUrn.js';
import type { CommandContext } from './context.js';

/** How many of a list to name in a line before "and N more". */
const NAMED = 8;
const some = (items: string[]) => (items.length > NAMED ? `${items.slice(0, NAMED).join('; ')}; and ${items.length - NAMED} more` : items.join('; '));
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
  const notFollowed = links.plain - links.next.size;
  const summary = [
    `Links (${file}): ${n(links.rows)} rows; ${n(links.plain)} plain predecessor/successor links, ${n(links.next.size)} followed (one-to-one, chains to the latest URN)${notFollowed ? `, ${n(notFollowed)} not (a URN with two predecessors or successors, or a loop)` : ''}; ${n(links.otherRows)} row${links.otherRows === 1 ? '' : 's'} of other links (merged, amalgamated, split, …), named, not followed.`,
  ];
  // Each school of the files by its key: the ids it has, and the years under each.
  const idsOf = new Map<string, Map<string, string[]>>();
  const nameOf = new Map<string, string>();
  for (const y of years) {
    const s = y.schools;
    const seen = new Map<string, string[]>();
    for (let r = 0; r < s.length; r++) {
      const k = key(s.id[r]);
      if (k === s.id[r] && !idsOf.has(k) && links.previous.get(k) === undefined) continue;
      const byId = idsOf.get(k) ?? idsOf.set(k, new Map()).get(k)!;
      (byId.get(s.id[r]) ?? byId.set(s.id[r], []).get(s.id[r])!).push(y.year);
      if (s.name[r]) nameOf.set(k, s.name[r]);
      (seen.get(k) ?? seen.set(k, []).get(k)!).push(s.id[r]);
    }
    const twice = [...seen].filter(([, ids]) => ids.length > 1).map(([k, ids]) => `${ids.join(' and ')} (one school, ${k})`);
    if (twice.length) summary.push(`${y.year}: two rows for one school: ${some(twice)}; the eligible row is used, else the one with results.`);
    const linked = y.join.linked ?? [];
    if (linked.length) summary.push(`${y.year}: ${linked.length} school${linked.length === 1 ? '’s' : 's’'} FSM row${linked.length === 1 ? ' is' : 's are'} under ${linked.length === 1 ? 'its' : 'their'} other URN, joined through the links: ${some(linked.map((l) => `${l.id} (FSM row ${l.fsmId})`))}.`);
  }
  const moved = [...idsOf].filter(([k, byId]) => [...byId.keys()].some((id) => id !== k));
  const rows = moved.flatMap(([k, byId]) =>
    [...byId].filter(([id]) => id !== k).map(([id, ys]) => ({ id: k, name: nameOf.get(k) ?? '', urn: id, urn_years: ys.join(' ') })),
  );
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
