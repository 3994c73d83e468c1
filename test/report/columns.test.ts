import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, measureDigits, pick } from '../../src/report/columns.js';
import { files, fos } from '../helpers/schools.js';

describe('the column catalogue', () => {
  it('gives measure columns the measure\'s name and decimals, and their spreads one more', () => {
    const [measure, median, sd, z] = pick(['measure', 'family_median', 'family_sd', 'z'], { measure: 'P8MEA', digits: 2 });
    expect(measure).toEqual({ key: 'measure', header: 'measure', type: 'number', digits: 2, label: 'P8MEA' });
    expect([median.digits, sd.digits, z.digits]).toEqual([2, 3, 2]);
    expect(pick([['z', { label: 'z in own family' }]], { measure: 'X', digits: 1 })[0].label).toBe('z in own family');
  });

  it('says what every column holds', () => {
    for (const [name, entry] of Object.entries(CATALOGUE)) expect(entry.about.length, name).toBeGreaterThan(5);
  });

  it('measureDigits: 2 for Progress 8, else the most decimals of the values (1 to 4); worked by hand', () => {
    expect(measureDigits('P8MEA', [0.5])).toBe(2);
    expect(measureDigits('ATT8SCR', [47.1, 50, null, NaN])).toBe(1);
    expect(measureDigits('PTL2BASICS_94', [66.43, 50.1])).toBe(2);
    expect(measureDigits('X', [0.56, 1.125])).toBe(3);
    expect(measureDigits('X', [1 / 3])).toBe(4);
    expect(measureDigits('X', [])).toBe(1);
  });
});

// 12 schools whose measure has 2 decimals (e.g. a Progress 8 column under another name).
const twoDecimals = () =>
  files({ 'a.csv': ['URN,SCHNAME,LEA,TPUP,SCORE,PTFSM6CLA1A', ...Array.from({ length: 12 }, (_, k) => `${100 + k},School ${k},900,100,${(0.05 * k - 0.27).toFixed(2)},${10 + k}`)].join('\n') + '\n' });

describe('decimals follow the measure (issue 17, item 7)', () => {
  it('a measure with 2 decimals is shown with 2, not rounded to 1', async () => {
    const f = twoDecimals();
    const r = await fos(['report', '105', '--attainment', f['a.csv'], '--measure', 'SCORE', '--size', '5']);
    expect(r.code).toBe(0);
    // School 5: SCORE 0.05·5 − 0.27 = −0.02; members 103–107 (the nearest in % FSM), others −0.12, −0.07, 0.03, 0.08: median −0.02, gap 0.00.
    expect(r.stdout).toMatch(/│ +-0\.02 │/);
    expect(r.stdout).toMatch(/level with the family median/);
    const md = (await fos(['families', '--attainment', f['a.csv'], '--measure', 'SCORE', '--size', '5', '--format', 'md'])).stdout;
    expect(md).toMatch(/\| 0\.28 \|/); // school 11: 0.05·11 − 0.27
  });
});

/** A cell a spreadsheet would read as a date, a time or a fraction ("3/20", "1-2", "10:30"), or run as a formula. */
const spreadsheetTrap = (cell: string) => /^\s*\d+\s*[/:.-]\s*\d+([/:.-]\d+)?\s*$/.test(cell) && !/^-?\d+\.\d+$/.test(cell) ? 'date' : /^[=+\-@\t\r]/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell) ? 'formula' : undefined;

describe('spreadsheets read every cell as written (issue 17, item 18)', () => {
  const commands = [['families'], ['families', '--method', 'bands', '--summary'], ['outperformers'], ['check'], ['odds'], ['report', '130075'], ['partners', '130075'], ['trend', '130075']];

  it('csv: rank and family size, robust kept and tried, as numbers; no cell a date or a formula', async () => {
    const csv: Record<string, Record<string, string>[]> = {};
    for (const argv of commands) {
      const r = await fos([...argv, '--format', 'csv']);
      expect(r.code, argv.join(' ')).toBe(0);
      const rows = (csv[argv.join(' ')] = parse(r.stdout, { bom: true, columns: true }) as Record<string, string>[]);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) for (const [col, cell] of Object.entries(row)) expect(spreadsheetTrap(cell), `${argv[0]} ${col} ${cell}`).toBeUndefined();
    }
    for (const row of csv.outperformers) {
      expect(row.rank).toMatch(/^\d+$/);
      expect(Number(row.rank)).toBeLessThanOrEqual(Number(row.family_size));
      expect([row.robust, row.robust_tried]).toEqual([expect.stringMatching(/^[0-3]$/), '3']);
    }
  });

  it('json and xlsx: the same two numbers, typed as numbers; tables show "3/20"', async () => {
    const j = JSON.parse((await fos(['outperformers', '--format', 'json'])).stdout).tables.outperformers;
    expect(j.every((r: Record<string, unknown>) => typeof r.rank === 'number' && typeof r.family_size === 'number' && typeof r.robust === 'number' && r.robust_tried === 3)).toBe(true);
    const f = files({});
    const out = join(f.dir, 'o.xlsx');
    expect((await fos(['outperformers', '-o', out])).code).toBe(0);
    const sheet = (await readXlsxFile(out))[0].data as unknown[][];
    const col = (name: string) => sheet[0].indexOf(name);
    for (const row of sheet.slice(1)) for (const name of ['rank', 'family_size', 'robust', 'robust_tried']) expect(typeof row[col(name)], name).toBe('number');
    const table = (await fos(['outperformers'])).stdout;
    expect(table).toMatch(/│ +1\/20 │/);
    expect(table).toMatch(/│ +3\/3 │/);
    expect(table).not.toMatch(/robust_tried|tried/);
    const html = (await fos(['trend', '130075', '--format', 'html'])).stdout;
    expect(html).toMatch(/<td class="num">\d+\/20<\/td>/);
    expect(html).not.toContain('family_size');
  });
});
