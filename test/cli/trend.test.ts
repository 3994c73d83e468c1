import { describe, expect, it } from 'vitest';
import { files, fos, ks4 } from '../helpers/schools.js';

describe('fos trend', () => {
  it('a file without a local authority column has no LA average (not the average of every school)', async () => {
    const rows = [40, 42, 44, 46, 48].map((m, k) => [String(k + 1), `School ${k + 1}`, String(m), String(10 + k)]);
    const f = files({ 'a.csv': ks4(rows, ['URN', 'SCHNAME', 'ATT8SCR', 'PTFSM6CLA1A']) });
    const j = JSON.parse((await fos(['trend', '1', '--attainment', f['a.csv'], '--size', '3', '--format', 'json'])).stdout);
    expect(j.tables.trend[0]).toMatchObject({ measure: 40, la_average: null, england_average: 44 });
  });
});
