import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fos } from '../helpers/schools.js';

// Issue 21 on the real files beside the repo (../shared/data); skipped without them.
const SHARED = resolve(__dirname, '../../../shared/data');
const N = join(SHARED, 'north-yorkshire', '815_2018_ks4final.csv');
const E = join(SHARED, 'england-2019');

describe.skipIf(!existsSync(SHARED))('families that are truly alike, on real data', () => {
  it('North Yorkshire 2018 KS4, --preset london: its columns named, no family mixes selective (ADMPOL SEL) and non-selective schools', async () => {
    const r = await fos(['families', '--attainment', N, '--preset', 'london', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--preset london: prior attainment: KS2APS; % disadvantaged: PTFSM6CLA1A; % EAL: PTEALGRP2; selective schools apart: --match ADMPOL');
    const rows: { id: string; members: string }[] = JSON.parse(r.stdout).tables.families;
    // The three SEL schools of the file (Ermysted's, Skipton Girls', Ripon Grammar), by URN.
    const grammar = new Set(['136664', '121716', '121694'].filter((id) => rows.some((x) => x.id === id)));
    expect(grammar.size).toBe(3);
    for (const row of rows) {
      const members = row.members.split(' ');
      const sel = members.filter((m) => grammar.has(m)).length;
      expect(sel === 0 || sel === members.length).toBe(true);
    }
    // (scripts/crosscheck_strata.py, an all-pairs Python brute force, agrees on all 42 families.)
  });

  it("St Aidan's CE High (137139) on North Yorkshire 2018: with the selective stratum its family has no grammar school", async () => {
    const without = await fos(['report', '137139', '--attainment', N, '--format', 'json']);
    const within = await fos(['report', '137139', '--attainment', N, '--match', 'ADMPOL', '--format', 'json']);
    const ids = (r: { stdout: string }) => JSON.parse(r.stdout).tables.members.map((m: { id: string }) => m.id);
    expect(ids(without).filter((id: string) => ['136664', '121716', '121694'].includes(id)).length).toBeGreaterThan(0);
    expect(ids(within).filter((id: string) => ['136664', '121716', '121694'].includes(id))).toEqual([]);
    expect(JSON.parse(without.stdout).summary[0]).toBe('Above similar schools: 4th of 20, 8.9 points above the family median.');
    expect(JSON.parse(within.stdout).summary[0]).toBe('Well above similar schools: 1st of 20, 11.5 points above the family median.');
  });

  it('national 2019 + census, --preset eef: names the columns it took and those the provisional file lacks', async () => {
    const r = await fos(['check', '--attainment', join(E, 'england_ks4provisional.csv'), '--fsm', join(E, 'england_census.csv'), '--preset', 'eef', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--preset eef: prior attainment: none of KS2APS, PTPRIORHI found; left out; % disadvantaged: PNUMFSMEVER; % EAL: PNUMEAL; % SEN: PSENELK (weights renormalised without prior attainment)');
    const strict = await fos(['check', '--attainment', join(E, 'england_ks4provisional.csv'), '--fsm', join(E, 'england_census.csv'), '--preset', 'eef', '--strict']);
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toMatch(/no column for prior attainment/);
  });

  it('Hampshire KS4 2017 and 2018: turnover printed by check and trend; --context-years 2 keeps more members than 1', async () => {
    const H = join(SHARED, 'hampshire-ks4');
    const files = ['--attainment', join(H, '2016-2017_850_ks4final.csv'), '--attainment', join(H, '2017-2018_850_ks4final.csv')];
    const line = (k: number) => `Family turnover 2017→2018: a median of ${k} of 19 members kept from last year's family (65 schools in both years).`;
    expect((await fos(['check', ...files])).stdout).toContain(line(11));
    expect((await fos(['check', ...files, '--context-years', '2'])).stdout).toContain(line(14));
    const trend = await fos(['trend', '116234', ...files]);
    expect(trend.stdout).toContain(line(11));
  });
});
