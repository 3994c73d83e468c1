import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fos } from '../helpers/schools.js';

const SHARED = resolve(__dirname, '../../../shared/data');
const NY = join(SHARED, 'north-yorkshire');
const LINKS = join(SHARED, 'gias', 'links_edubasealldata20250422.csv');
const FILES = { '2017': '815_2017_ks4final.csv', '2018': '815_2018_ks4final.csv', '2019': '815_2019_ks4provisional.csv' };
const args = Object.entries(FILES).flatMap(([y, f]) => ['--attainment', `${y}=${join(NY, f)}`, '--fsm', `${y}=${join(NY, `815_${y}_census.csv`)}`]);
const trend = async (id: string, extra: string[]) => JSON.parse((await fos(['trend', id, ...args, ...extra, '--format', 'json'])).stdout);

describe.skipIf(!existsSync(NY) || !existsSync(LINKS))('North Yorkshire 2017–2019 with the GIAS links file', () => {
  it("Easingwold's trend is one school: 121664 in 2017 and 2018, 144976 in 2019", async () => {
    const j = await trend('144976', ['--links', LINKS]);
    // Linked 2017 in GIAS, but the 2018 file still has its row under 121664 (the table below): "until 2018".
    expect(j.title).toBe('Outwood Academy Easingwold (144976, was URN 121664 until 2018): ATT8SCR by year');
    // ATT8SCR as the files give it: 121664 49.7 (2017), 53.9 (2018, ICLOSE 1); 144976 55.4 (2019).
    expect(j.tables.trend.map((r: Record<string, unknown>) => [r.year, r.urn, r.measure, r.label !== 'not eligible'])).toEqual([
      ['2017', '121664', 49.7, true],
      ['2018', '121664', 53.9, true],
      ['2019', '144976', 55.4, true],
    ]);
    const without = await trend('144976', []);
    expect(without.tables.trend.map((r: Record<string, unknown>) => r.measure)).toEqual([null, null, 55.4]);
  });

  it('Richmond School in 2018: results under 121680, census under 145090, joined through the link', async () => {
    const j = await trend('145090', ['--links', LINKS]);
    expect(j.title).toMatch(/^Richmond School \(145090, was URN 121680 until 2018\)/);
    // ATT8SCR 49.5 (2017), 49.2 (2018), 45 (2019); 2018's % FSM (15.8) is in the census under 145090.
    expect(j.tables.trend.map((r: Record<string, unknown>) => [r.urn, r.measure, r.label !== 'not eligible'])).toEqual([
      ['121680', 49.5, true],
      ['121680', 49.2, true],
      ['145090', 45, true],
    ]);
    const check = JSON.parse((await fos(['check', ...args, '--links', LINKS, '--format', 'json'])).stdout);
    expect(check.tables.links).toContainEqual({ id: '144976', name: 'Outwood Academy Easingwold', urn: '121664', urn_years: '2017 2018' });
    // 2018 has a row under each URN of Easingwold: the one with results (121664, as its trend shows) is used.
    expect(check.summary).toContain('2018: two rows for one school: 121664 and 144976 (one school, 144976: 121664’s row used).');
    expect(check.summary.join('\n')).toMatch(/2018: 1 school’s FSM row is under its other URN, joined through the links: 121680 \(FSM row 145090\)/);
  });
});

const HANTS = join(SHARED, 'hampshire-ks4');
const hants = ['2016-2017_850_ks4final.csv', '2017-2018_850_ks4final.csv'].flatMap((f) => ['--attainment', join(HANTS, f)]);

describe.skipIf(!existsSync(HANTS) || !existsSync(LINKS))('Hampshire KS4 2017–2018: a school that closed into one open already', () => {
  it('Fort Hill (116444) and Cranbourne (116432) keep their own years: both have 2017 results', async () => {
    // GIAS: 116444 → 116432, 31-08-2017 (plain Predecessor/Successor). The 2017 file has a row
    // under each with results: Fort Hill 97 pupils, ATT8SCR 36.8 (ICLOSE 1); Cranbourne 127, 42.1.
    const run = async (id: string) => JSON.parse((await fos(['trend', id, ...hants, '--links', LINKS, '--format', 'json'])).stdout);
    const fortHill = await run('116444');
    expect(fortHill.title).toBe('Fort Hill Community School (116444): ATT8SCR by year');
    expect(fortHill.tables.trend.map((r: Record<string, unknown>) => [r.year, r.id, r.measure])).toEqual([['2017', '116444', 36.8], ['2018', '116444', null]]);
    const cranbourne = await run('116432');
    expect(cranbourne.title).toBe('Cranbourne Business and Enterprise College (116432): ATT8SCR by year');
    expect(cranbourne.tables.trend.map((r: Record<string, unknown>) => r.measure)).toEqual([42.1, 40]);
    expect(cranbourne.notes.join('\n')).toContain('116432: Predecessor 116444 (Fort Hill Community School), 31-08-2017: both have results in 2017 (116444 closed into 116432, open already): not followed');
  });
});
