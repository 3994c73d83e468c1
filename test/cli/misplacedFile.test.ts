import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { files, fos } from '../helpers/schools.js';

const FIXTURES = join(__dirname, '../fixtures/layouts');
const CENSUS = join(FIXTURES, 'england_census.csv');

// Small files with the headers of the real ones (a subset of their columns).
const f = files({
  // The national KS4 file of 2019: no % FSM column (england_ks4provisional.csv's header, shortened).
  'ks4_2019.csv': 'RECTYPE,LEA,ESTAB,URN,SCHNAME,TPUP,ATT8SCR,P8MEA\n1,850,4000,100001,A School,150,45.1,0.1\n1,850,4001,100002,B School,140,50.2,0.3\n',
  'gias.csv': 'URN,LA (code),LA (name),EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name)\n100001,850,Hampshire,A School,Academy converter,Secondary\n',
  'links.csv': 'URN,LinkURN,LinkName,LinkType,LinkEstablishedDate\n100001,100009,Old School,Predecessor,01-09-2015\n',
  'census.csv': 'URN,LA,PNUMFSMEVER\n100001,850,20\n100002,850,30\n',
  'plain.csv': 'id,score\n1,50\n2,60\n',
});

describe('a file given with the wrong option is named by its layout, with the option to use', () => {
  it('a KS4 file without % FSM, alone: "this file has no % FSM column: give the census with --fsm"', async () => {
    const r = await fos(['check', '--attainment', f['ks4_2019.csv']]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ks4_2019.csv: DfE KS4 performance tables 2016–2019: this file has no % FSM column (none of PTFSM6CLA1A, PNUMFSMEVER)');
    expect(r.stderr).toContain('hint: give the census with --fsm FILE (e.g. england_census.csv)');
    // With the census it loads.
    const both = await fos(['check', '--attainment', f['ks4_2019.csv'], '--fsm', f['census.csv']]);
    expect(both.code, both.stderr).toBe(0);
  });

  it('a census, a GIAS download and a links file as --attainment: said what they are and which option takes them', async () => {
    const census = await fos(['check', '--attainment', CENSUS]);
    expect(census.code).toBe(1);
    expect(census.stderr).toContain('england_census.csv: this looks like a school census (DfE school census 2022–2025), not an attainment file');
    expect(census.stderr).toMatch(/hint: give it with --fsm, and the results file .* with --attainment/);
    const gias = await fos(['check', '--attainment', f['gias.csv']]);
    expect(gias.stderr).toContain('gias.csv: this looks like a GIAS download, not an attainment file');
    expect(gias.stderr).toContain('hint: give it with --join');
    const links = await fos(['check', '--attainment', f['links.csv']]);
    expect(links.stderr).toContain('links.csv: this looks like a GIAS links file, not an attainment file');
    expect(links.stderr).toContain('hint: give it with --links');
  });

  it('a census as --attainment with a column the user named wrong: the name is the problem, so the closest names are given', async () => {
    const r = await fos(['check', '--attainment', CENSUS, '--measure', 'PNUMEA', '--fsm-col', 'PNUMFSMEVER', '--cohort-col', 'NOR']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('did you mean PNUMEAL');
    expect(r.stderr).not.toContain('this looks like');
  });

  it('a GIAS download as --fsm: give it with --join', async () => {
    const r = await fos(['check', '--attainment', f['ks4_2019.csv'], '--fsm', f['gias.csv']]);
    expect(r.stderr).toContain('gias.csv: this looks like a GIAS download, not an FSM file');
    expect(r.stderr).toContain('hint: give it with --join');
  });

  it('every command gives the same hint', async () => {
    for (const argv of [['families'], ['trend', '100001'], ['outperformers']]) {
      const r = await fos([...argv, '--attainment', f['ks4_2019.csv']]);
      expect(r.stderr, argv[0]).toContain('this file has no % FSM column');
    }
  });

  it('a file of no known layout, or a column named by the user, keeps the column message', async () => {
    const plain = await fos(['check', '--attainment', f['plain.csv'], '--id-col', 'id', '--measure', 'score']);
    expect(plain.stderr).toMatch(/none of the columns PNUMFSMEVER, PTFSM6CLA1A found for the % FSM|PTFSM6CLA1A, PNUMFSMEVER/);
    expect(plain.stderr).not.toContain('this file has no % FSM column');
    const named = await fos(['check', '--attainment', f['ks4_2019.csv'], '--fsm-col', 'PFSM']);
    expect(named.stderr).toContain('column PFSM not found for the % FSM');
  });
});
