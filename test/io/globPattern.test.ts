import { describe, expect, it } from 'vitest';
import { globPattern } from '../../src/io/globPattern.js';

const matches = (pattern: string, names: string[]) => names.filter((n) => globPattern(pattern)!.test(n));
const NAMES = ['a.csv', 'b.csv', 'c.csv', 'ab.csv', 'A.CSV', 'a.txt', 'x[1].csv', '850.csv', '936.csv'];

describe('globPattern', () => {
  it('a name without a pattern character is no pattern', () => {
    expect(globPattern('ks4_2019.csv')).toBeUndefined();
    // An unclosed [ or { is itself, so the name is no pattern.
    expect(globPattern('x[1.csv')).toBeUndefined();
    expect(globPattern('x{1.csv')).toBeUndefined();
  });

  it('* any characters, ? one, without regard to case', () => {
    expect(matches('*.csv', NAMES)).toEqual(['a.csv', 'b.csv', 'c.csv', 'ab.csv', 'A.CSV', 'x[1].csv', '850.csv', '936.csv']);
    expect(matches('?.csv', NAMES)).toEqual(['a.csv', 'b.csv', 'c.csv', 'A.CSV']);
    // The dot is a dot, not "any character".
    expect(matches('a?csv', ['a.csv', 'aXcsv'])).toEqual(['a.csv', 'aXcsv']);
    expect(matches('a.csv*', ['aXcsv', 'a.csv'])).toEqual(['a.csv']);
  });

  it('[ab] one of them, [a-c] a range, [!a] / [^a] none of them', () => {
    expect(matches('[ab].csv', NAMES)).toEqual(['a.csv', 'b.csv', 'A.CSV']);
    expect(matches('[a-c].csv', NAMES)).toEqual(['a.csv', 'b.csv', 'c.csv', 'A.CSV']);
    expect(matches('[!a].csv', NAMES)).toEqual(['b.csv', 'c.csv']);
    expect(matches('[^ab].csv', NAMES)).toEqual(['c.csv']);
    expect(matches('[89]*.csv', NAMES)).toEqual(['850.csv', '936.csv']);
    // A ] first in the class is one of its characters.
    expect(matches('x[]1][]1].csv', ['x]1.csv', 'x11.csv', 'x[1].csv'])).toEqual(['x]1.csv', 'x11.csv']);
  });

  it('{a,b} either alternative, patterns inside them too', () => {
    expect(matches('{850,936}.csv', NAMES)).toEqual(['850.csv', '936.csv']);
    expect(matches('{a,b*}.csv', NAMES)).toEqual(['a.csv', 'b.csv', 'A.CSV']);
  });
});
