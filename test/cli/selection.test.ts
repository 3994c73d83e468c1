import { describe, expect, it } from 'vitest';
import { files, fos, ks4 } from '../helpers/schools.js';

// Eight schools in LAs 815 and 816; school 9 has no result. A second file gives LA names.
const rows = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => ['1', k < 4 ? '815' : '816', String(k + 1), `School ${k + 1}`, '100', String(40 + k), String(10 + 3 * k)]);
rows.push(['1', '815', '9', 'School 9', '100', 'NE', '20']);
const header = ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PTFSM6CLA1A'];
const named = rows.map((r) => [r[0], r[1] === '815' ? 'North Yorkshire' : 'York', ...r.slice(2)]);
const input = () => files({ 'a.csv': ks4(rows, header), 'named.csv': ks4(named, header) });

describe('--la and --school that match nothing say so (exit 1), never an empty table', () => {
  it('--la with an unknown code gives the closest codes', async () => {
    const f = input();
    for (const command of ['families', 'outperformers', 'odds']) {
      const r = await fos([command, '--attainment', f['a.csv'], '--size', '4', '--la', '999'].filter((x) => !(command === 'odds' && (x === '--size' || x === '4'))));
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/--la 999: no school in local authority 999 in latest\n.*closest LA codes loaded: 816, 815/);
    }
  });

  it('--la with a name: accepted where the LA column holds names, else told to give the code', async () => {
    const f = input();
    const r = await fos(['families', '--attainment', f['a.csv'], '--size', '4', '--la', 'North Yorkshire']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the files give local authorities as codes \(column LEA\), not names: give the code, e.g. 815, 816/);
    const ok = JSON.parse((await fos(['families', '--attainment', f['named.csv'], '--size', '4', '--la', 'north yorkshire', '--format', 'json'])).stdout);
    expect(ok.tables.families.map((x: { id: string }) => x.id)).toEqual(['1', '2', '3', '4']);
  });

  it('--school: unknown says so with the closest ids; a school left out says why', async () => {
    const f = input();
    const unknown = await fos(['families', '--attainment', f['a.csv'], '--size', '4', '--school', '99']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/--school 99: no such school in latest\n.*closest ids: 8, 7/);
    const left = await fos(['outperformers', '--attainment', f['a.csv'], '--size', '4', '--school', '9']);
    expect(left.code).toBe(1);
    expect(left.stderr).toMatch(/--school 9: School 9 is left out of the families \(latest: measure missing\)/);
  });
});
