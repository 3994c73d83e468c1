import type { SchoolKey } from '../schoolKey.js';
import type { YearData } from '../types.js';

/** A school of the files loaded found under an earlier URN: its key, its latest name, and each URN it has rows under with the years. */
export interface MovedSchool {
  key: string;
  /** The last name the files give it ('' when none). */
  name: string;
  /** Each id it has rows under (its key among them when it has rows under it), in the order first seen, with the years. */
  urns: { id: string; years: string[] }[];
}

/** The schools' ids across the years loaded, by school key (`--links`): see urnHistory. */
export interface UrnHistory {
  /** The schools with a row under an id that is not their key, in the order first seen (year, then row). */
  moved: MovedSchool[];
  /** A year's rows of one school under two or more ids (the year of a conversion): the ids, in row order. */
  twice: { year: string; key: string; ids: string[] }[];
  /** The last year loaded with a row under each id of the moved schools. */
  lastYear: Map<string, string>;
}

/**
 * Which schools of the files loaded have years under an earlier URN, and which years have
 * two rows for one school, by the years' school key (schoolKey.ts). Without links every id
 * is its own key, and nothing has moved.
 *
 * 2017 and 2018 under 106, 2019 under 906, key(106) = 906: moved [{ key 906, urns 106
 * (2017 2018), 906 (2019) }]; lastYear 106 → 2018, 906 → 2019.
 */
export function urnHistory(years: readonly Pick<YearData, 'year' | 'schools'>[], key: SchoolKey): UrnHistory {
  // First the keys with a row under another id; then, for those alone, every row.
  const movedKeys = new Set<string>();
  for (const y of years) for (const id of y.schools.id) if (key(id) !== id) movedKeys.add(key(id));
  const byKey = new Map<string, MovedSchool>();
  const twice: UrnHistory['twice'] = [];
  const lastYear = new Map<string, string>();
  for (const y of years) {
    const s = y.schools;
    const seen = new Map<string, string[]>();
    for (let r = 0; r < s.length; r++) {
      const id = s.id[r];
      const k = key(id);
      if (!movedKeys.has(k)) continue;
      const school = byKey.get(k) ?? byKey.set(k, { key: k, name: '', urns: [] }).get(k)!;
      const urn = school.urns.find((u) => u.id === id) ?? school.urns[school.urns.push({ id, years: [] }) - 1];
      if (urn.years[urn.years.length - 1] !== y.year) urn.years.push(y.year);
      if (s.name[r]) school.name = s.name[r];
      lastYear.set(id, y.year);
      (seen.get(k) ?? seen.set(k, []).get(k)!).push(id);
    }
    for (const [k, ids] of seen) if (ids.length > 1) twice.push({ year: y.year, key: k, ids });
  }
  return { moved: [...byKey.values()], twice, lastYear };
}
