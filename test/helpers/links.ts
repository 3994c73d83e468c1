import type { SchoolLinks } from '../../src/core/load/schoolLinks.js';

/** Followed links as schoolLinks.ts builds them from a links file, one [from, to, date] per
 * plain Predecessor/Successor link (each link is two rows of the file). */
export function followedLinks(links: [from: string, to: string, date: string][]): SchoolLinks {
  return {
    file: 'links.csv',
    rows: 2 * links.length,
    plain: links.length,
    otherRows: 0,
    next: new Map(links.map(([from, to]) => [from, to])),
    previous: new Map(links.map(([from, to, date]) => [to, { id: from, date }])),
    named: new Map(),
    concurrent: 0,
  };
}
