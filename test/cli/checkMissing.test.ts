import { describe, expect, it } from 'vitest';
import { files, fos, ks4 } from '../helpers/schools.js';

// Five schools; the joined table (a GIAS-like one) has rows for 1–4: school 3's Easting and
// Northing are blank, school 5 has no row at all.
const f = files({
  'ks4.csv': ks4(
    [
      ['1', '900', '1', 'A', '100', '40', '10'],
      ['1', '900', '2', 'B', '90', '42', '12'],
      ['1', '900', '3', 'C', '60', '44', '14'],
      ['1', '900', '4', 'D', '80', '46', '16'],
      ['1', '900', '5', 'E', '70', '48', '18'],
    ],
    ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PTFSM6CLA1A'],
  ),
  'places.csv': 'URN,Easting,Northing\n1,450000,120000\n2,451000,121000\n3,,\n4,452000,122000\n',
});

describe("check's missing values of a joined table's columns", () => {
  it('name the joined file and its column, the field in words, and count schools with no row apart from blank cells', async () => {
    const r = await fos(['check', '--attainment', f['ks4.csv'], '--join', f['places.csv'], '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const missing = JSON.parse(r.stdout).tables.missing as Record<string, unknown>[];
    // By hand: school 3's cells are blank (1), school 5 has no row in places.csv (1).
    expect(missing.filter((m) => m.file === 'places.csv')).toEqual([
      { year: 'latest', file: 'places.csv', field: 'location (easting)', column: 'Easting', missing: 2, codes: '(blank) 1, (no row in the joined table) 1' },
      { year: 'latest', file: 'places.csv', field: 'location (northing)', column: 'Northing', missing: 2, codes: '(blank) 1, (no row in the joined table) 1' },
    ]);
    // The attainment file's own columns stay under its name.
    expect(missing.find((m) => m.column === 'ATT8SCR')).toMatchObject({ file: 'ks4.csv', field: 'measure', missing: 0 });
  });

  it('latitude and longitude are named so', async () => {
    const g = files({ 'ks4.csv': ks4([['1', '900', '1', 'A', '100', '40', '10'], ['1', '900', '2', 'B', '90', '42', '12']], ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PTFSM6CLA1A']), 'geo.csv': 'URN,LATITUDE,LONGITUDE\n1,51.5,-0.1\n' });
    const j = JSON.parse((await fos(['check', '--attainment', g['ks4.csv'], '--join', g['geo.csv'], '--format', 'json'])).stdout);
    expect(j.tables.missing.filter((m: { file: string }) => m.file === 'geo.csv').map((m: { field: string; codes: string }) => `${m.field}: ${m.codes}`)).toEqual([
      'location (latitude): (no row in the joined table) 1',
      'location (longitude): (no row in the joined table) 1',
    ]);
  });
});
