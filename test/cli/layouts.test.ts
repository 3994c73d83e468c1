import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { files, fos } from '../helpers/schools.js';

const FIXTURES = join(__dirname, '../fixtures/layouts');
const KS2 = join(FIXTURES, 'england_ks2revised.csv');
const KS4 = join(FIXTURES, 'england_ks4final.csv');
const CENSUS = join(FIXTURES, 'england_census.csv');
const json = async (argv: string[]) => {
  const r = await fos([...argv, '--format', 'json']);
  expect(r.code).toBe(0);
  return { ...JSON.parse(r.stdout), stderr: r.stderr };
};

describe('the 2022–2025 layouts (2024-25 KS2, 2023-24 KS4, 2024-25 census) load with no column flags, and check names them', () => {
  it('2024-25 KS2 alone: PTRWM_EXP, TELIG, % FSM PTFSM6CLA1A; DNS and SUPP counted as missing', async () => {
    const j = await json(['check', '--attainment', `2025=${KS2}`]);
    // By hand: 8 schools (the ENGLAND row is a total); 300004 DNS and 300006 SUPP have no
    // measure, 300007 is RECTYPE 2, 300003 has 8 pupils; 300001, 300002, 300005, 300008
    // remain, % FSM 20, 40, 10, 10 (median 15).
    expect(j.tables.years[0]).toMatchObject({ schools: 8, eligible: 4, excluded_measure_missing: 2, excluded_special_school: 1, excluded_cohort_below_minimum: 1, fsm_median: 15 });
    expect(j.tables.files[0]).toMatchObject({ layout: 'DfE KS2 performance tables 2024-25', summary_rows_dropped: 1 });
    expect(j.summary.join('\n')).toMatch(/measure PTRWM_EXP, % FSM PTFSM6CLA1A/);
    expect(j.summary.join('\n')).toMatch(/Cohort: TELIG, the file's cohort/);
    expect(j.summary.join('\n')).toMatch(/Layout: england_ks2revised\.csv DfE KS2 performance tables 2024-25\./);
    expect(j.tables.missing.find((m: { column: string }) => m.column === 'PTRWM_EXP')).toMatchObject({ missing: 2, codes: 'DNS 1, SUPP 1' });
  });

  it('earlier years are read only when named: --measure PTRWM_EXP_24 with its cohort TELIG_24', async () => {
    const j = await json(['check', '--attainment', `2025=${KS2}`, '--measure', 'PTRWM_EXP_24']);
    // By hand: PTRWM_EXP_24 is SUPP at 300003 and NEW at 300008; 300007 special; the other 5 remain.
    expect(j.tables.years[0]).toMatchObject({ eligible: 5, excluded_measure_missing: 2, excluded_special_school: 1 });
    expect(j.summary.join('\n')).toMatch(/Cohort: TELIG_24, the cohort of PTRWM_EXP_24's year/);
  });

  it('2024-25 KS2 with the 2024-25 census as --fsm: PNUMFSMEVER ("20%"), NA counted', async () => {
    const j = await json(['check', '--attainment', `2025=${KS2}`, '--fsm', `2025=${CENSUS}`]);
    // By hand: census schools 300001–300006, 300008 and two secondaries (NAT is a total):
    // 7 matched, 300007 not in the census, 2 census-only; 300008's PNUMFSMEVER is NA;
    // eligible 300001, 300002, 300005 (% FSM 20, 40, 10: median 20).
    expect(j.tables.years[0]).toMatchObject({ matched: 7, attainment_only: 1, fsm_only: 2, eligible: 3, excluded_fsm_missing: 1, fsm_median: 20 });
    expect(j.tables.files.map((f: { layout: string }) => f.layout)).toEqual(['DfE KS2 performance tables 2024-25', 'DfE school census 2022–2025']);
    expect(j.summary.join('\n')).toMatch(/measure PTRWM_EXP, % FSM PNUMFSMEVER/);
    expect(j.tables.missing.find((m: { column: string }) => m.column === 'PNUMFSMEVER')).toMatchObject({ missing: 1, codes: 'NA 1' });
  });

  it("the census's typo: a column named as census_meta.csv spells it (PNUMUNCFL) finds the file's PNUMUNCLF", async () => {
    const j = await json(['check', '--attainment', `2025=${KS2}`, '--fsm', `2025=${CENSUS}`, '--context-col', 'unc=PNUMUNCFL']);
    expect(j.tables.missing.find((m: { field: string }) => m.field === 'context:unc')).toMatchObject({ column: 'PNUMUNCLF', missing: 0 });
    // The 2019 census spells it PNUMUNCFL itself; a file of no known layout finds no alias.
    const f = files({ 'other.csv': 'URN,PNUMFSMEVER,PNUMUNCLF\n300001,20,1\n' });
    const r = await fos(['check', '--attainment', `2025=${KS2}`, '--fsm', `2025=${f['other.csv']}`, '--context-col', 'unc=PNUMUNCFL']);
    expect(r.stderr).toMatch(/column PNUMUNCFL not found for the context variable unc/);
  });

  it('2023-24 KS4: ATT8SCR, TPUP, PTFSM6CLA1A; P8MEA takes its bounds', async () => {
    const j = await json(['check', '--attainment', `2024=${KS4}`]);
    // By hand: 7 schools (the LA row is a total); 400006 DNS, 400007 special, 400005 has 9 pupils.
    expect(j.tables.years[0]).toMatchObject({ schools: 7, eligible: 4, excluded_measure_missing: 1, excluded_special_school: 1, excluded_cohort_below_minimum: 1 });
    expect(j.tables.files[0].layout).toBe('DfE KS4 performance tables 2022–2025');
    expect(j.summary.join('\n')).toMatch(/measure ATT8SCR, % FSM PTFSM6CLA1A/);
    const p8 = await json(['check', '--attainment', `2024=${KS4}`, '--measure', 'P8MEA']);
    expect(p8.summary.join('\n')).toMatch(/bounds P8CILOW\/P8CIUPP/);
  });

  it('--preset eef on 2023-24 KS4 finds SEN support as PSENK4 and puts selective schools apart by ADMPOL', async () => {
    const j = await json(['check', '--attainment', `2024=${KS4}`, '--preset', 'eef']);
    expect(j.stderr).toMatch(/prior attainment: KS2APS; % disadvantaged: PTFSM6CLA1A; % EAL: PTEALGRP2; % SEN: PSENK4; selective schools apart: --match ADMPOL/);
  });

  it('--preset london on KS2 with a joined GIAS table matches on AdmissionsPolicy (name), GIAS header quoted', async () => {
    const rows = ['300001', '300002', '300003', '300004', '300005', '300006', '300007', '300008'].map((u, k) => `"${u}","850","Hampshire","School ${k}","Academy converter","Primary","Not applicable","4${k}0000","1${k}0000"`);
    const f = files({ 'gias.csv': ['"URN","LA (code)","LA (name)","EstablishmentName","TypeOfEstablishment (name)","PhaseOfEducation (name)","AdmissionsPolicy (name)","Easting","Northing"', ...rows].join('\n') + '\n' });
    const j = await json(['check', '--attainment', `2025=${KS2}`, '--join', f['gias.csv'], '--preset', 'london']);
    expect(j.stderr).toMatch(/selective schools apart: --match AdmissionsPolicy \(name\)/);
    expect(j.tables.files.map((x: { layout: string }) => x.layout)).toEqual(['DfE KS2 performance tables 2024-25', 'GIAS download']);
    // TKS1AVERAGE is blank in 2024-25 ("not populated in 2025"), so prior attainment is left
    // out rather than leaving out every school; the 4 eligible of the first test remain.
    expect(j.stderr).toMatch(/prior attainment: none of TKS1AVERAGE, KS1APS found \(TKS1AVERAGE is blank in DfE KS2 performance tables 2024-25\); left out; % disadvantaged: PTFSM6CLA1A; % EAL: PTEALGRP2/);
    expect(j.tables.years[0]).toMatchObject({ eligible: 4, excluded_context_missing: 0 });
  });

  it('a table that matches no layout: "unknown: columns found by name"', async () => {
    const f = files({ 'nyc.csv': 'DBN,School Name,Mean Scale Score,Economic Need Index\n01M015,PS 015,601,85\n01M019,PS 019,605,70\n' });
    const j = await json(['check', '--attainment', `2019=${f['nyc.csv']}`, '--id-col', 'DBN', '--name-col', 'School Name', '--measure', 'Mean Scale Score', '--fsm-col', 'Economic Need Index']);
    expect(j.tables.files[0].layout).toBe('unknown: columns found by name');
  });
});
