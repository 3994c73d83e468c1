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

describe('--la reports the selection’s own counts beside those of all schools', () => {
  it('outperformers: candidates in the LA, of its eligible schools, and among all', async () => {
    const j = JSON.parse((await fos(['outperformers', '--attainment', input()['a.csv'], '--size', '4', '--threshold', '0.5', '--la', '815', '--format', 'json'])).stdout);
    expect(j.summary[0]).toMatch(/^\d+ candidate partners? in LA 815 \(4 of the 8 eligible schools\); \d+ among all 8, in whose families they are judged/);
  });

  it('families --summary: only the families holding a school of the LA, with how many', async () => {
    const j = JSON.parse((await fos(['families', '--attainment', input()['a.csv'], '--method', 'bands', '--bands', '0,15,25,40', '--summary', '--la', '816', '--format', 'json'])).stdout);
    // LA 816 has % FSM 22, 25, 28, 31: one in 15–25 (with 16 and 19 of LA 815), three in 25–40.
    expect(j.tables.family_summary.map((r: { family: string; size: number; selected: number }) => [r.family, r.size, r.selected])).toEqual([['2', 3, 1], ['3', 3, 3]]);
    expect(j.summary[1]).toMatch(/8 eligible schools, 4 of them in LA 816/);
  });

  it('odds: the LA’s own cross-tab and findings; quartiles "over the loaded schools" unless the file is national', async () => {
    const f = input();
    const j = JSON.parse((await fos(['odds', '--attainment', f['a.csv'], '--high-fsm', '25', '--bands', '0,25,50', '--la', '816', '--format', 'json'])).stdout);
    expect(j.tables.crosstab_selection.map((r: { fsm_band: string; schools: number }) => [r.fsm_band, r.schools])).toEqual([['0–25%', 1], ['25–50%', 3]]);
    expect(j.summary.join('\n')).toMatch(/In LA 816: .*% of its schools with 25–50% FSM \(\d of 3\)/);
    expect(j.summary.join('\n')).toMatch(/Quartile cuts over the loaded schools \(not a national file\)/);
    const text = (await fos(['odds', '--attainment', f['a.csv'], '--high-fsm', '25', '--bands', '0,25,50', '--la', '816'])).stdout;
    expect(text).toContain('High-FSM schools (≥ 25%) in LA 816 with results in the top two quartiles');
    // 101 schools, each in its own LA: a national file.
    const wide = Array.from({ length: 101 }, (_, k) => ['1', String(100 + k), String(k + 1), `S${k}`, '100', String(30 + (k % 20)), String(5 + (k % 40))]);
    const nat = JSON.parse((await fos(['odds', '--attainment', files({ 'n.csv': ks4(wide, header) })['n.csv'], '--format', 'json'])).stdout);
    expect(nat.summary.join('\n')).toMatch(/National quartile cuts/);
  });
});
