import { describe, expect, it } from 'vitest';
import { files, fos } from '../helpers/schools.js';

// Six KS2-style schools and a GIAS-style table beside them.
const f = files({
  'ks2.csv': 'URN,SCHNAME,LEA,TELIG,PTRWM_EXP,PTRWM_EXP_3YR,PTFSM6CLA1A,ADMPOL\n' + [1, 2, 3, 4, 5, 6].map((k) => `${k},S${k},850,30,${50 + k * 5},${50 + k},${10 + k},${k % 2 ? 'Selective' : 'Non-selective'}`).join('\n') + '\n',
  'gias.csv':
    'URN,EstablishmentName,TypeOfEstablishment (name),Easting,Northing\n' +
    [1, 2, 3, 4, 5, 6].map((k) => `${k},G${k},${k % 2 ? 'Academy converter' : 'Community school'},${400000 + k * 3000},100000`).join('\n') +
    '\n',
});
const att = ['--attainment', f['ks2.csv']];

describe('a column not found: did you mean', () => {
  // Each flag that names a column, misspelled: the hint names the column meant before the list of columns.
  const cases: [string, string[], RegExp][] = [
    ['--measure', ['--measure', 'PTRWM_EXPP'], /column PTRWM_EXPP not found for the measure\n {2}hint: did you mean PTRWM_EXP\? columns are: URN, /],
    ['--fsm-col', ['--fsm-col', 'ptfsm6cla1'], /hint: did you mean PTFSM6CLA1A\? /],
    ['--id-col', ['--id-col', 'URNN'], /hint: did you mean URN\? /],
    ['--name-col', ['--name-col', 'SCHNAM'], /hint: did you mean SCHNAME\? /],
    ['--la-col', ['--la-col', 'LEAA'], /hint: did you mean LEA\? /],
    ['--cohort-col', ['--cohort-col', 'TELG'], /hint: did you mean TELIG\? /],
    // Nearest first: PTRWM_EXP_3YR is 1 edit away, PTRWM_EXP 2 (the limit for a name of 8–11 letters once squashed).
    ['--context-col', ['--context-col', 'x=PTRWM_EXP_3Y', '--context', 'fsm=1,x=1'], /hint: did you mean PTRWM_EXP_3YR or PTRWM_EXP\? /],
    ['--match', ['--match', 'ADMPL'], /hint: did you mean ADMPOL\? /],
    ['--ci-cols', ['--ci-cols', 'PTRWM_EXP_3YRR,PTRWM_EXP'], /hint: did you mean PTRWM_EXP_3YR\? /],
    ['--location-cols (one table joined)', ['--join', f['gias.csv'], '--location-cols', 'Eastng,Northng'], /none of the columns Eastng, Northng found for the location\n {2}hint: did you mean Easting, Northing\? .*pass --location-cols A,B/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const r = await fos(['families', ...att, ...args, '--size', '2']);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(message);
    });
  }

  it('--join-id, and a column of a joined year said as looked for in the joined tables too', async () => {
    const r = await fos(['families', ...att, '--join', f['gias.csv'], '--join-id', 'URNN']);
    expect(r.stderr).toMatch(/gias\.csv: column URNN not found for the id to join on\n {2}hint: did you mean URN\? /);
    const m = await fos(['families', ...att, '--join', f['gias.csv'], '--measure', 'Eastng']);
    expect(m.stderr).toMatch(/ks2\.csv \(with gias\.csv joined\): column Eastng not found for the measure\n {2}hint: did you mean Easting\? /);
  });

  it('--subjects (partners), when no year has them', async () => {
    const r = await fos(['partners', '1', ...att, '--size', '3', '--subjects', 'PTRWM_EXP_3YRR']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/column PTRWM_EXP_3YRR not found for the subject measures of latest\n {2}hint: did you mean PTRWM_EXP_3YR\? columns are: /);
  });

  it('a default that is missing suggests nothing: the user named no column', async () => {
    const g = files({ 'x.csv': 'URN,SCHNAME,TFSM6CLA1A,ATT8SCR\n1,A,3,40\n' });
    const r = await fos(['families', '--attainment', g['x.csv']]);
    expect(r.stderr).toMatch(/none of the columns PNUMFSMEVER, PTFSM6CLA1A found for the % FSM\n {2}hint: columns are: URN/);
  });

  it('--label: a column key close to a column is suggested', async () => {
    const r = await fos(['families', ...att, '--label', 'PTRWM_EX=Reading, writing and maths']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--label PTRWM_EX: not a label fos uses, nor a column of ks2\.csv\n {2}hint: did you mean PTRWM_EXP\? keys:/);
  });
});
