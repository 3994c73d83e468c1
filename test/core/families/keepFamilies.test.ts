import { describe, expect, it } from 'vitest';
import { buildFamilies, membersOf, type FamilyOptions } from '../../../src/core/families/buildFamilies.js';
import { keepFamilies } from '../../../src/core/families/keepFamilies.js';
import { tableOfRows } from '../../../src/core/load/schoolTable.js';
import { school } from '../../helpers/schools.js';

const o: FamilyOptions = { method: 'neighbours', size: 3, tiesAll: false, bands: [0, 5, 100], groups: 2, context: [{ name: 'fsm', weight: 1 }] };
const table = (y: string, rows: [string, number][]) => tableOfRows(y, rows.map(([id, fsm]) => ({ ...school(id, fsm, 50), year: y })));

// Worked by hand. 2018 (% FSM): A 1, B 2, C 10, D 11; families of 3: A {A, B, C},
// C {C, D, B}, D {D, C, B}. 2019: B has closed, E opens at 10.2 (nearest old school: C).
// Kept: A {A, C}, C {C, D}, D {D, C}; E takes C's kept family: {E, C, D}.
describe('keepFamilies', () => {
  const base2018 = table('2018', [['A', 1], ['B', 2], ['C', 10], ['D', 11]]);
  const next2019 = table('2019', [['A', 1], ['C', 10], ['D', 11], ['E', 10.2]]);
  it('keeps each school’s base family less closed schools, and puts a new school with its nearest school', () => {
    const kept = keepFamilies(buildFamilies('2018', base2018, o), buildFamilies('2019', next2019, o));
    const ids = (i: number) => membersOf(kept.families, i).map((j) => kept.schools.id[j]);
    expect([0, 1, 2, 3].map(ids)).toEqual([['A', 'C'], ['C', 'D'], ['D', 'C'], ['E', 'C', 'D']]);
    expect(kept.options.keptFrom).toBe('2018');
  });
  it('with disjoint families, a new school joins its nearest school’s family (bands 0–5, 5–100 of 2018)', () => {
    const b = { ...o, method: 'bands' as const };
    const kept = keepFamilies(buildFamilies('2018', base2018, b), buildFamilies('2019', table('2019', [['A', 1], ['C', 10], ['E', 5.4]]), b));
    // E (5.4%) would be in band 5–100 on its own, but its nearest old school is A (1%, 4.4 away; C is 4.6): so with A.
    expect(kept.families.kind === 'disjoint' && Array.from(kept.families.group)).toEqual([0, 1, 0]);
  });
});
