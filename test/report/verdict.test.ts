import { describe, expect, it } from 'vitest';
import { candidateReason } from '../../src/core/compare/compareFamilies.js';
import type { Comparison } from '../../src/core/compare/comparisons.js';
import { verdict } from '../../src/report/verdict.js';
import { school } from '../helpers/schools.js';

// A school 4.7 points under its family median on a lower-is-better measure: z −1.4241.
const low: Comparison = { size: 20, median: 50, mean: 49, sd: 3, gap: -4.7, z: -1.4241, rank: 2, percentile: 94, label: 'well above', family: '1', candidate: true, why: 'qualifies' };

describe('words when lower is better', () => {
  it('the verdict says better / worse, never "above" beside "points below"', () => {
    expect(verdict(low, true)).toBe('Much better than similar schools: 2nd of 20, 4.7 points below the family median (lower is better).');
    expect(verdict({ ...low, label: 'below', gap: 2 }, true)).toMatch(/^Worse than similar schools: .*2 points above/);
    expect(verdict({ ...low, gap: 4.7, z: 1.4241 }, false)).toBe('Well above similar schools: 2nd of 20, 4.7 points above the family median.');
  });

  it('the reason prints z with its sign, against the threshold on the lower side', () => {
    const rule = { threshold: 1, lowerIsBetter: true, hasBounds: false };
    expect(candidateReason(low, school('1', 10, 45), rule)).toBe('z -1.42 ≤ -1');
    expect(candidateReason({ ...low, z: -0.5, why: 'below threshold', candidate: false }, school('1', 10, 45), rule)).toBe('z -0.50 > -1');
    expect(candidateReason({ ...low, z: 1.84 }, school('1', 10, 45), { ...rule, lowerIsBetter: false })).toBe('z 1.84 ≥ 1');
  });
});

describe('the gap in words', () => {
  it('a gap that rounds to 0 is level with the family median; 1 is one point', () => {
    // 0.04 rounds to 0.0 at one decimal; -0.04 likewise (never "0 points below").
    expect(verdict({ ...low, label: 'close to', gap: 0.04 }, false)).toBe('Close to similar schools: 2nd of 20, level with the family median.');
    expect(verdict({ ...low, label: 'close to', gap: -0.04 }, false)).toBe('Close to similar schools: 2nd of 20, level with the family median.');
    expect(verdict({ ...low, label: 'close to', gap: 0.4 }, false, 0)).toBe('Close to similar schools: 2nd of 20, level with the family median.');
    expect(verdict({ ...low, label: 'above', gap: 1 }, false)).toBe('Above similar schools: 2nd of 20, 1 point above the family median.');
    expect(verdict({ ...low, label: 'below', gap: -1.04 }, false)).toBe('Below similar schools: 2nd of 20, 1 point below the family median.');
  });
});
