import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { files, fos, ks4 } from '../helpers/schools.js';

// Three years of six schools; school 106 becomes an academy under URN 906 in 2019 (link
// dated 01-09-2018). Families of 4 by % FSM: 101–103 and 106 sit at 10–16% FSM, 104 and
// 105 at 30%, so 106's family is always {101, 102, 103} and 101's {102, 103, 106}.
// 106 scores 60 against 40–44: z = (60 − 42) / 2 = 9, a candidate every year.
const HEADER = ['URN', 'SCHNAME', 'LEA', 'TPUP', 'ATT8SCR', 'PTFSM6CLA1A'];
const YEARS: Record<string, { id: string; fsm: number; att8: number }[]> = {
  '2017': [
    { id: '101', fsm: 10, att8: 40 }, { id: '102', fsm: 11, att8: 42 }, { id: '103', fsm: 12, att8: 44 },
    { id: '104', fsm: 30, att8: 35 }, { id: '105', fsm: 31, att8: 36 }, { id: '106', fsm: 13, att8: 60 },
  ],
  '2018': [
    { id: '101', fsm: 10, att8: 41 }, { id: '102', fsm: 11, att8: 43 }, { id: '103', fsm: 12, att8: 45 },
    { id: '104', fsm: 30, att8: 35 }, { id: '105', fsm: 31, att8: 36 }, { id: '106', fsm: 14, att8: 61 },
  ],
  '2019': [
    { id: '101', fsm: 10, att8: 40 }, { id: '102', fsm: 11, att8: 42 }, { id: '103', fsm: 12, att8: 44 },
    { id: '104', fsm: 30, att8: 35 }, { id: '105', fsm: 31, att8: 36 }, { id: '906', fsm: 16, att8: 62 },
  ],
};
const name = (id: string) => (id === '906' ? 'Oak Academy' : id === '106' ? 'Oak School' : `School ${id}`);
const LINKS = ['"URN","LinkURN","LinkName","LinkType","LinkEstablishedDate"', '106,906,"Oak Academy","Successor","01-09-2018"', '906,106,"Oak School","Predecessor","01-09-2018"', '104,990,"Merged Academy","Successor - merged","01-09-2019"'].join('\r\n') + '\r\n';

function inputs() {
  const f = files({
    ...Object.fromEntries(Object.entries(YEARS).map(([y, rows]) => [`ks4_${y}.csv`, ks4(rows.map((r) => [r.id, name(r.id), '900', '100', String(r.att8), String(r.fsm)]), HEADER)])),
    'links.csv': LINKS,
  });
  const args = Object.keys(YEARS).flatMap((y) => ['--attainment', `${y}=${f[`ks4_${y}.csv`]}`]);
  return { f, args, links: ['--links', f['links.csv']] };
}
const csv = (s: string) => parse(s, { bom: true, columns: true }) as Record<string, string>[];

