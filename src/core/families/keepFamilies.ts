import { compactGroups } from './disjointFamilies.js';
import { membersOf, type Families, type YearFamilies } from './buildFamilies.js';
import { ownWithoutIndex } from './strata.js';
import { keyIndex, ownId, type SchoolKey } from '../schoolKey.js';

/**
 * The families of a base year kept in a later year (`--keep-families YEAR`, as the London
 * booklets kept families between editions): each school of the later year that was in the
 * base year keeps its base family, less the schools no longer eligible (closed, or left
 * out that year); a new school takes the family of its nearest school in the later year's
 * context that was in the base year (ties to the smaller id) — that school's kept family,
 * with the new school first — and, with disjoint families, joins that school's family.
 * Schools are matched by `key` (by id; with links, a school under its new URN is the
 * school it was). `later`: the later year's own families (its schools, ids and context
 * space are used; its families are replaced).
 */
export function keepFamilies(base: YearFamilies, later: YearFamilies, key: SchoolKey = ownId): YearFamilies {
  const s = later.schools;
  const n = s.length;
  const baseIndex = keyIndex(base.schools.id, key);
  const laterIndex = keyIndex(s.id, key);
  // Each school's row in the base year (−1: not there), and each base school's row in this one.
  const inBase = Int32Array.from({ length: n }, (_, i) => baseIndex.get(key(s.id[i])) ?? -1);
  const baseRow = (i: number) => inBase[i];
  const laterRow = (baseId: string) => laterIndex.get(key(baseId));
  const old: number[] = [];
  for (let i = 0; i < n; i++) if (inBase[i] >= 0) old.push(i);
  // Each school's anchor: itself when it was in the base year, else its nearest such school.
  const D = later.space.dims;
  const c = later.space.coords;
  const anchor = Int32Array.from({ length: n }, (_, i) => {
    if (inBase[i] >= 0) return i;
    let best = -1;
    let bestD = Infinity;
    for (const j of old) {
      let d = 0;
      for (let k = 0; k < D; k++) d += (c[i * D + k] - c[j * D + k]) ** 2;
      if (d < bestD || (d === bestD && later.idRank[j] < later.idRank[best])) [best, bestD] = [j, d];
    }
    return best;
  });
  const families: Families = base.families.kind === 'disjoint' ? keptGroups(base, later, anchor, baseRow) : keptOwn(base, later, anchor, baseRow, laterRow);
  return { ...later, families, options: { ...later.options, keptFrom: base.year } };
}

function keptGroups(base: YearFamilies, later: YearFamilies, anchor: Int32Array, baseRow: (i: number) => number): Families {
  const f = base.families as Extract<Families, { kind: 'disjoint' }>;
  const group = Int32Array.from(anchor, (a) => (a < 0 ? 0 : f.group[baseRow(a)]));
  const order = Array.from(later.idRank.keys()).sort((x, y) => later.idRank[x] - later.idRank[y]);
  return compactGroups(group, order);
}

function keptOwn(base: YearFamilies, later: YearFamilies, anchor: Int32Array, baseRow: (i: number) => number, laterRow: (baseId: string) => number | undefined): Families {
  const n = later.schools.length;
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = anchor[i];
    if (a < 0) {
      rows.push([i]);
      continue;
    }
    const kept = membersOf(base.families, baseRow(a))
      .map((m) => laterRow(base.schools.id[m]))
      .filter((j): j is number => j !== undefined && j !== i);
    rows.push([i, ...kept]);
  }
  const offsets = new Int32Array(n + 1);
  rows.forEach((r, i) => (offsets[i + 1] = offsets[i] + r.length));
  const members = Int32Array.from(rows.flat());
  return ownWithoutIndex(offsets, members, 'kept families');
}
