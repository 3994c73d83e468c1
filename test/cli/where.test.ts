import { describe, expect, it } from 'vitest';
import { files, fos, ks4 } from '../helpers/schools.js';

// Four schools in LA 900 and two in LA 901, with DfE-style total rows (no URN): RECTYPE 4
// for each LA, 5 and 7 national (as test/cli/trend.test.ts); a GIAS-style table gives each
// school a type (the totals have no URN, so no type).
const header = ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PTFSM6CLA1A', 'ADMPOL'];
const schools = [40, 50, 60, 70, 45, 55].map((m, k) => ['1', k < 4 ? '900' : '901', String(k + 1), `School ${k + 1}`, '100', String(m), String(10 + k), k === 5 ? 'Selective' : 'Non-selective']);
const totals = [
  ['4', '900', '', '', '5000', '51.5', '', ''],
  ['4', '901', '', '', '3000', '48.25', '', ''],
  ['5', '', '', '', '600000', '44.5', '', ''],
  ['7', '', '', '', '540000', '46.5', '', ''],
];
const types = ['Community school', 'Academy converter', 'Community school', 'Academy converter', 'Community school', 'Academy sponsor led'];
const f = files({
  'a.csv': ks4([...schools, ...totals], header),
  'gias.csv': 'URN,TypeOfEstablishment (name)\n' + types.map((t, k) => `${k + 1},${t}`).join('\n') + '\n',
});
const trend = async (...args: string[]) => {
  const r = await fos(['trend', '1', '--attainment', f['a.csv'], '--size', '2', '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('--where chooses schools; the file\'s summary rows stay its published figures', () => {
  it('a filter on a joined column keeps the published LA (RECTYPE 4) and England (RECTYPE 7) figures', async () => {
    const j = await trend('--join', f['gias.csv'], '--where', 'TypeOfEstablishment (name)=Community school');
    // School 1's LA 900 row: 51.5; England: the state-funded RECTYPE 7 row, 46.5 (not the
    // schools' average: the community schools of LA 900 are 1 and 3, (40 + 60) / 2 = 50).
    expect(j.tables.trend[0]).toMatchObject({ measure: 40, la_average: 51.5, england_average: 46.5 });
    expect(j.summary.join('\n')).toMatch(/England and LA: the published figures in the file/);
  });

  it('as with a filter on the file\'s own column, or on RECTYPE, which makes a row a total', async () => {
    expect((await trend('--where', 'ADMPOL=Non-selective')).tables.trend[0]).toMatchObject({ la_average: 51.5, england_average: 46.5 });
    expect((await trend('--where', 'RECTYPE=1')).tables.trend[0]).toMatchObject({ la_average: 51.5, england_average: 46.5 });
  });

  it('check counts the summary rows, not as filtered out', async () => {
    const r = await fos(['check', '--attainment', f['a.csv'], '--join', f['gias.csv'], '--where', 'TypeOfEstablishment (name)=Community school', '--format', 'json']);
    const file = JSON.parse(r.stdout).tables.files.find((x: { file: string }) => x.file === 'a.csv');
    // 10 rows: 4 totals; of the 6 schools, 3 are community schools, 3 filtered out.
    expect(file).toMatchObject({ summary_rows_dropped: 4, rows_filtered_out: 3, schools: 3 });
  });
});

describe('--where values', () => {
  it('match ignoring case', async () => {
    const lower = await fos(['families', '--attainment', f['a.csv'], '--join', f['gias.csv'], '--where', 'typeofestablishment (name)=community SCHOOL', '--size', '2', '--format', 'csv']);
    expect(lower.code, lower.stderr).toBe(0);
    expect(lower.stdout.split('\n').filter((l) => l.startsWith('latest,')).map((l) => l.split(',')[1])).toEqual(['1', '3', '5']);
  });

  it('a value no school has: the values the column has, most common first with counts, and the closest', async () => {
    const r = await fos(['families', '--attainment', f['a.csv'], '--join', f['gias.csv'], '--where', 'TypeOfEstablishment (name)=Academy Convertor']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `fos: ${f['a.csv']}: latest: --where TypeOfEstablishment (name)=Academy Convertor keeps no school: no school row has that value\n` +
        // Community school 3, Academy converter 2, Academy sponsor led 1 (the totals are not schools).
        '  hint: did you mean "Academy converter"? TypeOfEstablishment (name) has 3 values in the school rows, with their counts: Community school (3), Academy converter (2), Academy sponsor led (1); values match ignoring case\n',
    );
  });

  it('schools with no row in the joined table are counted as such, not as blank cells', async () => {
    // gias.csv less schools 5 and 6: they have no row there, so their value is absent, not blank.
    const g = files({ 'gias4.csv': 'URN,TypeOfEstablishment (name)\n' + types.slice(0, 4).map((t, k) => `${k + 1},${t}`).join('\n') + '\n' });
    const r = await fos(['families', '--attainment', f['a.csv'], '--join', g['gias4.csv'], '--where', 'TypeOfEstablishment (name)=Free school']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Academy converter (2), Community school (2), and 2 with no row in the joined table;');
    expect(r.stderr).not.toContain('blank');
  });

  it('a filter on a column of the FSM file only: its values, not "no school in this file has an id that is in a.csv"', async () => {
    const g = files({ 'census.csv': 'URN,PNUMFSMEVER,PHASE\n' + [1, 2, 3, 4, 5, 6].map((k) => `${k},${k * 3},${k < 6 ? 'Secondary' : 'All-through'}`).join('\n') + '\n' });
    const r = await fos(['families', '--attainment', f['a.csv'], '--fsm', g['census.csv'], '--where', 'PHASE=Primary']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `fos: ${g['census.csv']}: latest: --where PHASE=Primary keeps no school: no school row has that value\n` +
        '  hint: PHASE has 2 values in the school rows, with their counts: Secondary (5), All-through (1); values match ignoring case\n',
    );
    // The same with a table joined (the year read in loadComposedYear).
    const joined = await fos(['families', '--attainment', f['a.csv'], '--fsm', g['census.csv'], '--join', f['gias.csv'], '--where', 'PHASE=Primary']);
    expect(joined.stderr).toBe(r.stderr);
  });

  it('filters each met but never together are named with how many schools meet each', async () => {
    const r = await fos(['families', '--attainment', f['a.csv'], '--where', 'ADMPOL=Selective', '--where', 'LEA=900']);
    expect(r.code).toBe(1);
    // Selective: school 6 only (LA 901); LA 900: schools 1–4.
    expect(r.stderr).toMatch(/latest: no school row meets every --where filter together\n {2}hint: each alone is met: ADMPOL=Selective \(1 school\), LEA=900 \(4 schools\); drop one/);
  });

  it('a column no file has: the closest column, and which file has it', async () => {
    const r = await fos(['families', '--attainment', f['a.csv'], '--join', f['gias.csv'], '--where', 'TypeOfEstablishment(name)=Community school']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--where TypeOfEstablishment\(name\)=Community school: none of a\.csv, gias\.csv has a column TypeOfEstablishment\(name\)\n {2}hint: did you mean TypeOfEstablishment \(name\) \(in gias\.csv\)\? columns are, by file, a\.csv: RECTYPE, /);
  });
});
