import { describe, expect, it } from 'vitest';
import { files, fos, ks4 } from '../helpers/schools.js';

// Six eligible schools, ids with leading zeros, and Ampleforth College without a result.
// School 500's name holds "1050", nearer to the query 10505 by name than any other.
const rows = [
  ['500', 'Studio 1050 School', '41', '11'],
  ['00010505', 'Zeta Academy', '40', '10'],
  ['10506', 'Alpha School', '42', '12'],
  ['10507', 'Beta School', '44', '14'],
  ['10508', 'Gamma School', '46', '16'],
  ['10509', 'Delta School', '48', '18'],
  ['121735', 'Ampleforth College', 'NE', '5'],
];
const input = () => files({ 'a.csv': ks4(rows, ['URN', 'SCHNAME', 'ATT8SCR', 'PTFSM6CLA1A']) });

describe('naming a school', () => {
  it('"did you mean" puts the id that is the same number (leading zeros) first', async () => {
    const r = await fos(['report', '10505', '--attainment', input()['a.csv'], '--size', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean: 00010505 Zeta Academy;/);
  });

  it('an excluded school named by part of its name says why it is left out', async () => {
    const r = await fos(['report', 'Ampleforth', '--attainment', input()['a.csv'], '--size', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Ampleforth College \(121735\) is not in the latest families: measure missing/);
  });

  it('a query that looks like an id is matched against ids, not names', async () => {
    // "10508x": the nearest ids to 10508 are 10508 (0 away), 10507 and 10509 (1 away: file
    // order), 10506 and 00010505; by name, "x" would match nothing better than any school.
    const r = await fos(['report', '10508x', '--attainment', input()['a.csv'], '--size', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean: 10508 Gamma School; 10507 Beta School; 10509 Delta School; 10506 Alpha School; 00010505 Zeta Academy/);
  });
});
