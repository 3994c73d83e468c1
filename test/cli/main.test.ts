import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { HelperThread } from '../../src/parallel/helperThread.js';
import { files, fos, ks4 } from '../helpers/schools.js';

// Runs on the bundled synthetic sample (data/fos.json) unless inputs are given.
/** A helper thread that counts the files it was offered. */
class Counting extends HelperThread {
  offered = 0;
  takes(file: string) {
    this.offered++;
    return super.takes(file);
  }
}

describe('fos (in-process)', () => {
  it('says on stderr when it uses the bundled sample; stdout carries data only', async () => {
    const r = await fos(['check', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/bundled synthetic sample/);
    const rows = parse(r.stdout, { bom: true, columns: true });
    expect(rows.map((x: { year: string }) => x.year)).toEqual(['2017', '2018', '2019']);
  });

  it('families: one csv row per eligible school with the documented columns', async () => {
    const r = await fos(['families', '--format', 'csv']);
    const rows = parse(r.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(['year', 'id', 'name', 'la', 'fsm', 'measure', 'cohort', 'family', 'family_size', 'family_median', 'family_mean', 'family_sd', 'gap', 'z', 'rank', 'percentile', 'label']);
    const check = await fos(['check', '--format', 'json']);
    const eligible = JSON.parse(check.stdout).tables.years.find((y: { year: string }) => y.year === '2019').eligible;
    expect(rows).toHaveLength(eligible);
    expect(rows.every((x) => x.family === x.id && x.family_size === '20')).toBe(true);
  });

  it('uses the helper thread its caller started (as bin.ts does), with the same bytes', async () => {
    // A helper that takes every file (no size too small) and counts the files it was offered.
    // Two threads asked for: `auto` is one thread on a machine of two cores or fewer.
    const helper = new Counting(undefined, undefined, 0);
    const shared = await fos(['outperformers', '--threads', '2', '--format', 'csv'], { helper });
    const alone = await fos(['outperformers', '--format', 'csv']);
    expect(helper.offered).toBeGreaterThan(0);
    expect(shared.code).toBe(0);
    expect(shared.stdout).toBe(alone.stdout);
  });

  it('--threads 1 gives the same bytes as the default, offering no file to a helper; a bad count is refused', async () => {
    const helper = new Counting(undefined, undefined, 0);
    const one = await fos(['outperformers', '--threads', '1', '--format', 'csv'], { helper });
    expect(one.code).toBe(0);
    expect(helper.offered).toBe(0);
    expect(one.stdout).toBe((await fos(['outperformers', '--format', 'csv'])).stdout);
    const bad = await fos(['outperformers', '--threads', '0']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--threads')]);
  });

  it('json carries meta to reproduce the result: version, options, inputs with SHA-256', async () => {
    const r = await fos(['outperformers', '--format', 'json', '--threshold', '1.5']);
    const j = JSON.parse(r.stdout);
    expect(j.meta).toMatchObject({ tool: 'fos', command: 'outperformers', options: { threshold: 1.5, method: 'neighbours', size: 20 } });
    // Three years of attainment and FSM files, and the links file the sample's manifest names.
    expect(j.meta.inputs).toHaveLength(7);
    expect(j.meta.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(j.meta.inputs[6]).toMatchObject({ file: 'data/links.csv', role: 'links', rows: 6 });
    expect(j.tables.outperformers.every((row: { z: number; candidate: boolean; consistent: boolean }) => row.candidate ? row.z >= 1.5 : row.consistent)).toBe(true);
  });

  it('outperformers with one year: every candidate, each with that one year as its history', async () => {
    const r = await fos(['outperformers', '--attainment', 'data/ks4_2019.csv', '--fsm', 'data/census_2019.csv', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect([row.candidate, row.years_candidate, row.years_loaded, row.consistent, row.history]).toEqual(['true', '1', '1', '', '2019✓']);
  });

  it('report: the school highlighted, a verdict, every member', async () => {
    const fam = parse((await fos(['families', '--format', 'csv'])).stdout, { bom: true, columns: true }) as Record<string, string>[];
    const id = fam[10].id;
    const r = await fos(['report', id]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('▶');
    expect(r.stdout).toMatch(/(Well above|Above|Close to|Below|Well below) similar schools: \d+(st|nd|rd|th) of 20/);
    const j = JSON.parse((await fos(['report', id, '--format', 'json'])).stdout);
    expect(j.tables.members).toHaveLength(20);
    expect(j.tables.members.filter((m: { id: string }) => m.id === id)).toHaveLength(1);
  });

  it('report: an unknown school is a usage error with the closest names', async () => {
    const r = await fos(['report', 'Brook Lane Hihg School']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean: .*Brook Lane High School/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('odds: cross-tab, findings and the regression', async () => {
    const r = await fos(['odds']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/% of schools with 35–50% FSM \(\d+ of \d+\) obtained results in the top two quartiles/);
    expect(r.stdout).toMatch(/R² = 0\.\d{3}/);
  });

  it('partners and trend run on the sample', async () => {
    const fam = parse((await fos(['families', '--format', 'csv'])).stdout, { bom: true, columns: true }) as Record<string, string>[];
    const weak = fam.find((x) => x.label === 'well below')!;
    const p = await fos(['partners', weak.id, '--format', 'json']);
    expect(p.code).toBe(0);
    const partners = JSON.parse(p.stdout).tables.partners;
    expect(partners.length).toBeGreaterThan(0);
    for (const x of partners) expect(x.lead).toBeGreaterThan(0);
    const t = await fos(['trend', weak.id, '--format', 'json']);
    expect(JSON.parse(t.stdout).tables.trend.map((x: { year: string }) => x.year)).toEqual(['2017', '2018', '2019']);
  });

  it('trend --group: each school by year and the group line', async () => {
    const fam = parse((await fos(['families', '--format', 'csv'])).stdout, { bom: true, columns: true }) as Record<string, string>[];
    const f = files({ 'ids.txt': `# network\n${fam[0].id}\n${fam[1].id}\n` });
    const j = JSON.parse((await fos(['trend', '--group', f['ids.txt'], '--format', 'json'])).stdout);
    expect(j.tables.trend.map((r: { id: string }) => r.id)).toEqual([fam[0].id, fam[0].id, fam[0].id, fam[1].id, fam[1].id, fam[1].id, 'group', 'group', 'group']);
  });

  it('exit codes: 2 for usage, 1 for data', async () => {
    expect((await fos(['families', '--no-such-flag'])).code).toBe(2);
    expect((await fos(['families', '--size', '1'])).code).toBe(2);
    expect((await fos(['families', '--method', 'nope'])).code).toBe(2);
    expect((await fos(['check', '--attainment', '/no/such/file.csv'])).code).toBe(2);
    const f = files({ 'a.csv': ks4([['1', '900', '1', 'A', '100', 'abc']]) });
    const bad = await fos(['check', '--attainment', f['a.csv'], '--fsm-col', 'ATT8SCR']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/a\.csv, line 2, column ATT8SCR, value "abc"/);
  });

  it('loads any country through the column flags', async () => {
    // A US-style file: NCES ids with leading zeros, percent proficient, % free/reduced lunch.
    const rows = Array.from({ length: 30 }, (_, k) => `0${600000 + k},Lincoln ${k} High,CA-${k % 3},${(20 + k * 2.5).toFixed(1)},${(80 - k * 1.1).toFixed(1)},${50 + k}`);
    const f = files({ 'us.csv': ['NCESSCH,SCH_NAME,LEAID,PCT_FRL,PROFICIENT,ENROLL', ...rows].join('\n') });
    const r = await fos(['families', '--attainment', f['us.csv'], '--id-col', 'NCESSCH', '--name-col', 'SCH_NAME', '--la-col', 'LEAID', '--measure', 'PROFICIENT', '--fsm-col', 'PCT_FRL', '--cohort-col', 'ENROLL', '--size', '10', '--format', 'csv']);
    expect(r.code).toBe(0);
    const out = parse(r.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(out).toHaveLength(30);
    expect(out[0].id).toBe('0600000');
    expect(out[0].family_size).toBe('10');
  });

  it('-o writes the file atomically, takes the format from the extension, and never overwrites an input', async () => {
    const f = files({ 'a.csv': ks4(Array.from({ length: 5 }, (_, k) => ['1', '900', String(k + 1), `S${k}`, '100', String(40 + k)])) });
    const out = join(f.dir, 'out.json');
    const r = await fos(['families', '--attainment', f['a.csv'], '--fsm-col', 'TPUP', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).tables.families).toHaveLength(5);
    const before = readFileSync(f['a.csv'], 'utf8');
    const clash = await fos(['families', '--attainment', f['a.csv'], '--fsm-col', 'TPUP', '-o', f['a.csv']]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/one of the input files/);
    expect(readFileSync(f['a.csv'], 'utf8')).toBe(before);
    writeFileSync(out, 'old');
    const failed = await fos(['families', '--attainment', join(f.dir, 'missing.csv'), '-o', out]);
    expect(failed.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(existsSync(join(f.dir, 'nothing', 'x.csv'))).toBe(false);
    expect((await fos(['families', '--attainment', f['a.csv'], '--fsm-col', 'TPUP', '-o', join(f.dir, 'nothing', 'x.csv')])).code).toBe(4); // the output cannot be written
  });

  it('colour only on a terminal, and never with NO_COLOR', async () => {
    const tty = await fos(['check'], { tty: true });
    expect(tty.stdout).toMatch(/\x1b\[/);
    const noColor = await fos(['check'], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(/\x1b\[/);
    expect((await fos(['check'])).stdout).not.toMatch(/\x1b\[/);
  });
});
