import { describe, expect, it } from 'vitest';
import { closeNames, columnHint } from '../../../src/core/load/columnHint.js';

const KS2 = ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TELIG', 'PTRWM_EXP', 'PTRWM_EXP_3YR', 'PTRWM_HIGH', 'PTFSM6CLA1A', 'TOWN'];
const GIAS = ['URN', 'EstablishmentName', 'TypeOfEstablishment (name)', 'PhaseOfEducation (name)', 'Easting', 'Northing'];

describe('closeNames', () => {
  it('a typo: within 1 edit for a short name (Eastng → Easting; PTRWM_EXPP → PTRWM_EXP, not the 3-year column, 3 edits away)', () => {
    expect(closeNames(GIAS, 'Eastng')).toEqual(['Easting']);
    expect(closeNames(KS2, 'PTRWM_EXPP')).toEqual(['PTRWM_EXP']);
  });

  it('case, spaces and brackets do not count', () => {
    expect(closeNames(GIAS, 'TypeOfEstablishment(name)')).toEqual(['TypeOfEstablishment (name)']);
    expect(closeNames(GIAS, 'typeofestablishment name')).toEqual(['TypeOfEstablishment (name)']);
    expect(closeNames(KS2, 'ptrwm exp')).toEqual(['PTRWM_EXP']);
  });

  it('nearest first, then header order; none when nothing is close; a name\'s beginning finds it', () => {
    // "PTRWM_HIG": 1 edit from PTRWM_HIGH; 2 from nothing else within the limit of 2.
    expect(closeNames(KS2, 'PTRWM_HIG')).toEqual(['PTRWM_HIGH']);
    // TELIG is 1 edit from TELIX; LEA and URN are 3 or more away.
    expect(closeNames(KS2, 'TELIX')).toEqual(['TELIG']);
    expect(closeNames(KS2, 'Mean Score')).toEqual([]);
    expect(closeNames(GIAS, 'Establishment')).toEqual(['EstablishmentName']);
    expect(closeNames(GIAS, 'School type')).toEqual([]);
    expect(closeNames(KS2, 'PTRWM')).toEqual(['PTRWM_EXP', 'PTRWM_EXP_3YR', 'PTRWM_HIGH']);
  });
});

describe('columnHint', () => {
  it('one table: the close names, then its first 12 columns', () => {
    expect(columnHint('Eastng', [{ file: '/d/gias.csv', header: GIAS }], 'pass --location-cols A,B')).toBe(
      'did you mean Easting? columns are: URN, EstablishmentName, TypeOfEstablishment (name), PhaseOfEducation (name), Easting, Northing; pass --location-cols A,B',
    );
    expect(columnHint('Nothing', [{ file: 'a.csv', header: ['A'] }], 'pass --measure NAME')).toBe('columns are: A; pass --measure NAME');
  });

  it('several tables: the close name says which file has it', () => {
    const h = columnHint('TypeOfEstablishment(name)', [{ file: '/d/ks2.csv', header: KS2 }, { file: '/d/gias.csv', header: GIAS }], 'check --where COL=VALUE');
    expect(h).toMatch(/^did you mean TypeOfEstablishment \(name\) \(in gias\.csv\)\? columns are, by file, ks2\.csv: RECTYPE, /);
    // Close names in two files: each says its own.
    expect(columnHint('NORX', [{ file: 'a.csv', header: ['URN', 'NORG'] }, { file: 'b.csv', header: ['URN', 'NORB'] }], 'x')).toBe('did you mean NORG (in a.csv) or NORB (in b.csv)? columns are, by file, a.csv: URN, NORG; b.csv: URN, NORB; x');
  });
});
