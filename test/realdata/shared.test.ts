import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fos } from '../helpers/schools.js';

// Real, unedited DfE files beside the repo (../shared/data). Skipped on a fresh clone without them.
const SHARED = resolve(__dirname, '../../../shared/data');
const have = existsSync(SHARED);
const E = join(SHARED, 'england-2019');
const N = join(SHARED, 'north-yorkshire');
const H = join(SHARED, 'hampshire-ks4');
const england = ['--attainment', join(E, 'england_ks4provisional.csv'), '--fsm', join(E, 'england_census.csv')];
const northYorkshire = [
  ...['2017_ks4final', '2018_ks4final', '2019_ks4provisional'].flatMap((f) => ['--attainment', join(N, `815_${f}.csv`)]),
  ...['2017', '2018', '2019'].flatMap((y) => ['--fsm', join(N, `815_${y}_census.csv`)]),
];
const csv = (s: string) => parse(s, { bom: true, columns: true }) as Record<string, string>[];

describe.skipIf(!have)('real DfE data (../shared/data)', () => {
  it('england-2019: check counts (verified independently with a Python csv script)', async () => {
    const r = await fos(['check', ...england, '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.tables.years[0]).toMatchObject({
      year: '2019',
      schools: 5495,
      matched: 5168,
      attainment_only: 327,
      fsm_only: 18771,
      eligible: 3142,
      excluded_special_school: 1199,
      excluded_no_fsm_row: 242,
      excluded_measure_missing: 911,
      excluded_cohort_below_minimum: 1,
    });
    expect(j.tables.files.map((f: { summary_rows_dropped: number }) => f.summary_rows_dropped)).toEqual([157, 3]); // 3 national rows (URN NAT) end the census
  });

  it('england-2019: families agree with the brute-force cross-check for a handful of schools', async () => {
    const rows = csv((await fos(['families', ...england, '--format', 'csv'])).stdout);
    expect(rows).toHaveLength(3142);
    // Figures from scripts/crosscheck.py (all-pairs Python), which agreed on all 3142 rows.
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('100050')).toMatchObject({ name: 'Parliament Hill School', fsm: '49.6', measure: '58.6', family_median: '39.8', rank: '1', family_size: '20', label: 'well above' });
    expect(byId.get('100049')).toMatchObject({ family_median: '38.2', gap: '4.2', rank: '6', family_size: '20', label: 'above' });
  });

  it('england-2019: Progress 8 with its confidence bounds as the candidate rule', async () => {
    const r = await fos(['outperformers', ...england, '--measure', 'P8MEA', '--format', 'csv', '--no-robust']);
    expect(r.code).toBe(0);
    const rows = csv(r.stdout);
    // Hundreds of candidates (521 when written), so the checks below run on real rows.
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(Number(row.z)).toBeGreaterThanOrEqual(1);
      expect(row.reason).toMatch(/lower bound .* clears median/);
    }
  });

  it('england-2019: Progress 8 shown to 2 decimals, as DfE publishes it (issue 17, item 7)', async () => {
    const r = await fos(['report', '100050', ...england, '--measure', 'P8MEA']);
    // Parliament Hill: P8MEA 0.77 in the file; the gap to the family median is 1.18 (0.77 − (−0.41)).
    expect(r.stdout).toMatch(/1st of 20, 1\.18 points above the family median/);
    expect(r.stdout).toMatch(/│ ▶ 1 │ 100050 │ Parliament Hill School +│ 202 │ +49\.6 │ +0\.77 │/);
  });

  it('north-yorkshire: three years load, with consistent and one-year candidates', async () => {
    const check = JSON.parse((await fos(['check', ...northYorkshire, '--format', 'json'])).stdout);
    expect(check.tables.years.map((y: { year: string; eligible: number }) => [y.year, y.eligible])).toEqual([['2017', 41], ['2018', 41], ['2019', 43]]);
    const out = csv((await fos(['outperformers', ...northYorkshire, '--size', '10', '--format', 'csv'])).stdout);
    expect(out.some((r) => r.consistent === 'true')).toBe(true);
    expect(out.some((r) => r.consistent === 'false' && r.candidate === 'true')).toBe(true);
    for (const r of out) expect(r.years_loaded).toMatch(/^[1-3]$/);
  });

  it('hampshire: % FSM from PTFSM6CLA1A inside the attainment file', async () => {
    const r = await fos(['check', '--attainment', join(H, '2016-2017_850_ks4final.csv'), '--attainment', join(H, '2017-2018_850_ks4final.csv'), '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j.tables.years.map((y: { fsm_file: string; eligible: number }) => [y.fsm_file, y.eligible])).toEqual([['(attainment file)', 69], ['(attainment file)', 68]]);
    expect(j.tables.files[0]).toMatchObject({ short_rows: 2, summary_rows_dropped: 3 }); // two school rows of 26 fields end before ATT8SCR
  });
});
