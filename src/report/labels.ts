import type { ROBUSTNESS_CHECKS } from '../core/compare/robustness.js';
import { findColumn } from '../core/load/dfeColumns.js';
import type { Exclusion, ExclusionReason } from '../core/types.js';

/**
 * The words reports use for things each school system names its own way (`--label KEY=TEXT`,
 * or "labels" in the manifest): the local authority ("LA"; New York: "District"), the
 * disadvantage measure ("% FSM"; "% low income"), the whole system ("England"; "New York
 * City") and each measure's display name ("ATT8SCR"; "Attainment 8"). Plain data: every
 * form a report needs is here, and the defaults are today's English words, so a report
 * without --label is unchanged.
 */
export interface Labels {
  /** A local authority in headers and short phrases: "LA" ("LA 815"). */
  la: string;
  /** The same in running text: "local authority". */
  laWords: string;
  /** Its plural in running text: "local authorities" (a label is taken as it stands). */
  laPlural: string;
  /** The disadvantage measure as a column: "% FSM". */
  fsm: string;
  /** The same as a noun, without the %: "FSM" ("the FSM file", "high-FSM schools"). */
  fsmWord: string;
  /** The column form without the space after "%", in a formula: "%FSM" ("ATT8SCR = 60 − 0.4 × %FSM"); a label of more than one word after its "%" as it stands. */
  fsmCompact: string;
  /** The name of the context variable of % FSM in lists of variables: "fsm" ("fsm×1"). */
  fsmVariable: string;
  /** The whole system: "England". */
  nation: string;
  /** Its adjective: "national" ("national quartile"). */
  national: string;
  /** "nationally" ("the best quarter nationally"). */
  nationally: string;
  /** Display names by column, as given (`ATT8SCR=Attainment 8`); `measure` names whatever measure is compared. */
  names: Record<string, string>;
}

/** The keys --label takes besides column names. */
export const LABEL_KEYS = ['la', 'fsm', 'nation', 'measure'] as const;

export const DEFAULT_LABELS: Labels = {
  la: 'LA',
  laWords: 'local authority',
  laPlural: 'local authorities',
  fsm: '% FSM',
  fsmWord: 'FSM',
  fsmCompact: '%FSM',
  fsmVariable: 'fsm',
  nation: 'England',
  national: 'national',
  nationally: 'nationally',
  names: {},
};

/**
 * The labels from KEY=TEXT pairs (later pairs win): `la` sets every form of the authority,
 * `fsm` the column form, its compact form and, without its "%", the noun ("% low income" → "low income"),
 * `nation` the name and, as it stands, the adjective ("New York City quartile") and "in
 * New York City"; any other key is a column's display name.
 *
 * labelsFrom([['fsm', '% low income']]).fsmWord // => 'low income'
 */
export function labelsFrom(pairs: readonly (readonly [string, string])[]): Labels {
  const l: Labels = { ...DEFAULT_LABELS, names: {} };
  for (const [key, text] of pairs) {
    if (key === 'la') l.la = l.laWords = l.laPlural = text;
    else if (key === 'fsm') {
      l.fsm = text;
      l.fsmCompact = text.replace(/^%\s+(\S+)$/, '%$1');
      l.fsmWord = l.fsmVariable = text.replace(/^%\s*/, '') || text;
    } else if (key === 'nation') {
      l.nation = l.national = text;
      l.nationally = `in ${text}`;
    } else l.names[key] = text;
  }
  return l;
}

/** A column's own display name (`COLUMN=TEXT`; the column found as headers are, dfeColumns.ts findColumn), undefined when it has none. */
function ownName(labels: Labels, column: string): string | undefined {
  const key = findColumn(Object.keys(labels.names).filter((k) => k !== 'measure'), column);
  return key === undefined ? undefined : labels.names[key];
}

/** A column's own display name (`COLUMN=TEXT`, any case), else the column: for subjects. */
export function columnName(labels: Labels, column: string): string {
  return ownName(labels, column) ?? column;
}

/** A measure's display name: its own (as columnName), else `measure=TEXT`, else the column. */
export function measureName(labels: Labels, column: string): string {
  return ownName(labels, column) ?? labels.names.measure ?? column;
}

/** A value of % FSM in a sentence: "46.2% FSM"; with a label that is not a "% …" one, "Poverty rate 46.2". */
export function fsmValue(labels: Labels, value: number | string): string {
  return labels.fsm.startsWith('%') ? `${value}%${labels.fsm.slice(1)}` : `${labels.fsm} ${value}`;
}

/** A context variable's name as reports show it: fsm as its label's noun (`fsm` by default). */
export function variableName(labels: Labels, name: string): string {
  return name === 'fsm' ? labels.fsmVariable : name;
}

/** Each reason core gives for leaving a school out, in the labels' words, and for the
 * reasons about % FSM the detail too (core's detail for those is fixed text). */
const REASONS: Record<ExclusionReason, { reason: (l: Labels) => string; detail?: (l: Labels) => string }> = {
  'no attainment row': { reason: () => 'no attainment row' },
  'no FSM row': { reason: (l) => `no ${l.fsmWord} row`, detail: (l) => `id not found in the ${l.fsmWord} file` },
  'measure missing': { reason: () => 'measure missing' },
  'FSM missing': { reason: (l) => `${l.fsmWord} missing`, detail: (l) => `no value for ${l.fsm}` },
  'context missing': { reason: () => 'context missing' },
  'cohort below minimum': { reason: () => 'cohort below minimum' },
  'special school': { reason: () => 'special school' },
};

/**
 * Why a school is left out, in the labels' words; with the default labels, core's own words.
 *
 * reasonWords('no FSM row', labelsFrom([['fsm', '% low income']])) // => 'no low income row'
 */
export function reasonWords(reason: ExclusionReason, labels: Labels): string {
  return REASONS[reason].reason(labels);
}

/** The detail of a school left out (core's `detail`) in the labels' words: "no value for % low income". */
export function detailWords(e: Pick<Exclusion, 'reason' | 'detail'>, labels: Labels): string {
  return REASONS[e.reason].detail?.(labels) ?? e.detail;
}

/** A robustness check's name (robustness.ts) in the labels' words: the fixed bands are bands of % FSM ("% low income bands"). */
export function checkName(check: (typeof ROBUSTNESS_CHECKS)[number], labels: Labels): string {
  return check.change.method === 'bands' ? `${labels.fsm} bands` : check.name;
}

/** The first letter in capitals: "national" → "National". */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