describe('--links: a school that became an academy under a new URN', () => {
  it('trend follows it across the conversion and says "was URN … until …"', async () => {
    const { args, links } = inputs();
    const withLinks = await fos(['trend', '906', ...args, ...links, '--size', '4', '--format', 'json']);
    expect(withLinks.code).toBe(0);
    const j = JSON.parse(withLinks.stdout);
    expect(j.title).toBe('Oak Academy (906, was URN 106 until 2018): ATT8SCR by year');
    expect(j.tables.trend.map((r: Record<string, unknown>) => [r.year, r.urn, r.measure, r.label])).toEqual([
      ['2017', '106', 60, 'well above'],
      ['2018', '106', 61, 'well above'],
      ['2019', '906', 62, 'well above'],
    ]);
    expect(j.meta.inputs.at(-1)).toMatchObject({ role: 'links', rows: 3 });
    // Without the links, 906 has no earlier years, and no URN column.
    const without = JSON.parse((await fos(['trend', '906', ...args, '--size', '4', '--format', 'json'])).stdout);
    expect(without.tables.trend.map((r: Record<string, unknown>) => r.measure)).toEqual([null, null, 62]);
    expect(without.tables.trend[0].urn).toBeUndefined();
  });

  it('the old URN names the same school, said on stderr', async () => {
    const { args, links } = inputs();
    const r = await fos(['trend', '106', ...args, ...links, '--size', '4', '--format', 'csv']);
    expect(r.stderr).toMatch(/106 is now URN 906 \(links\.csv\): shown under that URN, with its years under 106/);
    expect(csv(r.stdout).map((x) => [x.id, x.urn])).toEqual([['906', '106'], ['906', '106'], ['906', '906']]);
  });

  it('is neither joined nor left in the family of a school beside it', async () => {
    const { args, links } = inputs();
    const rows = (extra: string[]) => fos(['trend', '101', ...args, ...extra, '--size', '4', '--format', 'csv']).then((r) => csv(r.stdout));
    // 101's family: {102, 103, 106} in 2018, {102, 103, 906} in 2019.
    expect((await rows([])).map((x) => [x.joined, x.left])).toEqual([['', ''], ['', ''], ['906', '106']]);
    expect((await rows(links)).map((x) => [x.joined, x.left])).toEqual([['', ''], ['', ''], ['', '']]);
  });

  it('family turnover counts it as kept', async () => {
    const { args, links } = inputs();
    // 2018→2019 with links: every school keeps all 3 others (the families do not change).
    // Without: 101, 102, 103 each lose 106 (kept 2 of 3); 104 and 105 keep 3; 906 is new:
    // the median over 101–105 of (2, 2, 2, 3, 3) is 2.
    const line = async (extra: string[]) => (await fos(['trend', '101', ...args, ...extra, '--size', '4', '--format', 'json'])).stdout;
    expect(JSON.parse(await line(links)).summary).toContain("Family turnover 2018→2019: a median of 3 of 3 members kept from last year's family (6 schools in both years).");
    expect(JSON.parse(await line([])).summary).toContain("Family turnover 2018→2019: a median of 2 of 3 members kept from last year's family (5 schools in both years).");
  });

  it('outperformers: consistent across the conversion', async () => {
    const { args, links } = inputs();
    const rows = async (extra: string[]) => csv((await fos(['outperformers', ...args, ...extra, '--size', '4', '--no-robust', '--format', 'csv'])).stdout);
    // With links: one school, a candidate in 2017, 2018 and 2019.
    expect((await rows(links)).map((r) => [r.id, r.years_candidate, r.years_loaded, r.consistent, r.history])).toEqual([['906', '3', '3', 'true', '2017✓ 2018✓ 2019✓']]);
    const notes = JSON.parse((await fos(['outperformers', ...args, ...links, '--size', '4', '--no-robust', '--format', 'json'])).stdout).notes;
    expect(notes).toContain('Followed across a change of URN (links.csv), its years under the earlier URN counted as its own: 906 (was URN 106 until 2018).');
    // Without: 906 a one-year candidate, and 106 consistent in 2017–2018 but not in the 2019 file.
    expect((await rows([])).map((r) => [r.id, r.years_candidate, r.consistent])).toEqual([['906', '1', 'false'], ['106', '2', 'true']]);
  });

  it('--context-years pools its % FSM with its years under the old URN', async () => {
    const { args, links } = inputs();
    const fsm = async (extra: string[]) => csv((await fos(['families', ...args, ...extra, '--size', '4', '--context-years', '2', '--format', 'csv'])).stdout).find((r) => r.id === '906')!.fsm;
    // 2019: (16·100 + 14·100) / 200 = 15 with 106's 2018 value; 16 alone without.
    expect(await fsm(links)).toBe('15');
    expect(await fsm([])).toBe('16');
  });

  it('--keep-families keeps it in the families of 2017', async () => {
    const { args, links } = inputs();
    // 101's 2017 family is {101, 102, 103, 106}: kept in 2019 with 906 for 106 (4 members);
    // without links 106 has closed, and the family is 3.
    const size = async (extra: string[]) => csv((await fos(['families', ...args, ...extra, '--size', '4', '--keep-families', '2017', '--format', 'csv'])).stdout).find((r) => r.id === '101')!.family_size;
    expect(await size(links)).toBe('4');
    expect(await size([])).toBe('3');
  });

  it('check lists it, and the links named but not followed', async () => {
    const { args, links } = inputs();
    const j = JSON.parse((await fos(['check', ...args, ...links, '--format', 'json'])).stdout);
    expect(j.tables.links).toEqual([{ id: '906', name: 'Oak Academy', urn: '106', urn_years: '2017 2018' }]);
    expect(j.summary.join('\n')).toMatch(/Links \(links\.csv\): 3 rows; 1 plain predecessor\/successor link, 1 followed .*; 1 row of other links/);
    expect(j.notes.join('\n')).toMatch(/104: Successor - merged 990 \(Merged Academy\), 01-09-2019: not followed/);
  });

  it('its FSM row under the new URN is joined to its results under the old one (the year it converts)', async () => {
    const { links } = inputs();
    // 2019: the results under 106, the census under 906 (as North Yorkshire's 2018 files have Richmond School).
    const g = files({
      'ks4.csv': ks4(YEARS['2019'].map((r) => [r.id === '906' ? '106' : r.id, name(r.id), '900', '100', String(r.att8)]), ['URN', 'SCHNAME', 'LEA', 'TPUP', 'ATT8SCR']),
      'census.csv': ks4(YEARS['2019'].map((r) => [r.id, String(r.fsm)]), ['URN', 'PNUMFSMEVER']),
    });
    const args = ['--attainment', g['ks4.csv'], '--fsm', g['census.csv'], '--format', 'json'];
    const without = JSON.parse((await fos(['check', ...args])).stdout);
    expect(without.tables.years[0]).toMatchObject({ matched: 5, attainment_only: 1, fsm_only: 1, eligible: 5 });
    const r = JSON.parse((await fos(['check', ...args, ...links])).stdout);
    expect(r.tables.years[0]).toMatchObject({ matched: 6, attainment_only: 0, fsm_only: 0, eligible: 6 });
    expect(r.summary.join('\n')).toMatch(/1 school’s FSM row is under its other URN, joined through the links: 106 \(FSM row 906\)/);
  });

  it('a bad links file is an error naming the file, line, column and value', async () => {
    const { args } = inputs();
    const bad = files({ 'links.csv': LINKS.replace('"01-09-2018"\r\n906', '"2018/09/01"\r\n906') });
    const r = await fos(['trend', '906', ...args, '--links', bad['links.csv']]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/links\.csv, line 2, column LinkEstablishedDate, value "2018\/09\/01": not a date\n {2}hint: LinkEstablishedDate is written DD-MM-YYYY/);
    const notLinks = await fos(['trend', '906', ...args, '--links', inputs().f['ks4_2017.csv']]);
    expect(notLinks.code).toBe(1);
    expect(notLinks.stderr).toMatch(/ks4_2017\.csv, line 1: columns LinkURN, LinkType not found for the links file/);
  });

  it('a school that closed into one open already (both with results that year) keeps its own years', async () => {
    // 2017: 107 (Elm School, ATT8 30) and 101 both have results; 107 closed into 101 on
    // 31-08-2017 (GIAS: a plain Predecessor/Successor link); 2018: 101 alone.
    const g = files({
      'ks4_2017.csv': ks4([...YEARS['2017'], { id: '107', fsm: 14, att8: 30 }].map((r) => [r.id, r.id === '107' ? 'Elm School' : name(r.id), '900', '100', String(r.att8), String(r.fsm)]), HEADER),
      'ks4_2018.csv': ks4(YEARS['2018'].map((r) => [r.id, name(r.id), '900', '100', String(r.att8), String(r.fsm)]), HEADER),
      'links.csv': ['"URN","LinkURN","LinkName","LinkType","LinkEstablishedDate"', '107,101,"School 101","Successor","31-08-2017"', '101,107,"Elm School","Predecessor","31-08-2017"'].join('\r\n') + '\r\n',
    });
    const args = ['--attainment', `2017=${g['ks4_2017.csv']}`, '--attainment', `2018=${g['ks4_2018.csv']}`, '--links', g['links.csv'], '--format', 'json'];
    const elm = JSON.parse((await fos(['trend', '107', ...args, '--size', '4'])).stdout);
    expect(elm.title).toBe('Elm School (107): ATT8SCR by year');
    expect(elm.tables.trend.map((r: Record<string, unknown>) => [r.year, r.id, r.measure])).toEqual([['2017', '107', 30], ['2018', '107', null]]);
    const why = 'both have results in 2017 (107 closed into 101, open already): not followed';
    expect(elm.notes).toContain(`Linked in links.csv but not followed (its years are not this school's): 107: Successor 101 (School 101), 31-08-2017: ${why}.`);
    const s101 = JSON.parse((await fos(['trend', '101', ...args, '--size', '4'])).stdout);
    expect(s101.title).toBe('School 101 (101): ATT8SCR by year');
    expect(s101.tables.trend.map((r: Record<string, unknown>) => r.measure)).toEqual([40, 41]);
    const check = JSON.parse((await fos(['check', ...args])).stdout);
    expect(check.summary.join('\n')).not.toMatch(/two rows for one school/);
    expect(check.summary.join('\n')).toMatch(/1 plain predecessor\/successor link, 0 followed \(one-to-one, chains to the latest URN\), 1 not as both URNs have results in one year loaded/);
    expect(check.notes.join('\n')).toContain(`101: Predecessor 107 (Elm School), 31-08-2017: ${why}`);
  });

  it('the manifest can name the links file', async () => {
    const { f } = inputs();
    const m = files({ 'fos.json': JSON.stringify({ years: Object.fromEntries(Object.keys(YEARS).map((y) => [y, { attainment: f[`ks4_${y}.csv`] }])), links: f['links.csv'] }) });
    const r = await fos(['trend', '906', '--data', m['fos.json'], '--size', '4', '--format', 'csv']);
    expect(csv(r.stdout).map((x) => x.measure)).toEqual(['60', '61', '62']);
  });
});
