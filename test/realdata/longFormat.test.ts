import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wideToLong } from '../../scripts/wide-to-long.mjs';
import { files, fos } from '../helpers/schools.js';

// Issue 20.4 on the real national file beside the repo (../shared/data); skipped without it.
const E = resolve(__dirname, '../../../shared/data/england-2019');
const N = resolve(__dirname, '../../../shared/data/north-yorkshire');

describe.skipIf(!existsSync(E))('a long-format file made from the 2019 national KS4 file', () => {
  it('gives byte-identical families csv to the wide file, with the same census', async () => {
    const wide = join(E, 'england_ks4provisional.csv');
    const census = join(E, 'england_census.csv');
    const f = files({ 'england_ks4_long.csv': wideToLong([['2019', readFileSync(wide)]]) });
    const w = await fos(['families', '--attainment', wide, '--fsm', census, '--format', 'csv']);
    const l = await fos(['families', '--attainment', f['england_ks4_long.csv'], '--fsm', census, '--format', 'csv']);
    expect(w.code).toBe(0);
    // 3142 eligible schools, one line each, and the header.
    expect(w.stdout.trimEnd().split('\n').length).toBe(3143);
    expect(l.stdout).toBe(w.stdout);
    const c = JSON.parse((await fos(['check', '--attainment', f['england_ks4_long.csv'], '--fsm', census, '--format', 'json'])).stdout);
    // The wide file's 155 LA rows (RECTYPE 4) and 2 national rows (RECTYPE 5 and 7).
    expect(c.tables.long[0]).toMatchObject({ schools: 5495, not_schools: 'Local authority 155, National 2', other_breakdowns: 'Disadvantaged 5495' });
    // As from the wide file: the published England figure (its state-funded national row, RECTYPE 7 there), and the note on grammar schools.
    expect(c.summary).toContain("Published figures for avg_att8 in 2019's summary rows: England 46.5 (the All state-funded row) and 150 LA figures; fos trend sets each school beside them.");
    expect(c.summary.some((l: string) => l.startsWith('139 of these 3142 schools have Attainment 8 of 65 or more'))).toBe(true);
  });

  it('North Yorkshire 2017–2018 in one long file: --breakdown Disadvantaged gives what ATT8SCR_FSM6CLA1A (cohort TFSM6CLA1A) gives from the wide files', async () => {
    const years = ['2017', '2018'];
    const wide = (y: string) => join(N, `815_${y}_ks4final.csv`);
    const f = files({ 'ny_long.csv': wideToLong(years.map((y) => [y, readFileSync(wide(y))])) });
    const fsm = years.flatMap((y) => ['--fsm', `${y}=${join(N, `815_${y}_census.csv`)}`]);
    const w = await fos(['families', ...years.flatMap((y) => ['--attainment', `${y}=${wide(y)}`]), ...fsm, '--measure', 'ATT8SCR_FSM6CLA1A', '--format', 'csv']);
    const l = await fos(['families', '--attainment', f['ny_long.csv'], ...fsm, '--breakdown', 'Disadvantaged', '--format', 'csv']);
    expect(w.code).toBe(0);
    expect(w.stdout.trimEnd().split('\n').length).toBe(37);
    expect(l.stdout).toBe(w.stdout);
  });
});
