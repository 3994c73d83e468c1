import { ownFamily, type OwnFamilies } from '../../src/core/families/neighbours.js';

/** Every school's family (itself first, then nearest first), in school order: rows can
 * come in any order and parts, so two searches are compared this way. */
export const bySchool = (f: OwnFamilies): number[][] => Array.from(f.rowOf, (_, i) => Array.from(ownFamily(f, i)));
