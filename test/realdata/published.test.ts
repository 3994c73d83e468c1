import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fos } from '../helpers/schools.js';

const SHARED = resolve(__dirname, '../../../shared/data');
const KS2 = join(SHARED, 'hampshire-ks2', '2017-2018_850_ks2final.csv');
const KS4 = join(SHARED, 'england-2019', 'england_ks4provisional.csv');
const CENSUS = join(SHARED, 'england-2019', 'england_census.csv');

describe.skipIf(!existsSync(KS2))('trend on Hampshire KS2 2017-18: the published Hampshire and England figures', () => {
  it('PTRWM_EXP beside the file’s RECTYPE 3 (Hampshire) and RECTYPE 5 (England, state-funded) rows', async () => {
    const r = await fos(['trend', '115922', '--attainment', KS2, '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // Read from the file by hand (Python's csv module): the RECTYPE 3 row (LEA 850,
    // Hampshire, TELIG 14463) has PTRWM_EXP "68%"; RECTYPE 4 (624151 pupils) and 5
    // (619703) both "64%". The average of Hampshire's eligible schools is not 68.
    expect(j.tables.trend[0]).toMatchObject({ id: '115922', year: '2018', measure: 73, la_average: 68, england_average: 64 });
    expect(j.summary.join('\n')).toMatch(/England and LA: the published figures in the file/);
    expect(j.notes.join('\n')).toMatch(/England: RECTYPE 5, the state-funded national row; LA: RECTYPE 3/);
  });

  it('check names the published figures it found', async () => {
    const j = JSON.parse((await fos(['check', '--attainment', KS2, '--format', 'json'])).stdout);
    expect(j.summary).toContain("Published figures for PTRWM_EXP in 2018's summary rows: England 64 (RECTYPE 5, the state-funded national row) and 1 LA figure (850: 68); fos trend sets each school beside them.");
    expect(j.tables.files[0].summary_rows_dropped).toBe(3); // RECTYPE 3, 4 and 5: still not schools
  });
});

describe.skipIf(!existsSync(KS4) || !existsSync(CENSUS))('trend on the national KS4 2019 file', () => {
  it('ATT8SCR beside Camden’s RECTYPE 4 row and the RECTYPE 7 (state-funded) England row', async () => {
    const r = await fos(['trend', '100053', '--attainment', KS4, '--fsm', CENSUS, '--format', 'json']);
    // The file's rows "4,202,…,1571,48.5" and "7,…,542831,46.5" (RECTYPE 5, all schools: 44.5).
    expect(JSON.parse(r.stdout).tables.trend[0]).toMatchObject({ la_average: 48.5, england_average: 46.5 });
  });
});
