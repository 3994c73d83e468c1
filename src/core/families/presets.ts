import { FosError } from '../errors.js';
import type { ContextWeight } from './context.js';
import { isAdmissionsColumn } from './strata.js';
import { findColumn } from '../load/findColumn.js';
import { recogniseLayout } from '../load/layouts.js';

/** One variable of a preset: its name in --context (`fsm` is the % FSM column), what it
 * stands for, its weight, and the DfE columns that hold it in each layout, tried in order. */
interface PresetVariable {
  name: string;
  label: string;
  weight: number;
  ks4: readonly string[];
  ks2: readonly string[];
  /** Only when the user names its column with --context-col (London's mobility). */
  onlyWhenGiven?: boolean;
}

export interface Preset {
  name: string;
  size: number;
  /** Match selective with selective when an admissions column is loaded (ADMPOL, or GIAS's joined). */
  matchSelective: boolean;
  variables: readonly PresetVariable[];
}

const PRIOR_KS4 = ['KS2APS', 'PTPRIORHI'];
const PRIOR_KS2 = ['TKS1AVERAGE', 'KS1APS'];
const DISADVANTAGED = ['PTFSM6CLA1A', 'PNUMFSMEVER'];
const EAL = ['PTEALGRP2', 'PNUMEAL'];
// KS4 files name SEN PSENSE4/PSENAPK4 in 2015/16–2018/19, PSENE4/PSENK4 from 2021/22 on;
// 2024-25 KS2 files have PSENELE, not PSENELSE (core/load/layouts.ts gives the sources).
const SEN_SUPPORT = ['PSENELK', 'PSENAPK4', 'PSENK4'];
const EHC_PLAN = ['PSENELSE', 'PSENSE4', 'PSENE4', 'PSENELE'];
const PUPILS = ['NOR', 'TPUP'];
const both = (cols: readonly string[]) => ({ ks4: cols, ks2: cols });

/**
 * The English context presets (README "Presets" gives each one's source):
 * - london: the London Challenge / City Challenge booklets' secondary weights (Black
 *   Country): KS2 prior attainment 0.66, deprivation (here % disadvantaged) 0.20, % EAL
 *   0.10, mobility 0.04 (only with --context-col mobility=COL); families of 20.
 * - eef: the EEF Families of Schools Database: prior attainment, % FSM (disadvantaged),
 *   % EAL, % SEN support, equal weights; families of 50.
 * - dfe: DfE's similar-schools model (2024): its nine characteristics, those the files
 *   have (prior attainment, pupils on roll, stability, % disadvantaged, IDACI, POLAR4,
 *   % EHC plan, % SEN support, % EAL), equal weights, standardised; families of 50.
 * - fsm: fos's default, % FSM alone, families of 20.
 */
export const PRESETS: Record<string, Preset> = {
  london: {
    name: 'london',
    size: 20,
    matchSelective: true,
    variables: [
      { name: 'prior', label: 'prior attainment', weight: 0.66, ks4: PRIOR_KS4, ks2: PRIOR_KS2 },
      { name: 'fsm', label: '% disadvantaged', weight: 0.2, ...both(DISADVANTAGED) },
      { name: 'eal', label: '% EAL', weight: 0.1, ...both(EAL) },
      { name: 'mobility', label: 'mobility', weight: 0.04, ...both([]), onlyWhenGiven: true },
    ],
  },
  eef: {
    name: 'eef',
    size: 50,
    matchSelective: true,
    variables: [
      { name: 'prior', label: 'prior attainment', weight: 1, ks4: PRIOR_KS4, ks2: PRIOR_KS2 },
      { name: 'fsm', label: '% disadvantaged', weight: 1, ...both(DISADVANTAGED) },
      { name: 'eal', label: '% EAL', weight: 1, ...both(EAL) },
      { name: 'sen', label: '% SEN', weight: 1, ...both(SEN_SUPPORT) },
    ],
  },
  dfe: {
    name: 'dfe',
    size: 50,
    matchSelective: true,
    variables: [
      { name: 'prior', label: 'prior attainment (KS2 reading and maths)', weight: 1, ks4: PRIOR_KS4, ks2: PRIOR_KS2 },
      { name: 'pupils', label: 'number of pupils', weight: 1, ...both(PUPILS) },
      { name: 'stability', label: 'pupil stability', weight: 1, ...both(['PTNMOB', 'PTMOBN']) },
      { name: 'fsm', label: '% pupil premium (disadvantaged)', weight: 1, ...both(DISADVANTAGED) },
      { name: 'idaci', label: 'average IDACI', weight: 1, ...both(['IDACI']) },
      { name: 'polar4', label: 'average POLAR4 quintile', weight: 1, ...both(['POLAR4']) },
      { name: 'ehc', label: '% with an EHC plan', weight: 1, ...both(EHC_PLAN) },
      { name: 'sen', label: '% SEN support', weight: 1, ...both(SEN_SUPPORT) },
      { name: 'eal', label: '% EAL', weight: 1, ...both(EAL) },
    ],
  },
  fsm: { name: 'fsm', size: 20, matchSelective: false, variables: [{ name: 'fsm', label: '% FSM', weight: 1, ks4: [], ks2: [] }] },
};

