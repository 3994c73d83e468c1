import { describe, expect, it } from 'vitest';
import { files, fos, ks4 } from '../helpers/schools.js';

// Eight schools, one family (--size 8). School 8 (60 points) is the only candidate: the
// others' mean is 43 and SD 2.16, so z = 7.9. School 1 (40) is 30 km from it (easting).
const HEADER = ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PTFSM6CLA1A', 'EASTING', 'NORTHING'];
const ROWS = [40, 41, 42, 43, 44, 45, 46, 60].map((m, k) => ['1', k < 4 ? '900' : '901', String(k + 1), `School ${k + 1}`, '100', String(m), String(20 + k), String(k === 7 ? 430000 : 400000 + k * 100), '400000']);
const F = () => files({ 'a.csv': ks4(ROWS, HEADER) });
const run = (f: Record<string, string>, ...more: string[]) => fos(['partners', '1', '--attainment', f['a.csv'], '--size', '8', ...more]);

describe('fos partners: filters that cannot apply, and what the filters left out', () => {
  it('--max-km without locations is a usage error naming --location-cols', async () => {
    const f = files({ 'a.csv': ks4(ROWS.map((r) => r.slice(0, 7)), HEADER.slice(0, 7)) });
    const r = await run(f, '--max-km', '10');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-km needs school locations.*\n.*--location-cols/);
    expect(r.stdout).toBe('');
  });

  it('--same-la and --other-la without a local authority column are usage errors naming --la-col', async () => {
    // A New York style file: no LEA/LA column.
    const f = files({ 'a.csv': ks4(ROWS.map((r) => [r[2], r[3], r[5], r[6]]), ['URN', 'SCHNAME', 'ATT8SCR', 'PTFSM6CLA1A']) });
    for (const flag of ['--same-la', '--other-la']) {
      const r = await run(f, flag);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${flag} needs each school's local authority.*\\n.*--la-col`));
    }
  });

  it('--max-km: the headline says how many better candidates were left out by distance, and how far the nearest is', async () => {
    const f = F();
    const near = JSON.parse((await run(f, '--max-km', '10', '--format', 'json')).stdout);
    expect(near.tables.partners).toHaveLength(0);
    expect(near.summary[2]).toBe('No candidate partner that does better passes the filters: in its family, 1 left out by --max-km 10 (the nearest is 30.0 km away); outside it, none does better.');
    const far = JSON.parse((await run(f, '--max-km', '50', '--format', 'json')).stdout);
    expect(far.tables.partners.map((p: { id: string; km: number }) => [p.id, p.km])).toEqual([['8', 30]]);
    expect(far.summary[2]).toBe('1 candidate partner in the family does better, closest context first.');
    const la = JSON.parse((await run(f, '--same-la', '--format', 'json')).stdout);
    expect(la.summary[2]).toMatch(/in its family, 1 left out by --same-la;/);
  });

  it('--subjects with several years: read in the year reported only; a year without them says so', async () => {
    // 2018 has ATT8SCRENG (school 1 the weakest, school 8 the strongest); 2019 does not.
    const sub = files({
      'a2018.csv': ks4(ROWS.map((r, k) => [...r.slice(0, 7), String(5 + k)]), [...HEADER.slice(0, 7), 'ATT8SCRENG']),
      'a2019.csv': ks4(ROWS.map((r) => r.slice(0, 7)), HEADER.slice(0, 7)),
    });
    const args = ['partners', '1', '--attainment', `2018=${sub['a2018.csv']}`, '--attainment', `2019=${sub['a2019.csv']}`, '--size', '8', '--subjects', 'ATT8SCRENG'];
    const in2018 = await fos([...args, '--year', '2018', '--format', 'json']);
    expect(in2018.code).toBe(0);
    expect(JSON.parse(in2018.stdout).tables.partners[0].strengths).toMatch(/^ATT8SCRENG \(z \+/);
    const in2019 = await fos(args);
    expect(in2019.code).toBe(1);
    expect(in2019.stderr).toMatch(/a2019\.csv: column ATT8SCRENG not found for the subject measures of 2019\n.*--year 2018/);
  });

  it('--subjects: "weakest" only names subjects below the family, "strongest" only those above, z signed', async () => {
    // ATT8SCRENG: school 1 has the most (20), school 8, its partner, the least (1).
    const eng = ['20', '5', '6', '7', '8', '9', '10', '1'];
    const f = files({ 'a.csv': ks4(ROWS.map((r, k) => [...r.slice(0, 7), eng[k]]), [...HEADER.slice(0, 7), 'ATT8SCRENG']) });
    const j = JSON.parse((await run(f, '--subjects', 'ATT8SCRENG', '--format', 'json')).stdout);
    expect(j.summary).toContain('No subject of School 1 is below its family.');
    expect(j.tables.partners[0]).toMatchObject({ id: '8', strengths: 'none above its family' });
    const weak = JSON.parse((await fos(['partners', '2', '--attainment', f['a.csv'], '--size', '8', '--subjects', 'ATT8SCRENG', '--format', 'json'])).stdout);
    expect(weak.summary.join('\n')).toMatch(/School 2's weakest subjects \(below its family\): ATT8SCRENG \(z -0\.\d\d\)/);
  });
});
