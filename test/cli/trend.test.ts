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

describe('fos trend --group', () => {
  // Four schools, one family of all four; cohorts 100, 300, 100, 100.
  // Group {1, 2}: measure (100·40 + 300·50) / 400 = 47.5. Family medians (over the others):
  // school 1: median of 50, 60, 70 = 60; school 2: median of 40, 60, 70 = 60 → 60.
  // LA 900 (all four), pupil-weighted: (4000 + 15000 + 6000 + 7000) / 600 = 53.3333.
  const rows = [40, 50, 60, 70].map((m, k) => ['1', '900', String(k + 1), `School ${k + 1}`, k === 1 ? '300' : '100', String(m), String(10 + k)]);
  const input = () => files({ 'a.csv': ks4(rows, ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PTFSM6CLA1A']), 'ids.txt': '1\n2\n77\n' });

  it("the group row has its families' median, its LA and a chart", async () => {
    const f = input();
    const r = await fos(['trend', '--group', f['ids.txt'], '--attainment', f['a.csv'], '--size', '4', '--format', 'json', '--chart', `${f.dir}/g.svg`]);
    expect(r.code).toBe(0);
    const group = JSON.parse(r.stdout).tables.trend.find((x: { id: string }) => x.id === 'group');
    expect(group).toMatchObject({ measure: 47.5, family_median: 60, la_average: 53.3333 });
    expect(r.stderr).not.toMatch(/no chart/);
    expect(r.stderr).toMatch(/1 id of the --group file is in no file loaded: 77/);
  });

  it('a --group file whose ids are in no file is an error', async () => {
    const f = files({ ...{ 'a.csv': ks4(rows, ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PTFSM6CLA1A']) }, 'ids.txt': '77\n78\n' });
    const r = await fos(['trend', '--group', f['ids.txt'], '--attainment', f['a.csv'], '--size', '4']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no school of the --group file is in the files loaded/);
  });
});

describe('fos trend: the file’s own published England and LA figures', () => {
  // Four schools in LA 900 and two in LA 901, plus DfE-style total rows (no URN):
  // RECTYPE 4 for each LA (KS4 layout), 5 (all schools) and 7 (state-funded) national.
  const header = ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PTFSM6CLA1A'];
  const schools = [40, 50, 60, 70, 45, 55].map((m, k) => ['1', k < 4 ? '900' : '901', String(k + 1), `School ${k + 1}`, '100', String(m), String(10 + k)]);
  const totals = [
    ['4', '900', '', '', '5000', '51.5', ''],
    ['4', '901', '', '', '3000', '48.25', ''],
    ['5', '', '', '', '600000', '44.5', ''],
    ['7', '', '', '', '540000', '46.5', ''],
  ];

  it('shows the published figures as England and the LA, and says so', async () => {
    const f = files({ 'a.csv': ks4([...schools, ...totals], header) });
    const r = await fos(['trend', '1', '--attainment', f['a.csv'], '--size', '3', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // LA 900: its RECTYPE 4 row (51.5), not the average of its loaded schools (55);
    // England: the state-funded RECTYPE 7 row (46.5), not 5's 44.5 nor the mean of all six (53.3333).
    expect(j.tables.trend[0]).toMatchObject({ measure: 40, la_average: 51.5, england_average: 46.5 });
    expect(j.summary.join('\n')).toMatch(/England and LA: the published figures in the file/);
    expect(j.notes.join('\n')).toMatch(/England: RECTYPE 7, the state-funded national row; LA: RECTYPE 4\), as DfE publishes them, over all the pupils/);
    const md = (await fos(['trend', '5', '--attainment', f['a.csv'], '--size', '3', '--format', 'md'])).stdout;
    expect(md).toMatch(/\| LA \| England \|/);
    expect(md).toMatch(/\| 48\.3 \| 46\.5 \|/); // shown to the measure’s 1 decimal
  });

  it('without total rows: the averages of the loaded schools, named so, never England', async () => {
    const f = files({ 'a.csv': ks4(schools, header) });
    const j = JSON.parse((await fos(['trend', '1', '--attainment', f['a.csv'], '--size', '3', '--format', 'json'])).stdout);
    // LA 900: (40 + 50 + 60 + 70) / 4 = 55 (equal cohorts); all six: 320 / 6 = 53.3333.
    expect(j.tables.trend[0]).toMatchObject({ la_average: 55, england_average: 53.3333 });
    const md = (await fos(['trend', '1', '--attainment', f['a.csv'], '--size', '3', '--format', 'md'])).stdout;
    expect(md).toMatch(/\| LA \| all loaded \|/);
    expect(md).not.toMatch(/England and LA/);
  });

  it('a group in one LA is set beside that LA’s published figure', async () => {
    const f = files({ 'a.csv': ks4([...schools, ...totals], header), 'ids.txt': '1\n2\n' });
    const j = JSON.parse((await fos(['trend', '--group', f['ids.txt'], '--attainment', f['a.csv'], '--size', '3', '--format', 'json'])).stdout);
    expect(j.tables.trend.find((x: { id: string }) => x.id === 'group')).toMatchObject({ la_average: 51.5, england_average: 46.5 });
  });

  it('a year without total rows falls back to the averages, and the report names the years of each', async () => {
    const earlier = schools.map((r) => [...r.slice(0, 5), String(Number(r[5]) + 2), r[6]]);
    const f = files({ '2018.csv': ks4(earlier, header), '2019.csv': ks4([...schools, ...totals], header) });
    const r = await fos(['trend', '1', '--attainment', `2018=${f['2018.csv']}`, '--attainment', `2019=${f['2019.csv']}`, '--size', '3', '--format', 'json']);
    const [y2018, y2019] = JSON.parse(r.stdout).tables.trend;
    // 2018: LA 900 (42 + 52 + 62 + 72) / 4 = 57, all six (42 + 52 + 62 + 72 + 47 + 57) / 6 = 55.3333; 2019: published.
    expect(y2018).toMatchObject({ la_average: 57, england_average: 55.3333 });
    expect(y2019).toMatchObject({ la_average: 51.5, england_average: 46.5 });
    expect(JSON.parse(r.stdout).summary.join('\n')).toMatch(/England: the published figures in the file in 2019 \(other years: pupil averages/);
  });
});
