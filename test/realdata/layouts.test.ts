import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutName } from '../../src/core/load/layouts.js';
import { headerOf } from '../../src/io/readTable.js';
import { fos } from '../helpers/schools.js';

const SHARED = resolve(__dirname, '../../../shared/data');
const at = (p: string) => join(SHARED, p);

describe.skipIf(!existsSync(SHARED))('the layout of each real file in ../shared/data', () => {
  it('is recognised from its header', () => {
    const expected: Record<string, string> = {
      'england-2019/england_ks4provisional.csv': 'DfE KS4 performance tables 2016–2019',
      'england-2019/england_census.csv': 'DfE school census 2016–2019',
      'england-2025/england_census.csv': 'DfE school census 2022–2025',
      'hampshire-ks2/2017-2018_850_ks2final.csv': 'DfE KS2 performance tables 2016–2019',
      'hampshire-ks4/2016-2017_850_ks4final.csv': 'DfE KS4 performance tables 2016–2019',
      'hampshire-ks4/2017-2018_850_ks4final.csv': 'DfE KS4 performance tables 2016–2019',
      'north-yorkshire/815_2017_ks4final.csv': 'DfE KS4 performance tables 2016–2019',
      'north-yorkshire/815_2018_census.csv': 'DfE school census 2016–2019',
      'north-yorkshire/815_2019_ks4provisional.csv': 'DfE KS4 performance tables 2016–2019',
      'gias/20220420_gias_850_936.csv': 'GIAS download',
      'gias/links_edubasealldata20250422.csv': 'unknown: columns found by name',
    };
    const found = Object.fromEntries(Object.keys(expected).map((f) => [f, layoutName(headerOf(at(f)))]));
    expect(found).toEqual(expected);
  });

  it('check names the 2024-25 census, loaded as --fsm with defaults', async () => {
    const r = await fos(['check', '--attainment', at('north-yorkshire/815_2019_ks4provisional.csv'), '--fsm', at('england-2025/england_census.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.summary.join('\n')).toMatch(/Layouts: 815_2019_ks4provisional\.csv DfE KS4 performance tables 2016–2019; england_census\.csv DfE school census 2022–2025\./);
    expect(j.summary.join('\n')).toMatch(/% FSM PNUMFSMEVER/);
    // Counted with Python's csv module: 72 rows with a URN, 54 of them in the 2024-25 census.
    expect(j.tables.years[0]).toMatchObject({ schools: 72, matched: 54 });
  });

  it('--preset london on Hampshire KS2 joined to GIAS puts selective schools apart by AdmissionsPolicy (name)', async () => {
    const r = await fos(['check', '--attainment', at('hampshire-ks2/2017-2018_850_ks2final.csv'), '--join', at('gias/20220420_gias_850_936.csv'), '--preset', 'london', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/selective schools apart: --match AdmissionsPolicy \(name\)/);
  });
});
