import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// The script that writes a wide file in the long layout of Explore Education Statistics.
import { wideToLong } from '../../scripts/wide-to-long.mjs';
import { files, fos } from '../helpers/schools.js';

const DATA = resolve(__dirname, '../../data');
const bytes = (name: string) => readFileSync(join(DATA, name));
const census = (y: string) => join(DATA, `census_${y}.csv`);
const wide = (y: string) => join(DATA, `ks4_${y}.csv`);

/** The bundled sample's years written as one long file (and the 2019 one alone). */
function longSample() {
  return files({
    'long2019.csv': wideToLong([['2019', bytes('ks4_2019.csv')]]),
    'long.csv': wideToLong(['2017', '2018', '2019'].map((y) => [y, bytes(`ks4_${y}.csv`)])),
  });
}
const fsmAll = ['2017', '2018', '2019'].flatMap((y) => ['--fsm', `${y}=${census(y)}`]);

describe('long-format files give the results of the same data in wide layout', () => {
  it('families --format csv: byte-identical from the long file of the sample’s 2019 (with the same census)', async () => {
    const f = longSample();
    const w = await fos(['families', '--attainment', wide('2019'), '--fsm', census('2019'), '--format', 'csv']);
    const l = await fos(['families', '--attainment', f['long2019.csv'], '--fsm', census('2019'), '--format', 'csv']);
    expect(w.code).toBe(0);
    expect(l.code).toBe(0);
    expect(l.stdout.split('\n').length).toBeGreaterThan(290);
    expect(l.stdout).toBe(w.stdout);
    // The census joined with --join instead (its URN column is not the long file's id): the same.
    const g = files({ 'census.csv': readFileSync(census('2019'), 'utf8').split('\n').filter((line) => !line.startsWith('NAT')).join('\n') });
    const wj = await fos(['families', '--attainment', wide('2019'), '--join', g['census.csv'], '--format', 'csv']);
    const lj = await fos(['families', '--attainment', f['long2019.csv'], '--join', g['census.csv'], '--format', 'csv']);
    expect(lj.code).toBe(0);
    expect(lj.stdout).toBe(wj.stdout);
    expect(lj.stdout).toBe(w.stdout);
  });

  it('one long file of three years: each year read from time_period; families and trend as from the three wide files', async () => {
    const f = longSample();
    const wideArgs = ['2017', '2018', '2019'].flatMap((y) => ['--attainment', `${y}=${wide(y)}`]);
    for (const cmd of [['families'], ['trend', '130001']]) {
      const w = await fos([...cmd, ...wideArgs, ...fsmAll, '--format', 'csv']);
      const l = await fos([...cmd, '--attainment', f['long.csv'], ...fsmAll, '--format', 'csv']);
      expect(l.code).toBe(0);
      expect(l.stdout).toBe(w.stdout);
    }
    // YEAR=FILE picks that year of the file (2018-19, 2019 or 201819 all name time_period 201819).
    const one = await fos(['families', '--attainment', `2018-19=${f['long.csv']}`, '--fsm', census('2019'), '--format', 'csv']);
    const w19 = await fos(['families', '--attainment', `2018-19=${wide('2019')}`, '--fsm', census('2019'), '--format', 'csv']);
    expect(one.stdout).toBe(w19.stdout);
    // The year is labelled 2019 whichever way it is written, as without a label (it was "2018-19").
    const j = await fos(['check', '--attainment', `2018-19=${f['long.csv']}`, '--fsm', census('2019'), '--format', 'json']);
    expect(JSON.parse(j.stdout).tables.years.map((y: { year: string }) => y.year)).toEqual(['2019']);
    const six = await fos(['families', '--attainment', `201819=${f['long.csv']}`, '--fsm', census('2019'), '--format', 'csv']);
    expect(six.code).toBe(0);
    expect(six.stdout).toBe(one.stdout);
    // FSM files labelled as academic years pair with the long file's years (it was "no FSM file for 2017").
    const fsmAcademic = [['2016-17', '2017'], ['2017/18', '2018'], ['201819', '2019']].flatMap(([label, y]) => ['--fsm', `${label}=${census(y)}`]);
    const paired = await fos(['families', '--attainment', f['long.csv'], ...fsmAcademic, '--format', 'csv']);
    expect(paired.code).toBe(0);
    expect(paired.stdout).toBe((await fos(['families', '--attainment', f['long.csv'], ...fsmAll, '--format', 'csv'])).stdout);
    // A file of one year under another year's label: an error, not that year read as another (it was read as 2030).
    const other = await fos(['families', '--attainment', `2030=${f['long2019.csv']}`, '--fsm', census('2019')]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('2030 is not the year of this long-format file, which holds only 2019 (time_period 201819)');
    const none = await fos(['families', '--attainment', `2016=${f['long.csv']}`, ...fsmAll]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('2016 is not one of the 3 years in this long-format file (2017 (time_period 201617), 2018 (time_period 201718), 2019 (time_period 201819))');
  });

  it('--breakdown Disadvantaged reads the other rows; a breakdown not in the file lists those that are', async () => {
    const f = longSample();
    const j = await fos(['families', '--attainment', f['long2019.csv'], '--fsm', census('2019'), '--breakdown', 'Disadvantaged', '--format', 'json']);
    expect(j.code).toBe(0);
    const heathside = JSON.parse(j.stdout).tables.families.find((r: { id: string }) => r.id === '130001');
    // The script's Disadvantaged row for Heathside (ATT8SCR 55.3, TPUP 111): 55.3 − 7.5 and round(111 / 3).
    expect(heathside).toMatchObject({ measure: 47.8, cohort: 37 });
    const bad = await fos(['families', '--attainment', f['long2019.csv'], '--fsm', census('2019'), '--breakdown', 'Boys']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('long2019.csv, column breakdown, value "Boys": no school rows of 2019 have breakdown Boys');
    expect(bad.stderr).toContain('the breakdowns in the file are: Disadvantaged (318 rows), Total (318 rows); choose one with --breakdown VALUE');
    const notLong = await fos(['families', '--attainment', wide('2019'), '--fsm', census('2019'), '--breakdown', 'Disadvantaged']);
    expect(notLong.code).toBe(2);
    expect(notLong.stderr).toContain('--breakdown Disadvantaged: no input file is in long format');
  });

  it('check names the year, the breakdown and the rows left out by reason; without --fsm it says a long file has no % FSM', async () => {
    const f = longSample();
    const r = await fos(['check', '--attainment', f['long.csv'], ...fsmAll, '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // Named as the layout is (the files table's layout column says the same).
    expect(j.summary).toContain('Explore Education Statistics, long format (school level): long.csv; years 2017, 2018, 2019; breakdown Total.');
    expect(j.tables.files.find((x: { role: string }) => x.role === 'attainment').layout).toBe('Explore Education Statistics, long format (school level)');
    const y19 = j.tables.long.find((x: { year: string }) => x.year === '2019');
    // The sample's 2019 file: 318 school rows (RECTYPE 1 and 2), 6 LA rows (RECTYPE 4), 2 national (5, 7).
    // Other years: the rows of 2017 and 2018, each school's Total and Disadvantaged rows and
    // the 6 LA and 2 national rows: 2017's 305 schools (RECTYPE 1 and 2) 2 × 305 + 8 = 618,
    // 2018's 318 schools 2 × 318 + 8 = 644; 1262 in all.
    expect(y19).toEqual({ year: '2019', file: 'long.csv', time_period: '201819', file_years: '2017, 2018, 2019', breakdown: 'Total', schools: 318, not_schools: 'Local authority 6, National 2', other_breakdowns: 'Disadvantaged 318', other_years: 1262 });
    const file19 = j.tables.files.find((x: { year: string; role: string }) => x.year === '2019' && x.role === 'attainment');
    expect(file19.summary_rows_dropped).toBe(8);
    // Special schools are told by establishment_type_group, as by RECTYPE 2 in the wide file (18 of them).
    expect(j.tables.years.find((x: { year: string }) => x.year === '2019').excluded_special_school).toBe(18);
    const noFsm = await fos(['families', '--attainment', f['long2019.csv']]);
    expect(noFsm.code).toBe(1);
    expect(noFsm.stderr).toContain('a long-format (Explore Education Statistics) file holds no % FSM: give the school census with --fsm FILE');
  });

  it('the 2024-25 names need no column flags: attainment8_average, pupil_count, disadvantage_status, Progress 8 bounds; low, c, z and x are missing', async () => {
    const header = 'time_period,time_identifier,geographic_level,school_urn,school_name,old_la_code,establishment_type_group,disadvantage_status,pupil_count,attainment8_average,progress8_average,progress8_lower_95_ci,progress8_upper_95_ci';
    const rows = [
      '202425,Academic year,National,,,,All state-funded,Total,500000,45.1,0,0,0',
      ...Array.from({ length: 6 }, (_, k) => `202425,Academic year,School,${200001 + k},School ${k + 1},900,Academy,Total,${100 + k},${40 + k},${k === 5 ? 'low' : (k / 10).toFixed(1)},${k === 5 ? 'c' : (k / 10 - 0.3).toFixed(1)},${k === 5 ? 'z' : (k / 10 + 0.3).toFixed(1)}`),
      ...Array.from({ length: 6 }, (_, k) => `202425,Academic year,School,${200001 + k},School ${k + 1},900,Academy,Disadvantaged,${10 + k},x,x,x,x`),
    ];
    const census25 = ['URN,PNUMFSMEVER', ...Array.from({ length: 6 }, (_, k) => `${200001 + k},${10 + 5 * k}`)].join('\n');
    const f = files({ 'ks4_long.csv': [header, ...rows].join('\n') + '\n', 'census.csv': census25 + '\n' });
    const c = await fos(['check', '--attainment', f['ks4_long.csv'], '--fsm', f['census.csv'], '--format', 'json']);
    expect(c.code).toBe(0);
    const j = JSON.parse(c.stdout);
    expect(j.summary[0]).toBe('1 year loaded (2025); measure attainment8_average, % FSM PNUMFSMEVER.');
    expect(j.summary[1]).toBe("Cohort: pupil_count, the file's cohort, which serves every whole-school measure.");
    expect(j.tables.long[0]).toMatchObject({ time_period: '202425', breakdown: 'Total (disadvantage_status)', schools: 6, not_schools: 'National 1', other_breakdowns: 'Disadvantaged 6' });
    const p8 = await fos(['check', '--attainment', f['ks4_long.csv'], '--fsm', f['census.csv'], '--measure', 'progress8_average', '--format', 'json']);
    const pj = JSON.parse(p8.stdout);
    expect(pj.summary[0]).toBe('1 year loaded (2025); measure progress8_average, % FSM PNUMFSMEVER, bounds progress8_lower_95_ci/progress8_upper_95_ci.');
    expect(pj.tables.missing.find((m: { column: string }) => m.column === 'progress8_average')).toMatchObject({ missing: 1, codes: 'low 1' });
    expect(pj.tables.missing.find((m: { column: string }) => m.column === 'progress8_lower_95_ci')).toMatchObject({ missing: 1, codes: 'c 1' });
  });

  it('KS2 institution files, a row per subject: the school twice names the subject to keep; with it, no column flags', async () => {
    // The layout of the EES "Key stage 2 institution level" data set (2022-23 to 2024-25).
    const head = 'time_period,time_identifier,geographic_level,country_code,country_name,version,school_urn,school_laestab,school_name,breakdown_topic,breakdown,subject,expected_standard_pupil_percent';
    const rows = [0, 1, 2, 3, 4, 5].flatMap((k) => [
      `202425,Academic year,School,E92000001,England,Final,${100000 + k},201${3600 + k},School ${k},All pupils,Total,"Reading, writing and maths",${50 + 5 * k}`,
      `202425,Academic year,School,E92000001,England,Final,${100000 + k},201${3600 + k},School ${k},All pupils,Total,Reading,${k === 3 ? 'c' : 70 + k}`,
    ]);
    const f = files({ 'ks2.csv': [head, ...rows].join('\n') + '\n', 'census.csv': ['URN,PNUMFSMEVER', ...[0, 1, 2, 3, 4, 5].map((k) => `${100000 + k},${10 + 4 * k}`)].join('\n') + '\n' });
    const twice = await fos(['families', '--attainment', f['ks2.csv'], '--fsm', f['census.csv']]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('ks2.csv, line 3, column school_urn, value "100000": school 100000 appears twice for 2025 (time_period 202425), breakdown Total (lines 2 and 3); the rows differ in subject (Reading, writing and maths / Reading)');
    expect(twice.stderr).toContain('hint: keep one kind of row with --where "subject=Reading, writing and maths"');
    const ok = await fos(['families', '--attainment', f['ks2.csv'], '--fsm', f['census.csv'], '--where', 'subject=Reading, writing and maths', '--size', '3', '--format', 'json']);
    expect(ok.code).toBe(0);
    const fam = JSON.parse(ok.stdout).tables.families;
    // Six schools, each its reading, writing and maths figure 50 + 5k.
    expect(fam.map((r: { measure: number }) => r.measure)).toEqual([50, 55, 60, 65, 70, 75]);
  });

  it('national and LA rows of several school types (as EES writes establishment_type_group): check takes the All state-funded rows as the published figures', async () => {
    const head = 'time_period,geographic_level,school_urn,old_la_code,establishment_type_group,breakdown,t_pupils,avg_att8';
    const rows = [
      '201819,National,,,State-funded mainstream,Total,500000,47',
      '201819,National,,,All state-funded,Total,520000,46.5',
      '201819,National,,,All schools,Total,560000,46',
      '201819,Local authority,,202,Academies,Total,2000,50',
      '201819,Local authority,,202,All state-funded,Total,3000,48.5',
      ...[0, 1, 2, 3, 4, 5].map((k) => `201819,School,${100000 + k},202,Academy,Total,${100 + k},${40 + k}`),
    ];
    const f = files({ 'long.csv': [head, ...rows].join('\n') + '\n', 'census.csv': ['URN,PNUMFSMEVER', ...[0, 1, 2, 3, 4, 5].map((k) => `${100000 + k},${10 + 4 * k}`)].join('\n') + '\n' });
    const c = await fos(['check', '--attainment', f['long.csv'], '--fsm', f['census.csv'], '--format', 'json']);
    expect(c.code).toBe(0);
    const summary = JSON.parse(c.stdout).summary.join('\n');
    // By hand: England's All state-funded row (46.5, the second national row), LA 202's (48.5, its second).
    expect(summary).toMatch(/England 46\.5 \(the All state-funded row\) and 1 LA figure \(202: 48\.5\)/);
  });
});

describe('a long file with --links', () => {
  it('follows a school across its change of URN as the wide files do: trend, outperformers and check byte-identical', async () => {
    const f = longSample();
    const links = join(DATA, 'links.csv');
    const wideArgs = ['2017', '2018', '2019'].flatMap((y) => ['--attainment', `${y}=${wide(y)}`]);
    // 131524 became 147524 in 2018 (data/links.csv): trend by either URN, as from the wide files.
    for (const cmd of [['trend', '147524'], ['trend', '131524'], ['outperformers', '--consistent', '2/3']]) {
      const w = await fos([...cmd, ...wideArgs, ...fsmAll, '--links', links, '--format', 'csv']);
      const l = await fos([...cmd, '--attainment', f['long.csv'], ...fsmAll, '--links', links, '--format', 'csv']);
      expect(w.code).toBe(0);
      expect(l.code).toBe(0);
      expect(l.stdout).toBe(w.stdout);
      expect(l.stderr).toBe(w.stderr);
    }
    const t = await fos(['trend', '147524', '--attainment', f['long.csv'], ...fsmAll, '--links', links, '--format', 'csv']);
    // Its three years, 2017 under the old URN.
    expect(t.stdout.split('\n').filter((l) => l.startsWith('147524,')).map((l) => l.split(',').slice(2, 4).join(' '))).toEqual(['2017 131524', '2018 147524', '2019 147524']);
    // check: the same words on the links (its tables name the files, which differ).
    const summary = async (att: string[]) => JSON.parse((await fos(['check', ...att, ...fsmAll, '--links', links, '--format', 'json'])).stdout).summary.filter((l: string) => /URN|[Ll]inks/.test(l));
    const lc = await summary(['--attainment', f['long.csv']]);
    expect(lc.length).toBeGreaterThan(0);
    expect(lc).toEqual(await summary(wideArgs));
  });
});

describe('a long file is decoded once: the years found when the options are read, the rows at the load', () => {
  it('the config hands its opened long file to the load, which reads it without opening it again, then lets it go', async () => {
    const { toConfig } = await import('../../src/cli/config.js');
    const { loadInputs } = await import('../../src/io/loadInputs.js');
    const { rmSync } = await import('node:fs');
    const f = longSample();
    const env = { cwd: f.dir, isTTY: false, env: {}, samplePath: join(DATA, 'fos.json') };
    const c = toConfig('families', { attainment: [f['long.csv']], fsm: ['2017', '2018', '2019'].map((y) => `${y}=${census(y)}`) }, env);
    expect(c.inputs.map((y) => y.year)).toEqual(['2017', '2018', '2019']);
    // Gone from disk after the config read it: the load still has its text (a second decode would fail).
    rmSync(f['long.csv']);
    const loaded = loadInputs(c.inputs, { columns: c.columns, where: c.where, strict: false, open: c.open });
    // The sample's 2019 has 318 schools (as the check test above counts).
    expect(loaded.years.map((y) => y.schools.id.length)).toEqual([expect.any(Number), expect.any(Number), 318]);
    // Released once the load is done: opening it now reads the disk.
    expect(() => c.open(f['long.csv'])).toThrow(/no such file|not found/i);
  });
});
