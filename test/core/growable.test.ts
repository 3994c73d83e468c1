import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Growable } from '../../src/core/growable.js';

describe('Growable', () => {
  it('keeps every value pushed, in order, past its first room (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 300 }), fc.integer({ min: 0, max: 8 }), (xs, room) => {
        const g = new Growable((n) => new Int32Array(n), room);
        for (const x of xs) g.push(x);
        expect(g.length).toBe(xs.length);
        expect(Array.from(g.values())).toEqual(xs);
      }),
    );
  });

  it('makes its arrays with the maker it is given (worked by hand: room 2, then 4, then 8)', () => {
    const made: number[] = [];
    const g = new Growable((n) => (made.push(n), new Float64Array(new SharedArrayBuffer(8 * n))), 2);
    for (const x of [0.5, 1.5, 2.5, 3.5, 4.5]) g.push(x);
    expect(made).toEqual([2, 4, 8]);
    expect(g.values().buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(g.values())).toEqual([0.5, 1.5, 2.5, 3.5, 4.5]);
  });

  it('reserve gives room for values written in place, keeping those before (worked by hand: room 2 holding 2 values, 4 more asked: the larger of 2 × 2 and 2 + 4, 6)', () => {
    const g = new Growable((n) => new Int32Array(n), 2);
    g.push(7);
    const a = g.reserve(1);
    expect(a.length).toBe(2);
    a[g.length++] = 8;
    const b = g.reserve(4);
    expect(b.length).toBe(6);
    b.set([9, 10, 11, 12], g.length);
    g.length += 4;
    expect(Array.from(g.values())).toEqual([7, 8, 9, 10, 11, 12]);
  });
});
