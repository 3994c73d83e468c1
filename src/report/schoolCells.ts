import type { SchoolYear } from '../core/types.js';
import type { Cell } from './model.js';

/** A school's own cells, in the catalogue's names: id, name, la, fsm, measure, cohort. */
export function schoolCells(s: SchoolYear): Record<'id' | 'name' | 'la' | 'fsm' | 'measure' | 'cohort', Cell> {
  return { id: s.id, name: s.name, la: s.la, fsm: s.fsm, measure: s.measure, cohort: s.cohort };
}
