import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { files, fos } from '../helpers/schools.js';

const csv = (s: string) => parse(s, { bom: true, columns: true }) as Record<string, string>[];
// Six schools; GIAS-style table with locations 3 km apart along the x axis, types, a Town shared with the attainment file.
const f = files({
  'ks2.csv': 'URN,SCHNAME,TELIG,PTRWM_EXP,PTFSM6CLA1A,TOWN\n' + [1, 2, 3, 4, 5, 6].map((k) => `${k},S${k},30,${50 + k * 5},${10 + k},T${k}`).join('\n') + '\n',
  'gias.csv':
    '"URN","EstablishmentName","LA (name)","TypeOfEstablishment (name)","PhaseOfEducation (name)","Easting","Northing","Town"\n' +
    [1, 2, 3, 4, 5, 6].map((k) => `"${k}","G${k}","Hants","${k % 2 ? 'Academy converter' : 'Community school'}","Primary","${400000 + k * 3000}","100000","g${k}"`).join('\n') +
    '\n',
  'extra.csv': 'school_urn,EAL\n1,5\n2,6\n3,7\n4,8\n5,9\n',
});
const base = ['--attainment', f['ks2.csv'], '--join', f['gias.csv'], '--format', 'csv'];

describe('--join', () => {
  it('a GIAS table gives locations with no --location-cols: --max-km keeps the partners within reach (3 km a step in x)', async () => {
    const all = await fos(['partners', '1', ...base, '--size', '5', '--threshold', '0']);
    const near = await fos(['partners', '1', ...base, '--size', '5', '--threshold', '0', '--max-km', '7']);
    expect(near.code).toBe(0);
    const km = csv(near.stdout).map((r) => Number(r.km));
    expect(km.length).toBeGreaterThan(0);
    expect(km.length).toBeLessThan(csv(all.stdout).length);
    // School k is 3(k − 1) km from school 1.
    for (const r of csv(near.stdout)) expect(Number(r.km)).toBeCloseTo(3 * (Number(r.id) - 1), 6);
  });

  it('--where on a joined column keeps those schools only', async () => {
    const r = await fos(['families', ...base, '--where', 'TypeOfEstablishment (name)=Academy converter', '--size', '2']);
    expect(csv(r.stdout).map((x) => x.id)).toEqual(['1', '3', '5']);
  });

  it('--join-id names another id column; stem.col picks a table’s own column; check reports coverage and the shared name', async () => {
    const r = await fos(['check', '--attainment', f['ks2.csv'], '--join', f['gias.csv'], '--join', f['extra.csv'], '--join-id', 'school_urn', '--format', 'json']).catch((e) => e);
    // gias.csv has no school_urn column: said, naming the file.
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/gias\.csv.*school_urn/s);
    const joinExtra = ['--attainment', f['ks2.csv'], '--join', f['extra.csv'], '--join-id', 'school_urn'];
    const ok = await fos(['check', ...joinExtra, '--format', 'json']);
    expect(ok.code).toBe(0);
    const j = JSON.parse(ok.stdout);
    expect(j.tables.joins).toEqual([{ year: 'latest', file: 'extra.csv', joined_as: 'table', joined_on: 'school_urn', rows: 5, joined_schools: 5, joined_missing: 1 }]);
    // A joined column as a context variable, named stem.col: school 6 has no row, so no EAL.
    const fam = await fos(['families', ...joinExtra, '--context-col', 'eal=extra.EAL', '--context', 'fsm=1,eal=1', '--size', '2', '--format', 'csv']);
    expect(csv(fam.stdout).map((x) => x.id)).toEqual(['1', '2', '3', '4', '5']);
    const g = JSON.parse((await fos(['check', ...base.slice(0, 4), '--format', 'json'])).stdout);
    expect(g.tables.joins[0].joined_as).toBe('GIAS');
    expect(g.notes.join(' ')).toMatch(/In both ks2\.csv and gias\.csv: Town; ks2\.csv's are used/);
  });

  it('a table that matches no school is said on stderr, naming it and the id columns compared', async () => {
    const other = files({ 'other.csv': 'URN,EAL\n901,5\n902,6\n' });
    const r = await fos(['families', '--attainment', f['ks2.csv'], '--join', other['other.csv'], '--join', f['gias.csv'], '--size', '2', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("fos: --join other.csv: no school of the files loaded has a row in it (its 2 rows' URN compared with the schools' URN), so it adds nothing; check the table is for the same schools, or name its id column with --join-id COL\n");
  });

  it('a misspelled --location-cols is an error with a joined table, as without one', async () => {
    const r = await fos(['partners', '1', ...base, '--location-cols', 'Eastng,Northing']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/column Eastng not found for the location/);
    const alone = await fos(['partners', '1', '--attainment', f['ks2.csv'], '--location-cols', 'Eastng,Northing']);
    expect(alone.stderr).toMatch(/none of the columns Eastng, Northing found for the location/);
  });
});
