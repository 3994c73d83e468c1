import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fos } from '../helpers/schools.js';

const SHARED = resolve(__dirname, '../../../shared/data');
const KS2 = join(SHARED, 'hampshire-ks2', '2017-2018_850_ks2final.csv');
const GIAS = join(SHARED, 'gias', '20220420_gias_850_936.csv');
const csv = (s: string) => parse(s, { bom: true, columns: true }) as Record<string, string>[];

describe.skipIf(!existsSync(KS2) || !existsSync(GIAS))('Hampshire KS2 2017-18 joined to the GIAS download', () => {
  const args = ['--attainment', KS2, '--join', GIAS];

  it('partners --max-km 15 with no --location-cols: each km is the distance between the GIAS Easting/Northing', async () => {
    const r = await fos(['partners', '115851', ...args, '--max-km', '15', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = csv(r.stdout);
    expect(rows.length).toBeGreaterThan(0);
    // Worked independently: Pythagoras on GIAS's Easting/Northing (metres), read with Python's csv module.
    const gias = parse(readFileSync(GIAS, 'latin1'), { columns: true, relax_column_count: true }) as Record<string, string>[];
    const at = (urn: string) => gias.find((g) => g.URN === urn)!;
    const a = at('115851');
    for (const p of rows) {
      const b = at(p.id);
      const km = Math.hypot(Number(a.Easting) - Number(b.Easting), Number(a.Northing) - Number(b.Northing)) / 1000;
      expect(Number(p.km)).toBeCloseTo(km, 3);
      expect(km).toBeLessThanOrEqual(15);
    }
    expect(rows[0]).toMatchObject({ id: '116267', km: '0.491' }); // (472015,139980)–(471657,139644)
  });

  it('--where on a GIAS column; check says GIAS and its coverage', async () => {
    const r = await fos(['check', ...args, '--where', 'TypeOfEstablishment (name)=Academy converter', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.tables.years[0].schools).toBe(8);
    const all = JSON.parse((await fos(['check', ...args, '--format', 'json'])).stdout);
    expect(all.tables.joins[0]).toMatchObject({ joined_as: 'GIAS', joined_on: 'URN', rows: 1096, joined_schools: 312, joined_missing: 16 });
  });
});
