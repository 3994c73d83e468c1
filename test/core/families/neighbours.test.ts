import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextSpace } from '../../../src/core/families/context.js';
import { buildNeighbourIndex, inSchoolOrder, ownFamily, neighbours, searchFamilies, type OwnFamilies } from '../../../src/core/families/neighbours.js';
import { idRanks } from '../../../src/core/idOrder.js';
import { bruteForceFamilies } from '../../helpers/bruteForce.js';
import { school, table } from '../../helpers/schools.js';

const familyOf = (f: OwnFamilies, i: number) => Array.from(ownFamily(f, i));
const sets = (f: OwnFamilies, n: number) => Array.from({ length: n }, (_, i) => familyOf(f, i).slice(1).sort((a, b) => a - b));

describe('neighbours', () => {
  // Worked by hand: FSM 10, 12, 14, 20, 30 (ids 1..5), N = 3 (itself + 2).
  // School 3 (14): distances 4 (id 1), 2 (id 2), 6 (id 4), 16 → {2, 1}.
  // School 2 (12): 2 (id 1), 2 (id 3) tie → both, family {1, 3}.
  // School 4 (20): 6 (id 3), 8 (id 2), 10 (id 5) → {3, 2}.
  const five = [10, 12, 14, 20, 30].map((f, k) => school(String(k + 1), f, 50));
  const space = contextSpace(table(five), [{ name: 'fsm', weight: 1 }]);
  const ranks = idRanks(five.map((s) => s.id));

  it('takes the nearest schools, itself first', () => {
    const f = neighbours(space, ranks, 3, false);
    expect(familyOf(f, 2)).toEqual([2, 1, 0]);
    expect(familyOf(f, 1)).toEqual([1, 0, 2]);
    expect(familyOf(f, 3)).toEqual([3, 2, 1]);
    expect(familyOf(f, 4)).toEqual([4, 3, 2]);
  });

  it('gives a tie to the smaller id, or keeps all with --ties all', () => {
    // School 2 (12) with N = 2: 10 and 14 are both 2 away → id 1 wins; ties all → both.
    expect(familyOf(neighbours(space, ranks, 2, false), 1)).toEqual([1, 0]);
    expect(familyOf(neighbours(space, ranks, 2, true), 1)).toEqual([1, 0, 2]);
  });

  it('treats distances equal within 1e-9 as tied, so float noise never picks a member', () => {
    // 47.3 − 47.1 and 47.5 − 47.3 differ in binary; ids say 47.5 (id 1) wins.
    const s = [school('1', 47.5, 50), school('2', 47.3, 50), school('3', 47.1, 50)];
    const sp = contextSpace(table(s), [{ name: 'fsm', weight: 1 }]);
    expect(47.3 - 47.1).not.toBe(47.5 - 47.3);
    expect(familyOf(neighbours(sp, idRanks(s.map((x) => x.id)), 2, false), 1)).toEqual([1, 0]);
  });

  it('gives a smaller family when fewer schools are eligible', () => {
    const f = neighbours(space, ranks, 20, false);
    expect(familyOf(f, 0)).toHaveLength(5);
  });

  const schoolsArb = (dims: number) =>
    fc.array(fc.tuple(...Array.from({ length: dims }, () => fc.integer({ min: 0, max: 30 }))), { minLength: 2, maxLength: 60 }).map((rows) =>
      rows.map((r, k) => school(String(1000 - k * 7), r[0] / 2, 50, { context: Object.fromEntries(r.slice(1).map((v, d) => [`v${d}`, v / 3])) })),
    );

  for (const dims of [1, 2, 3]) {
    it(`equals the all-pairs brute force with ${dims} variable${dims > 1 ? 's' : ''}, ties included (property)`, () => {
      fc.assert(
        fc.property(schoolsArb(dims), fc.integer({ min: 2, max: 12 }), fc.boolean(), (schools, size, tiesAll) => {
          const vars = [{ name: 'fsm', weight: 1 }, ...Array.from({ length: dims - 1 }, (_, d) => ({ name: `v${d}`, weight: 0.5 + d }))];
          const sp = contextSpace(table(schools), vars);
          const r = idRanks(schools.map((s) => s.id));
          const fast = neighbours(sp, r, size, tiesAll);
          const slow = bruteForceFamilies(sp, r, size, tiesAll);
          expect(sets(fast, schools.length)).toEqual(slow.map((m) => m.slice(1).sort((a, b) => a - b)));
        }),
        { numRuns: 150 },
      );
    });
  }

  it('does not depend on the order of the rows (property)', () => {
    fc.assert(
      fc.property(schoolsArb(2), (schools) => {
        const run = (list: typeof schools) => {
          const sp = contextSpace(table(list), [{ name: 'fsm', weight: 1 }, { name: 'v0', weight: 1 }]);
          const f = neighbours(sp, idRanks(list.map((s) => s.id)), 5, false);
          return new Map(list.map((s, i) => [s.id, familyOf(f, i).map((j) => list[j].id).sort().join()]));
        };
        expect(run([...schools].reverse())).toEqual(run(schools));
      }),
      { numRuns: 100 },
    );
  });

  it('finds the families of several sizes from one search, each as its own search would (property)', () => {
    fc.assert(
      fc.property(schoolsArb(3), fc.uniqueArray(fc.integer({ min: 2, max: 12 }), { minLength: 2, maxLength: 3 }), fc.boolean(), (schools, sizes, tiesAll) => {
        const sp = contextSpace(table(schools), [{ name: 'fsm', weight: 1 }, { name: 'v0', weight: 1 }, { name: 'v1', weight: 2 }]);
        const index = buildNeighbourIndex(sp, idRanks(schools.map((s) => s.id)));
        const together = searchFamilies(index, index.inSearchOrder(), sizes, tiesAll);
        sizes.forEach((size, s) => {
          const [alone] = searchFamilies(index, index.inSearchOrder(), [size], tiesAll);
          expect(Array.from(together[s].offsets)).toEqual(Array.from(alone.offsets));
          expect(Array.from(together[s].members)).toEqual(Array.from(alone.members));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('gives each school the same family whatever schools are searched with it, in any order (property)', () => {
    fc.assert(
      fc.property(schoolsArb(3), fc.integer({ min: 2, max: 8 }), fc.boolean(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (schools, size, tiesAll, seed) => {
        const sp = contextSpace(table(schools), [{ name: 'fsm', weight: 1 }, { name: 'v0', weight: 1 }, { name: 'v1', weight: 2 }]);
        const all = neighbours(sp, idRanks(schools.map((s) => s.id)), size, tiesAll);
        // Some of the schools, shuffled, searched on their own: the split a scheduler makes.
        let x = seed;
        const some = Int32Array.from(schools.map((_, i) => i).filter(() => ((x = (x * 1103515245 + 12345) % 2 ** 31) & 4) === 0)).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
        const [rows] = searchFamilies(all.index, some, [size], tiesAll);
        some.forEach((i, k) => expect(Array.from(rows.members.subarray(rows.offsets[k], rows.offsets[k + 1]))).toEqual(familyOf(all, i)));
      }),
      { numRuns: 100 },
    );
  });

  it('lays rows out in school order, rows of one length moved in place, others copied (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, m, uneven, seed) => {
        let x = seed;
        const next = (k: number) => (x = (x * 1103515245 + 12345) % 2 ** 31) % k;
        const schools = Int32Array.from({ length: n }, (_, i) => i);
        for (let i = n - 1; i > 0; i--) {
          const j = next(i + 1);
          [schools[i], schools[j]] = [schools[j], schools[i]];
        }
        // Row k (for school schools[k]) holds m values (one more for some when uneven), each 100·school + place.
        const rows = schools.map((s) => (uneven && s % 3 === 0 ? m + 1 : m));
        const offsets = new Int32Array(n + 1);
        rows.forEach((len, k) => (offsets[k + 1] = offsets[k] + len));
        const members = new Int32Array(offsets[n]);
        schools.forEach((s, k) => {
          for (let j = 0; j < rows[k]; j++) members[offsets[k] + j] = 100 * s + j;
        });
        const laid = inSchoolOrder({ schools, offsets, members }, n);
        for (let i = 0; i < n; i++) {
          const row = Array.from(laid.members.subarray(laid.offsets[i], laid.offsets[i + 1]));
          expect(row).toEqual(Array.from({ length: uneven && i % 3 === 0 ? m + 1 : m }, (_, j) => 100 * i + j));
        }
      }),
      { numRuns: 200 },
    );
  });
});
