import { describe, expect, it } from 'vitest';
import { resolvePreset } from '../../../src/core/families/presets.js';

const none = { contextCols: {} };

describe('resolvePreset', () => {
  it('london on a KS4 final file: KS2APS, PTFSM6CLA1A, PTEALGRP2 at 0.66/0.20/0.10, families of 20, selective apart by ADMPOL', () => {
    const p = resolvePreset('london', { attainment: ['URN', 'ATT8SCR', 'ADMPOL', 'KS2APS', 'PTFSM6CLA1A', 'PTEALGRP2'] }, none, false);
    expect(p.context).toEqual([{ name: 'prior', weight: 0.66 }, { name: 'fsm', weight: 0.2 }, { name: 'eal', weight: 0.1 }]);
    expect(p.contextCols).toEqual({ prior: 'KS2APS', eal: 'PTEALGRP2' });
    expect(p.fsmCol).toBe('PTFSM6CLA1A');
    expect([p.size, p.match, p.missing]).toEqual([20, ['ADMPOL'], []]);
  });

  it('renormalises the weights of what is found to the preset’s total (eef without prior attainment: 4/3 each), census columns first', () => {
    const p = resolvePreset('eef', { attainment: ['URN', 'ATT8SCR', 'TPUP'], fsm: ['URN', 'PNUMFSMEVER', 'PNUMEAL', 'PSENELK', 'PSENELSE'] }, none, false);
    // Four variables of weight 1; three found: each 4/3 (rounded to 6 places).
    expect(p.context).toEqual([{ name: 'fsm', weight: 1.333333 }, { name: 'eal', weight: 1.333333 }, { name: 'sen', weight: 1.333333 }]);
    expect(p.missing).toEqual(['prior attainment']);
    expect(p.notes[0]).toBe('prior attainment: none of KS2APS, PTPRIORHI found; left out');
    expect(() => resolvePreset('eef', { attainment: ['URN', 'ATT8SCR'], fsm: ['URN', 'PNUMFSMEVER', 'PNUMEAL', 'PSENELK'] }, none, true)).toThrow(/no column for prior attainment/);
  });

  it('KS2 looks for KS1 prior attainment; a --context-col overrides a column, and London’s mobility is used only when given', () => {
    const header = ['URN', 'PTRWM_EXP', 'TKS1AVERAGE', 'PTFSM6CLA1A', 'PTEALGRP2', 'PTMOBN', 'MYEAL'];
    const p = resolvePreset('london', { attainment: header }, { contextCols: { eal: 'MYEAL', mobility: 'PTMOBN' } }, false);
    expect(p.contextCols).toEqual({ prior: 'TKS1AVERAGE', eal: 'MYEAL', mobility: 'PTMOBN' });
    expect(p.context.map((c) => c.weight)).toEqual([0.66, 0.2, 0.1, 0.04]);
    expect(p.match).toEqual([]);
    expect(resolvePreset('london', { attainment: header }, none, false).context.map((c) => c.name)).toEqual(['prior', 'fsm', 'eal']);
  });
});
