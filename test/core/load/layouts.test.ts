import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findAlias, latestEarlierYear, layoutName, recogniseLayout, splitEarlierYear, LAYOUTS, UNKNOWN_LAYOUT, type Layout } from '../../../src/core/load/layouts.js';
import { resolveColumns } from '../../../src/core/load/dfeColumns.js';
import { longKeys } from '../../../src/core/load/longKeys.js';

const FIXTURES = join(__dirname, '../../fixtures/layouts');
const headerOf = (name: string) => readFileSync(join(FIXTURES, name), 'utf8').split('\n')[0].trim().split(',');

// Headers as the real files spell them (a subset of their columns, in their order).
const KS4_2018 = ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'ADMPOL', 'ADMPOL_2017', 'TPUP', 'KS2APS', 'PTFSM6CLA1A', 'PSENSE4', 'PSENAPK4', 'ATT8SCR', 'P8MEA', 'ATT8SCR_16', 'P8MEA_16', 'ATT8SCR_17', 'ATT8SCR_FSM6CLA1A_17', 'ATT8SCR_FSM6CLA1A'];
const KS4_2019_PROVISIONAL = ['RECTYPE', 'LEA', 'ESTAB', 'URN', 'SCHNAME', 'ICLOSE', 'NFTYPE', 'TPUP', 'ATT8SCR', 'P8PUP', 'TP8ADJ', 'P8MEA', 'P8CILOW', 'P8CIUPP', 'P8MEA_ORIG', 'PTL2BASICS_94', 'PTL2BASICS_95'];
const KS2_2018 = ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TELIG', 'TKS1AVERAGE', 'PTFSM6CLA1A', 'PTRWM_EXP', 'PTRWM_EXP_NotFSM6CLA1A', 'PTFSM6CLA1A_17', 'PTRWM_EXP_17', 'PTRWM_EXP_NotFSM6CLA1A_17'];
const CENSUS_2019 = ['URN', 'LA', 'ESTAB', 'SCHOOLTYPE', 'NOR', 'PNUMEAL', 'PNUMUNCFL', 'NUMFSM', 'NUMFSMEVER', 'PNUMFSMEVER'];
const GIAS = ['URN', 'LA (code)', 'LA (name)', 'EstablishmentName', 'TypeOfEstablishment (name)', 'PhaseOfEducation (name)', 'AdmissionsPolicy (name)', 'Easting', 'Northing'];

