import { compactGroups } from './disjointFamilies.js';
import { membersOf, type Families, type YearFamilies } from './buildFamilies.js';
import { ownWithoutIndex } from './strata.js';

/**
 * The families of a base year kept in a later year (`--keep-families YEAR`, as the London
 * booklets kept families between editions): each school of the later year that was in the
 * base year keeps its base family, less the schools no longer eligible (closed, or left
 * out that year); a new school takes the family of its nearest school in the later year's
 * context that was in the base year (ties to the smaller id) — that school's kept family,
 * with the new school first — and, with disjoint families, joins that school's family.
 * Schools are matched by id. `later`: the later year's own families (its schools, ids and
 * context space are used; its families are replaced).
 */
export function keepFamilies(base: YearFamilies, later: YearFamilies): YearFamilies {
  const s = later.schools;
  const n = s.length;
  const baseRow = new Map(base.schools.id.map((id, i) => [id, i]));
  const laterRow = new Map(s.id.map((id, i) => [id, i]));
  const old: number[] = [];
  for (let i = 0; i < n; i++) if (baseRow.has(s.id[i])) old.push(i);
  // Each school's anchor: itself when it was in the base year, else its nearest such school.
  const D = later.space.dims;
  const c = later.space.coords;
  const anchor = Int32Array.from({ length: n }, (_, i) => {
    if (baseRow.has(s.id[i])) return i;
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

function keptGroups(base: YearFamilies, later: YearFamilies, anchor: Int32Array, baseRow: Map<string, number>): Families {
  const f = base.families as Extract<Families, { kind: 'disjoint' }>;
  const group = Int32Array.from(anchor, (a) => (a < 0 ? 0 : f.group[baseRow.get(later.schools.id[a])!]));
  const order = Array.from(later.idRank.keys()).sort((x, y) => later.idRank[x] - later.idRank[y]);
  return compactGroups(group, order);
}

function keptOwn(base: YearFamilies, later: YearFamilies, anchor: Int32Array, baseRow: Map<string, number>, laterRow: Map<string, number>): Families {
  const n = later.schools.length;
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = anchor[i];
    if (a < 0) {
      rows.push([i]);
      continue;
    }
    const kept = membersOf(base.families, baseRow.get(later.schools.id[a])!)
      .map((m) => laterRow.get(base.schools.id[m]))
      .filter((j): j is number => j !== undefined && j !== i);
    rows.push([i, ...kept]);
  }
  const offsets = new Int32Array(n + 1);
  rows.forEach((r, i) => (offsets[i + 1] = offsets[i] + r.length));
  const members = Int32Array.from(rows.flat());
  return ownWithoutIndex(offsets, members, 'kept families');
}
