import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds, idOrder, idRanks, matchIds } from '../../src/core/idOrder.js';

describe('compareIds', () => {
  it('compares digit ids as numbers, others as text', () => {
    expect(compareIds('9', '10')).toBeLessThan(0);
    expect(compareIds('100049', '99999')).toBeGreaterThan(0);
    expect(compareIds('A10', 'A9')).toBeLessThan(0); // text: '1' < '9'
    expect(compareIds('B', 'A10')).toBeGreaterThan(0);
    // digit ids before others, which keeps the order transitive (see idOrder.ts)
    expect(compareIds('9', '10A')).toBeLessThan(0);
  });

  it('keeps leading zeros distinct but orders them after equal numbers by text', () => {
    expect(compareIds('0123', '123')).toBeLessThan(0);
    expect(compareIds('123', '0123')).toBeGreaterThan(0);
    expect(compareIds('007', '7')).not.toBe(0);
  });

  it('is a total order: antisymmetric and transitive (property)', () => {
    const id = fc.oneof(fc.stringMatching(/^[0-9]{1,6}$/), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 30 }), (ids) => {
        const sorted = [...ids].sort(compareIds);
        for (let i = 1; i < sorted.length; i++) expect(compareIds(sorted[i - 1], sorted[i])).toBeLessThanOrEqual(0);
        for (const a of ids) for (const b of ids) expect(Math.sign(compareIds(a, b)) + Math.sign(compareIds(b, a))).toBe(0);
        const ranks = idRanks(ids);
        ids.forEach((a, i) => ids.forEach((b, j) => {
          if (compareIds(a, b) < 0) expect(ranks[i]).toBeLessThan(ranks[j]);
        }));
      }),
    );
  });

  it('idOrder sorts as compareIds does, long digit ids included (property)', () => {
    const id = fc.oneof(fc.stringMatching(/^0{0,2}[0-9]{1,20}$/), fc.constantFrom('7', '07', '007', '9999999999999999', '10000000000000000'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 40 }), (ids) => {
        expect(Array.from(idOrder(ids), (i) => ids[i])).toEqual([...ids].sort(compareIds));
      }),
      { numRuns: 300 },
    );
  });

  it('idOrder of digit-only ids (a native sort of numbers) equals a stable sort by compareIds, leading zeros and repeats included (property)', () => {
    // Short ids repeat often (and 7, 07, 007 are equal in value); 10-digit ones take the comparator sort.
    const id = fc.oneof(fc.stringMatching(/^0{0,2}[0-9]{1,2}$/), fc.stringMatching(/^[1-9][0-9]{5,8}$/), fc.stringMatching(/^[1-9][0-9]{9}$/));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), (ids) => {
        const stable = ids.map((_, i) => i).sort((i, j) => compareIds(ids[i], ids[j]));
        expect(Array.from(idOrder(ids))).toEqual(stable);
      }),
      { numRuns: 300 },
    );
  });

  it('idOrder keeps equal ids in their order, sorted input or not', () => {
    expect(Array.from(idOrder(['5', '3', '5', '3']))).toEqual([1, 3, 0, 2]);
    expect(Array.from(idOrder(['1', '2', '2', '3']))).toEqual([0, 1, 2, 3]);
  });

  it('matchIds pairs each id with the same id in the other list, as a lookup table does (property)', () => {
    const id = fc.oneof(fc.stringMatching(/^0{0,2}[0-9]{1,4}$/), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 30 }), fc.uniqueArray(id, { maxLength: 30 }), (a, b) => {
        const at = new Map(b.map((x, j) => [x, j]));
        expect(Array.from(matchIds(a, idOrder(a), b, idOrder(b)))).toEqual(a.map((x) => at.get(x) ?? -1));
      }),
      { numRuns: 300 },
    );
  });
});

