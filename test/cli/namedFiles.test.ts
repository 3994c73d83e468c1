import { describe, expect, it } from 'vitest';
import { namedFiles } from '../../src/cli/namedFiles.js';

describe('namedFiles', () => {
  it('gives each argument and what follows the last =, never the output file', () => {
    // By hand: '--fsm=2019=c.csv' is itself a candidate, and so is 'c.csv' after its last '=';
    // 'out.csv' follows -o and 'o.csv' is --output's value: both are written, not read.
    expect(namedFiles(['--fsm=2019=c.csv', '-o', 'out.csv', 'k.csv', '--output=o.csv', '2018=a.csv', '--output', 'x.csv'])).toEqual(['--fsm=2019=c.csv', 'c.csv', 'k.csv', '2018=a.csv', 'a.csv']);
    expect(namedFiles([])).toEqual([]);
  });
});