export const PRESET_NAMES = Object.keys(PRESETS);

export interface PresetHeaders {
  attainment: readonly string[];
  /** The FSM file's header, when there is one. */
  fsm?: readonly string[];
  /** The headers of the tables joined with --join (e.g. GIAS, with `AdmissionsPolicy (name)`). */
  joins?: readonly (readonly string[])[];
}

/** What a preset comes to on the loaded files. */
export interface ResolvedPreset {
  context: ContextWeight[];
  /** --context-col entries for the variables found (the user's own kept). */
  contextCols: Record<string, string>;
  /** The % FSM column the preset's disadvantaged variable takes, when it names one. */
  fsmCol?: string;
  size: number;
  match: string[];
  /** One line per variable: the column taken, or that none was found. */
  notes: string[];
  missing: string[];
}

const find = (header: readonly string[] | undefined, name: string) => (header ? findColumn(header, name) : undefined);

/**
 * A preset's variables found in the files: each by the user's --context-col when given,
 * else the first of its DfE columns in the FSM file, then the attainment file (% FSM: as
 * the loader looks for it, in the FSM file when there is one). A variable not found is
 * left out and the others' weights are renormalised to the preset's total (with `strict`,
 * an error). KS4 (attainment file with ATT8SCR, or no PTRWM_EXP) looks for KS2 prior
 * attainment, KS2 for KS1. Tables joined with --join are looked in last; an admissions
 * column in any file (`ADMPOL`, or a joined GIAS table's `AdmissionsPolicy (name)`) puts
 * selective schools apart.
 */
export function resolvePreset(name: string, headers: PresetHeaders, given: { contextCols: Record<string, string>; fsmCol?: string }, strict: boolean): ResolvedPreset {
  const preset = PRESETS[name];
  if (!preset) throw new FosError('INVALID_OPTION', `no preset ${name}`, { value: name }, `choose one of ${PRESET_NAMES.join(', ')}`);
  const ks2 = !find(headers.attainment, 'ATT8SCR') && find(headers.attainment, 'PTRWM_EXP') !== undefined;
  const layout = recogniseLayout(headers.attainment);
  const empty = new Set((layout?.empty ?? []).map((c) => c.toUpperCase()));
  const found: { v: PresetVariable; col: string }[] = [];
  const notes: string[] = [];
  const missing: string[] = [];
  let fsmCol: string | undefined;
  // The weights of the variables in play (a variable only used when given, when given).
  let total = 0;
  for (const v of preset.variables) {
    const own = v.name === 'fsm' ? given.fsmCol : given.contextCols[v.name];
    const names = own ? [own] : ks2 ? v.ks2 : v.ks4;
    const files = v.name === 'fsm' && headers.fsm ? [headers.fsm] : [headers.fsm, headers.attainment, ...(headers.joins ?? [])];
    let col: string | undefined;
    // A column the file's layout leaves blank (2024-25 KS2 TKS1AVERAGE) is not taken unless given.
    const blank = own ? [] : names.filter((n) => empty.has(n.toUpperCase()));
    for (const n of names) for (const h of files) if (!blank.includes(n)) col ??= find(h, n);
    if (v.onlyWhenGiven && !own) continue;
    total += v.weight;
    if (v.name === 'fsm' && !col && names.length === 0) col = '% FSM column';
    if (!col) {
      missing.push(v.label);
      const blankNote = blank.length ? ` (${blank.join(', ')} ${blank.length === 1 ? 'is' : 'are'} blank in ${layout!.name})` : '';
      notes.push(`${v.label}: none of ${names.join(', ')} found${blankNote}; left out`);
      continue;
    }
    if (v.name === 'fsm' && names.length) fsmCol = col;
    found.push({ v, col });
    notes.push(`${v.label}: ${col}${own ? ' (given)' : ''}`);
  }
  if (missing.length && strict) {
    throw new FosError('COLUMN_NOT_FOUND', `--preset ${name}: no column for ${missing.join(', ')}`, {}, 'name them with --context-col NAME=COLUMN, or drop --strict to leave them out');
  }
  const kept = found.reduce((a, f) => a + f.v.weight, 0);
  const context = found.map((f) => ({ name: f.v.name, weight: Number(((f.v.weight * total) / kept).toFixed(6)) }));
  const contextCols: Record<string, string> = { ...given.contextCols };
  for (const f of found) if (f.v.name !== 'fsm') contextCols[f.v.name] = f.col;
  const admissions = preset.matchSelective ? [...(headers.fsm ?? []), ...headers.attainment, ...(headers.joins ?? []).flat()].find(isAdmissionsColumn) : undefined;
  if (admissions) notes.push(`selective schools apart: --match ${admissions}`);
  return { context, contextCols, fsmCol, size: preset.size, match: admissions ? [admissions] : [], notes, missing };
}