describe('recogniseLayout: each layout known by its header', () => {
  it('KS4: 2016–2019 by its earlier years (2016, 2017) or none; 2022–2025 by its earlier years (2023) or its SEN columns', () => {
    expect(layoutName(KS4_2018)).toBe('DfE KS4 performance tables 2016–2019');
    expect(layoutName(KS4_2019_PROVISIONAL)).toBe('DfE KS4 performance tables 2016–2019');
    expect(layoutName(headerOf('england_ks4final.csv'))).toBe('DfE KS4 performance tables 2022–2025');
    // No earlier years' columns: the 2021/22-on SEN column tells it.
    expect(layoutName(['URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PSENK4'])).toBe('DfE KS4 performance tables 2022–2025');
    expect(layoutName(['URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'ATT8SCR_21'])).toBe('DfE KS4 performance tables 2022–2025');
  });

  it('KS2 2016–2019 (PTRWM_EXP_17), 2022–2025 (PTRWM_EXP_22), and 2024-25 apart (ks2_meta.csv names: PTRWM_EXP_24), its KS1 columns blank', () => {
    expect(layoutName(KS2_2018)).toBe('DfE KS2 performance tables 2016–2019');
    expect(layoutName(['URN', 'TELIG', 'PTRWM_EXP', 'TELIG_22', 'PTRWM_EXP_22'])).toBe('DfE KS2 performance tables 2022–2025');
    expect(layoutName(['URN', 'TELIG', 'PTRWM_EXP', 'PSENELEK'])).toBe('DfE KS2 performance tables 2022–2025');
    const l = recogniseLayout(headerOf('england_ks2revised.csv'));
    expect(l?.name).toBe('DfE KS2 performance tables 2024-25');
    expect(l?.empty).toContain('TKS1AVERAGE');
  });

  it('census: 2022–2025 has NORFSMEVER (and Estab, PNUMUNCLF); 2016–2019 not; GIAS; anything else unknown', () => {
    expect(layoutName(headerOf('england_census.csv'))).toBe('DfE school census 2022–2025');
    expect(layoutName(CENSUS_2019)).toBe('DfE school census 2016–2019');
    expect(layoutName(GIAS)).toBe('GIAS download');
    expect(layoutName(['DBN', 'School Name', 'Mean Scale Score', 'Economic Need Index'])).toBe(UNKNOWN_LAYOUT);
  });

  it('names match without regard to case or spaces', () => {
    expect(layoutName(headerOf('england_census.csv').map((h) => ` ${h.toLowerCase()} `))).toBe('DfE school census 2022–2025');
  });

  it('a layout is one more entry in the list, and the first it matches wins', () => {
    // A narrower KS4 layout (its own mark) put before the others takes the headers it marks, and leaves the rest to them.
    const narrow: Layout = { name: 'KS4 with a mark', has: ['URN', 'ATT8SCR', 'TPUP'], marks: ['MYMARK'], defaults: { measure: ['P8MEA'] } };
    const marked = [...KS4_2019_PROVISIONAL, 'MYMARK'];
    expect(recogniseLayout(marked)?.name).toBe('DfE KS4 performance tables 2016–2019');
    expect(recogniseLayout(marked, [narrow, ...LAYOUTS])).toBe(narrow);
    expect(recogniseLayout(KS4_2019_PROVISIONAL, [narrow, ...LAYOUTS])?.name).toBe('DfE KS4 performance tables 2016–2019');
    // After the wider layout that also matches, it is never reached.
    expect(recogniseLayout(marked, [...LAYOUTS, narrow])?.name).toBe('DfE KS4 performance tables 2016–2019');
  });
});

describe('the long format: one test (longKeys) for the layout and the reader', () => {
  it('a header is of the EES layout exactly when longKeys reads it as long', () => {
    const headers = [
      ['time_period', 'school_urn', 'breakdown'],
      ['TIME_PERIOD', 'School_URN', 'disadvantage_status'],
      ['time_period', 'school_urn', 'breakdown_topic', 'avg_att8'],
      ['time_period', 'school_urn', 'avg_att8'],
      ['URN', 'time_period', 'breakdown'],
      ['school_urn', 'breakdown'],
    ];
    for (const h of headers) expect(layoutName(h) === 'Explore Education Statistics, long format (school level)').toBe(longKeys(h) !== undefined);
    // A layout with its own test is known by it alone.
    const own: Layout = { name: 'own', has: ['nothing'], is: (h) => h.includes('x'), defaults: {} };
    expect(recogniseLayout(['x'], [own])).toBe(own);
    expect(recogniseLayout(['nothing'], [own])).toBeUndefined();
  });
});

describe('latestEarlierYear', () => {
  it('the latest X_NN beside a column X; not ADMPOL_2017, a lone SCORE_20, or _3YR', () => {
    expect(latestEarlierYear(KS4_2018)).toBe(2017);
    expect(latestEarlierYear(headerOf('england_ks2revised.csv'))).toBe(2024);
    expect(latestEarlierYear(['URN', 'ADMPOL', 'ADMPOL_2017', 'SCORE_20', 'TELIG', 'TELIG_3YR'])).toBeUndefined();
  });
});

describe('the layout gives the defaults; earlier years are never taken by default', () => {
  const o = { context: {}, subjects: [] };
  it('2024-25 KS2: PTRWM_EXP, TELIG, PTFSM6CLA1A, LEA, SCHNAME, with no flag', () => {
    const r = resolveColumns({ attainment: { file: 'ks2.csv', header: headerOf('england_ks2revised.csv') } }, o);
    expect(r.map).toMatchObject({ id: 'URN', measure: 'PTRWM_EXP', cohort: 'TELIG', fsm: 'PTFSM6CLA1A', la: 'LEA', name: 'SCHNAME', rectype: 'RECTYPE' });
  });

  it('2023-24 KS4 with the 2024-25 census: ATT8SCR, TPUP, PNUMFSMEVER from the census, LEA', () => {
    const r = resolveColumns({ attainment: { file: 'ks4.csv', header: headerOf('england_ks4final.csv') }, fsm: { file: 'census.csv', header: headerOf('england_census.csv') } }, o);
    expect(r.map).toMatchObject({ measure: 'ATT8SCR', cohort: 'TPUP', fsm: 'PNUMFSMEVER', la: 'LEA', name: 'SCHNAME' });
  });

  it('a file with only an earlier year of the measure: refused, saying to name it; named, it is used', () => {
    const header = ['URN', 'SCHNAME', 'TPUP', 'PTFSM6CLA1A', 'ATT8SCR_21', 'ATT8SCR_FSM6CLA1A_18'];
    expect(() => resolveColumns({ attainment: { file: 'old.csv', header } }, o)).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/none of the columns ATT8SCR, PTRWM_EXP found/), hint: expect.stringMatching(/earlier years' figures \(ATT8SCR_21\).*--measure ATT8SCR_21/) }),
    );
    const r = resolveColumns({ attainment: { file: 'old.csv', header } }, { ...o, measure: 'ATT8SCR_21' });
    expect(r.map.measure).toBe('ATT8SCR_21');
    expect(r.map.cohortNote).toMatch(/earlier year's figure/);
  });

  it("an earlier year's measure named takes that year's cohort when the file has it (PTRWM_EXP_24 → TELIG_24)", () => {
    const r = resolveColumns({ attainment: { file: 'ks2.csv', header: headerOf('england_ks2revised.csv') } }, { ...o, measure: 'ptrwm_exp_24' });
    expect(r.map).toMatchObject({ measure: 'PTRWM_EXP_24', cohort: 'TELIG_24' });
  });
});
