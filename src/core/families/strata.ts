import { FosError } from '../errors.js';
import type { SchoolTable } from '../types.js';
import type { ContextSpace } from './context.js';
import { compactGroups, type DisjointFamilies } from './disjointFamilies.js';
import type { OwnFamilies } from './neighbours.js';

/** The two strata of an admissions column. */
export const SELECTIVE = 'selective';
export const NON_SELECTIVE = 'non-selective';

/** Whether a column holds a school's admissions policy: DfE's `ADMPOL` (performance tables)
 * or GIAS's `AdmissionsPolicy (name)`. */
export function isAdmissionsColumn(column: string): boolean {
  const c = column.trim().toLowerCase();
  return c === 'admpol' || c.startsWith('admissionspolicy');
}

/**
 * The stratum a school's value of a --match column puts it in. Admissions columns have two:
 * `selective` (ADMPOL `SEL`, GIAS "Selective") and `non-selective` (every other value,
 * blank included: COMP, MOD (secondary modern), NA, "Non-selective", "Not applicable"),
 * so a grammar school is compared with grammar schools and a comprehensive or a secondary
 * modern with the rest. Any other column: the value itself (trimmed; case kept), blank
 * being a stratum of its own.
 *
 * stratumValue('ADMPOL', 'SEL') // => 'selective'
 * stratumValue('ADMPOL', 'MOD') // => 'non-selective'
 */
export function stratumValue(column: string, value: string): string {
  const v = value.trim();
  if (!isAdmissionsColumn(column)) return v;
  const selective = column.trim().toLowerCase() === 'admpol' ? v.toUpperCase() === 'SEL' : v.toLowerCase() === 'selective';
  return selective ? SELECTIVE : NON_SELECTIVE;
}

/** Schools split by the values of the --match columns: stratum[i] is school i's stratum
 * (numbered in order of first appearance), rows[s] the schools of stratum s in school order,
 * labels[s] its values ("selective", or "selective / Secondary" for two columns). */
export interface Strata {
  stratum: Int32Array;
  rows: Int32Array[];
  labels: string[];
}

export function strataOf(schools: SchoolTable, match: readonly string[]): Strata {
  const columns = match.map((col) => {
    const values = schools.match?.[col];
    if (!values) throw new FosError('INVALID_OPTION', `--match ${col} was not loaded`, {}, 'name the column with --match when the files are read');
    return { col, values };
  });
  const n = schools.length;
  const stratum = new Int32Array(n);
  const number = new Map<string, number>();
  const members: number[][] = [];
  for (let i = 0; i < n; i++) {
    const label = columns.map((c) => stratumValue(c.col, c.values[i] ?? '')).join(' / ');
    let s = number.get(label);
    if (s === undefined) {
      s = number.size;
      number.set(label, s);
      members.push([]);
    }
    stratum[i] = s;
    members[s].push(i);
  }
  return { stratum, rows: members.map((m) => Int32Array.from(m)), labels: [...number.keys()] };
}

/** The part of a context space for some schools (`rows`, in school order): the same
 * standardised coordinates, so a stratum's distances are the year's distances. */
export function subSpace(space: ContextSpace, rows: Int32Array): ContextSpace {
  const D = space.dims;
  const coords = new Float64Array(rows.length * D);
  const index = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    for (let d = 0; d < D; d++) coords[k * D + d] = space.coords[rows[k] * D + d];
    index[k] = space.index[rows[k]];
  }
  return { vars: space.vars, stats: space.stats, dims: D, coords, index };
}

/** Id ranks 0 .. m − 1 of some schools, in the order of their ranks among all. */
export function subRanks(idRank: Int32Array, rows: Int32Array): Int32Array {
  const order = Array.from(rows.keys()).sort((a, b) => idRank[rows[a]] - idRank[rows[b]]);
  const out = new Int32Array(rows.length);
  order.forEach((k, r) => (out[k] = r));
  return out;
}

/**
 * Families made within each stratum and mapped back to the year's schools: `build(s)`
 * gives stratum s's families over its own schools (0 .. rows[s].length − 1, as any method
 * makes them), so a school's family holds only schools of its stratum, made by the method's
 * own function. Own families stay own (itself first, then nearest first); disjoint ones are
 * renumbered over all strata (stratum by stratum, each in its own order).
 *
 * The result of own families has no single search index (each stratum had its own), so
 * asking one of it is an error: other sizes are made again with otherFamilies.
 */
export function withinStrata(strata: Strata, build: (s: number) => OwnFamilies | DisjointFamilies): OwnFamilies | DisjointFamilies {
  const n = strata.stratum.length;
  const parts = strata.rows.map((_, s) => build(s));
  if (parts.every((p) => p.kind === 'disjoint')) {
    const group = new Int32Array(n);
    const order: number[] = [];
    let base = 0;
    parts.forEach((p, s) => {
      const rows = strata.rows[s];
      const f = p as DisjointFamilies;
      for (let k = 0; k < rows.length; k++) group[rows[k]] = base + f.group[k];
      // Each stratum's families in their own first-appearance order.
      const first = new Int32Array(f.count).fill(-1);
      for (let k = 0; k < rows.length; k++) if (first[f.group[k]] < 0) first[f.group[k]] = k;
      for (let g = 0; g < f.count; g++) order.push(rows[first[g]]);
      base += f.count;
    });
    return compactGroups(group, order);
  }
  const offsets = new Int32Array(n + 1);
  parts.forEach((p, s) => {
    const f = p as OwnFamilies;
    strata.rows[s].forEach((i, k) => (offsets[i + 1] = f.offsets[k + 1] - f.offsets[k]));
  });
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const members = new Int32Array(offsets[n]);
  parts.forEach((p, s) => {
    const f = p as OwnFamilies;
    const rows = strata.rows[s];
    for (let k = 0; k < rows.length; k++) {
      let at = offsets[rows[k]];
      for (let j = f.offsets[k]; j < f.offsets[k + 1]; j++) members[at++] = rows[f.members[j]];
    }
  });
  return ownWithoutIndex(offsets, members, 'families made within strata');
}

/** Own families not found by one search (within strata, or kept from another year): asking
 * for their search index is an error, since none holds them; other sizes are made again
 * with otherFamilies. */
export function ownWithoutIndex(offsets: Int32Array, members: Int32Array, what: string): OwnFamilies {
  return {
    kind: 'own',
    offsets,
    members,
    get index(): never {
      throw new Error(`${what} have no single search index: make other sizes with otherFamilies`);
    },
  } as OwnFamilies;
}
