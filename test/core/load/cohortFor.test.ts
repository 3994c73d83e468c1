import { describe, expect, it } from 'vitest';
import { cohortFor } from '../../../src/core/load/dfeColumns.js';

const KS4 = ['URN', 'TPUP', 'ATT8SCR', 'PTL2BASICS_94', 'TFSM6CLA1A', 'ATT8SCR_FSM6CLA1A', 'TNOTFSM6CLA1A', 'ATT8SCR_NFSM6CLA1A', 'ATT8SCR_GIRLS', 'TFSM6CLA1A_16', 'ATT8SCR_FSM6CLA1A_16', 'ATT8SCR_16'];
const KS2 = ['URN', 'TELIG', 'PTRWM_EXP', 'READPROG', 'TNotFSM6CLA1A', 'PTRWM_EXP_NotFSM6CLA1A'];

describe('cohortFor: the cohort a measure is over', () => {
  it('a whole-school measure takes the file cohort, whatever the measure (TPUP, else TELIG)', () => {
    expect(cohortFor('PTL2BASICS_94', KS4).column).toBe('TPUP');
    expect(cohortFor('ATT8SCR', KS4).column).toBe('TPUP');
    expect(cohortFor('READPROG', KS2).column).toBe('TELIG');
    expect(cohortFor('PTRWM_EXP', KS2).note).toMatch(/file's cohort/);
  });

  it("a pupil-group measure takes its group's count, never the whole-school cohort", () => {
    expect(cohortFor('ATT8SCR_FSM6CLA1A', KS4)).toMatchObject({ column: 'TFSM6CLA1A', note: expect.stringMatching(/disadvantaged pupils/) });
    expect(cohortFor('ATT8SCR_NFSM6CLA1A', KS4).column).toBe('TNOTFSM6CLA1A');
    expect(cohortFor('PTRWM_EXP_NotFSM6CLA1A', KS2).column).toBe('TNotFSM6CLA1A');
    expect(cohortFor('ATT8SCR_FSM6CLA1A_16', KS4).column).toBe('TFSM6CLA1A_16');
  });

  it('no cohort, said why, when the group is not counted or the figure is an earlier year’s', () => {
    expect(cohortFor('ATT8SCR_GIRLS', KS4)).toEqual({ note: expect.stringMatching(/^none: .*girls/) });
    expect(cohortFor('ATT8SCR_16', KS4).column).toBeUndefined();
    expect(cohortFor('ATT8SCR_FSM6CLA1A', ['URN', 'ATT8SCR_FSM6CLA1A']).note).toMatch(/TFSM6CLA1A/);
    expect(cohortFor('PROFICIENT', ['NCESSCH', 'PROFICIENT']).note).toMatch(/no TPUP or TELIG/);
  });
});
