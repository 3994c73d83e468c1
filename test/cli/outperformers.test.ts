import { describe, expect, it } from 'vitest';
import { files, fos, ks4 } from '../helpers/schools.js';

// Eight schools, one family (--size 8). In 2017 and 2018, schools 5 (62), 7 (60) and 8 (61)
// are candidates (z 1.5, 1.25, 1.36 against the other seven). In 2019 school 5 has no
// result, school 7 falls to 44, school 8 is not in the file, and school 6 (45) is the one
// candidate (others 40–44: mean 42, SD 1.58, z 1.9).
const year = (measures: (string | null)[]) =>
  ks4(
    measures.flatMap((m, k) => (m === null ? [] : [['1', '900', String(k + 1), `School ${k + 1}`, '100', m, String(10 + k)]])),
    ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PTFSM6CLA1A'],
  );
const early = ['40', '41', '42', '43', '62', '45', '60', '61'];
const input = () => files({ '2017.csv': year(early), '2018.csv': year(early), '2019.csv': year(['40', '41', '42', '43', 'NE', '45', '44', null]) });
const args = (f: Record<string, string>) => ['outperformers', ...['2017', '2018', '2019'].flatMap((y) => ['--attainment', `${y}=${f[`${y}.csv`]}`]), '--size', '8', '--no-robust'];

describe('fos outperformers over several years: each kind of school in its own section', () => {
  it('a consistent school that is not a candidate this year is listed apart, never among this year’s candidates', async () => {
    const f = input();
    const table = (await fos(args(f))).stdout;
    const parts = table.split(/\n(?=Candidate in 2019 only|Consistent over the years|Consistent in earlier years)/);
    expect(parts[1]).toMatch(/^Candidate in 2019 only so far: less secure[\s\S]*School 6/);
    expect(parts[1]).not.toMatch(/School 7/);
    expect(parts[2]).toMatch(/^Consistent over the years, not a candidate in 2019[\s\S]*School 7/);
    const j = JSON.parse((await fos([...args(f), '--format', 'json'])).stdout);
    expect(j.summary[0]).toMatch(/^1 candidate partner in 2019/);
    expect(j.summary[1]).toMatch(/1 more consistent but not a candidate in 2019; 2 consistent in earlier years but not compared in 2019/);
  });

  it('schools missing from the latest year are listed as "not in the 2019 file" (or why they are left out)', async () => {
    const f = input();
    const table = (await fos(args(f))).stdout;
    expect(table).toMatch(/Consistent in earlier years, not compared in 2019[\s\S]*School 5[\s\S]*School 8/);
    const j = JSON.parse((await fos([...args(f), '--format', 'json'])).stdout);
    const rows = j.tables.outperformers as { id: string; year: string; candidate: boolean; history: string; reason: string }[];
    expect(rows.map((r) => r.id)).toEqual(['6', '7', '5', '8']);
    expect(rows[3]).toMatchObject({ year: '2018', candidate: false, history: '2017✓ 2018✓ 2019–' });
    expect(rows[3].reason).toMatch(/^not in the 2019 file; in 2018: z 1\.\d\d ≥ 1/);
    expect(rows[2].reason).toMatch(/^left out of the 2019 families: measure missing; in 2018: z/);
  });

  it('--school names a school missing from the latest year: it is listed in its section, not refused', async () => {
    const j = JSON.parse((await fos([...args(input()), '--school', '8', '--format', 'json'])).stdout);
    expect(j.tables.outperformers.map((r: { id: string; reason: string }) => [r.id, r.reason.slice(0, 23)])).toEqual([['8', 'not in the 2019 file; i']]);
  });
});
