import { FosError } from '../errors.js';
import { idRanks } from '../idOrder.js';
import type { Runner } from '../runner.js';
import type { SchoolTable } from '../types.js';
import { bands } from './bands.js';
import { ckmeansFamilies } from './ckmeansFamilies.js';
import { contextSpace, type ContextSpace, type ContextWeight } from './context.js';
import type { DisjointFamilies } from './disjointFamilies.js';
import { neighbours, ownFamily, type OwnFamilies } from './neighbours.js';
import { quantiles } from './quantiles.js';
import { sizeFamilies } from './sizeFamilies.js';
import { strataOf, subRanks, subSpace, withinStrata } from './strata.js';
import { selectRows } from '../load/schoolTable.js';

export const FAMILY_METHODS = ['neighbours', 'bands', 'quantiles', 'ckmeans', 'size'] as const;
export type FamilyMethod = (typeof FAMILY_METHODS)[number];

export interface FamilyOptions {
  method: FamilyMethod;
  /** Family size N for `neighbours` and `size`. */
  size: number;
  /** Keep every school as near as the last member (`--ties all`). */
  tiesAll: boolean;
  /** % FSM edges for `bands`. */
  bands: number[];
  /** K for `quantiles` and `ckmeans`. */
  groups: number;
  context: ContextWeight[];
  /** --match: columns whose value a school's family shares (strata.ts); none when empty or absent. */
  match?: string[];
  /** Set on families kept from this year (keepFamilies.ts): they were not searched this year. */
  keptFrom?: string;
}

export type Families = OwnFamilies | DisjointFamilies;

/** One year's families over that year's eligible schools (in id order). */
export interface YearFamilies {
  year: string;
  schools: SchoolTable;
  idRank: Int32Array;
  space: ContextSpace;
  families: Families;
  options: FamilyOptions;
}

/** `run`: how a neighbour search is run (default: here). */
export function buildFamilies(year: string, eligible: SchoolTable, o: FamilyOptions, run?: Runner): YearFamilies {
  if (eligible.length < 2) {
    throw new FosError('TOO_FEW_SCHOOLS', `${year}: ${eligible.length} eligible school${eligible.length === 1 ? '' : 's'}; families need at least 2`, {}, 'run fos check to see why schools were left out');
  }
  const idRank = idRanks(eligible.id);
  const space = contextSpace(eligible, o.context);
  return { year, schools: eligible, idRank, space, families: makeFamilies(eligible, idRank, space, o, run), options: o };
}

/**
 * The same year's schools in families made another way: the id ranks, measures and (when
 * the context is unchanged) the context space are the year's own, so only the families
 * are made again.
 */
export function otherFamilies(yf: YearFamilies, change: Partial<FamilyOptions>, run?: Runner): YearFamilies {
  const o = { ...yf.options, keptFrom: undefined, ...change };
  const space = change.context ? contextSpace(yf.schools, o.context) : yf.space;
  return { ...yf, space, families: makeFamilies(yf.schools, yf.idRank, space, o, run), options: o };
}

function makeFamilies(eligible: SchoolTable, idRank: Int32Array, space: ContextSpace, o: FamilyOptions, run?: Runner): Families {
  if (!o.match?.length) return makeOne(eligible, idRank, space, o, run);
  // Within strata: each stratum's families by the method's own function, mapped back.
  const strata = strataOf(eligible, o.match);
  return withinStrata(strata, (s) => {
    const rows = strata.rows[s];
    return makeOne(selectRows(eligible, rows), subRanks(idRank, rows), subSpace(space, rows), o, run);
  });
}

function makeOne(eligible: SchoolTable, idRank: Int32Array, space: ContextSpace, o: FamilyOptions, run?: Runner): Families {
  switch (o.method) {
    case 'neighbours':
      return neighbours(space, idRank, o.size, o.tiesAll, run);
    case 'bands':
      return bands(eligible.fsm, eligible.id, o.bands);
    case 'quantiles':
      return quantiles(space.index, idRank, o.groups);
    case 'ckmeans':
      return ckmeansFamilies(space.index, idRank, o.groups);
    case 'size':
      return sizeFamilies(space.index, idRank, o.size);
  }
}

/** School i's family members (itself included). */
export function membersOf(f: Families, i: number): number[] {
  if (f.kind === 'own') return Array.from(ownFamily(f, i));
  const g = f.group[i];
  const out: number[] = [];
  for (let j = 0; j < f.group.length; j++) if (f.group[j] === g) out.push(j);
  return out;
}
