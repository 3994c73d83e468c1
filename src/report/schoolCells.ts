import type { SchoolTable } from '../core/types.js';
import { orNull } from '../core/orNull.js';
import type { Cell } from './model.js';

/** School k's own cells, read from its table in the catalogue's names: id, name, la, fsm, measure, cohort. */
export function schoolCells(t: SchoolTable, k: number): Record<'id' | 'name' | 'la' | 'fsm' | 'measure' | 'cohort', Cell> {
  return { id: t.id[k], name: t.name[k], la: t.la[k], fsm: orNull(t.fsm[k]), measure: orNull(t.measure[k]), cohort: orNull(t.cohort[k]) };
}
