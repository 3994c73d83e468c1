import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { files, fos, ks4 } from '../helpers/schools.js';

const csv = (s: string) => parse(s, { bom: true, columns: true }) as Record<string, string>[];
const census = (ids: number[]) => 'URN,PNUMFSMEVER\n' + ids.map((k) => `${k},${k * 3}`).join('\n') + '\n';
const f = files({
  'a.csv': ks4([1, 2, 3].map((k) => ['1', '850', `${k}`, `A${k}`, '30', `${40 + k}`])),
  // Columns in another order and case: found by name.
  'b.csv': 'urn,ATT8SCR,TPUP,SCHNAME,LEA,RECTYPE\n' + [4, 5, 6].map((k) => `${k},${40 + k},30,B${k},936,1`).join('\n') + '\n',
  'dup.csv': ks4([['1', '936', '7', 'D7', '30', '50'], ['1', '936', '2', 'D2', '30', '50']]),
  'c.csv': census([1, 2, 3, 4, 5, 6]),
});

describe('several files for one year', () => {
  it('are read as one table: every school of both files', async () => {
    const r = await fos(['families', '--attainment', `2019=${f['a.csv']}`, '--attainment', `2019=${f['b.csv']}`, '--fsm', f['c.csv'], '--size', '3', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = csv(r.stdout);
    expect(rows.map((x) => [x.id, x.name, x.la, x.fsm])).toEqual([1, 2, 3, 4, 5, 6].map((k) => [`${k}`, `${k < 4 ? 'A' : 'B'}${k}`, k < 4 ? '850' : '936', `${k * 3}`]));
  });

  it('a school in two of them is the duplicate error naming both files and lines', async () => {
    const r = await fos(['check', '--attainment', `2019=${f['a.csv']}`, '--attainment', `2019=${f['dup.csv']}`, '--fsm', f['c.csv']]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`school 2 appears twice (${f['a.csv']} line 3 and ${f['dup.csv']} line 3)`);
  });

  it('a folder or a pattern names its .csv files in name order', async () => {
    const dir = join(f.dir, 'la');
    mkdirSync(dir);
    writeFileSync(join(dir, '850.csv'), ks4([1, 2, 3].map((k) => ['1', '850', `${k}`, `A${k}`, '30', `${40 + k}`])));
    writeFileSync(join(dir, '936.csv'), ks4([4, 5, 6].map((k) => ['1', '936', `${k}`, `B${k}`, '30', `${40 + k}`])));
    const folder = await fos(['families', '--attainment', `2019=${dir}`, '--fsm', f['c.csv'], '--size', '3', '--format', 'csv']);
    const glob = await fos(['families', '--attainment', `2019=${join(dir, '*.csv')}`, '--fsm', f['c.csv'], '--size', '3', '--format', 'csv']);
    expect(csv(folder.stdout)).toHaveLength(6);
    expect(glob.stdout).toBe(folder.stdout);
  });
});
