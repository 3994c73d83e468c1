import { describe, expect, it } from 'vitest';
import { andMore } from '../../src/report/andMore.js';

describe('andMore: the first of a list, the rest counted', () => {
  it('names up to max items, then "and N more" in the same separator', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `c${i + 1}`);
    // 10 items, 8 named: 2 more.
    expect(andMore(ten, 8, '; ')).toBe('c1; c2; c3; c4; c5; c6; c7; c8; and 2 more');
    expect(andMore(ten, 8, ', ')).toBe('c1, c2, c3, c4, c5, c6, c7, c8, and 2 more');
    expect(andMore(ten.slice(0, 8), 8, ', ')).toBe('c1, c2, c3, c4, c5, c6, c7, c8');
  });
});
