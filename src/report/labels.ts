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
  /** The disadvantage measure as a column: "% FSM". */
  fsm: string;
  /** The same as a noun, without the %: "FSM" ("the FSM file", "high-FSM schools"). */
  fsmWord: string;
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
  fsm: '% FSM',
  fsmWord: 'FSM',
  fsmVariable: 'fsm',
  nation: 'England',
  national: 'national',
  nationally: 'nationally',
  names: {},
};

/**
 * The labels from KEY=TEXT pairs (later pairs win): `la` sets both forms of the authority,
 * `fsm` the column form and, without its "%", the noun ("% low income" → "low income"),
 * `nation` the name and, as it stands, the adjective ("New York City quartile") and "in
 * New York City"; any other key is a column's display name.
 *
 * labelsFrom([['fsm', '% low income']]).fsmWord // => 'low income'
 */
export function labelsFrom(pairs: readonly (readonly [string, string])[]): Labels {
  const l: Labels = { ...DEFAULT_LABELS, names: {} };
  for (const [key, text] of pairs) {
    if (key === 'la') l.la = l.laWords = text;
    else if (key === 'fsm') {
      l.fsm = text;
      l.fsmWord = l.fsmVariable = text.replace(/^%\s*/, '') || text;
    } else if (key === 'nation') {
      l.nation = l.national = text;
      l.nationally = `in ${text}`;
    } else l.names[key] = text;
  }
  return l;
}

/** A measure's display name: its own (`COLUMN=TEXT`, any case), else `measure=TEXT`, else the column. */
export function measureName(labels: Labels, column: string): string {
  const own = Object.keys(labels.names).find((k) => k !== 'measure' && k.toLowerCase() === column.toLowerCase());
  return own !== undefined ? labels.names[own] : (labels.names.measure ?? column);
}

/** A column's own display name (`COLUMN=TEXT`, any case), else the column: for subjects. */
export function columnName(labels: Labels, column: string): string {
  const own = Object.keys(labels.names).find((k) => k !== 'measure' && k.toLowerCase() === column.toLowerCase());
  return own !== undefined ? labels.names[own] : column;
}

/** A value of % FSM in a sentence: "46.2% FSM"; with a label that is not a "% …" one, "Poverty rate 46.2". */
export function fsmValue(labels: Labels, value: number | string): string {
  return labels.fsm.startsWith('%') ? `${value}%${labels.fsm.slice(1)}` : `${labels.fsm} ${value}`;
}

/** A context variable's name as reports show it: fsm as its label's noun (`fsm` by default). */
export function variableName(labels: Labels, name: string): string {
  return name === 'fsm' ? labels.fsmVariable : name;
}

/**
 * Words that core writes in English (reasons a school is left out, the robustness checks'
 * names) in the labels' words: "% FSM" as the fsm label, "FSM" as its noun. Identity with
 * the default labels.
 *
 * relabel('no value for % FSM', labelsFrom([['fsm', '% low income']])) // => 'no value for % low income'
 */
export function relabel(text: string, labels: Labels): string {
  if (labels.fsm === DEFAULT_LABELS.fsm) return text;
  return text.replace(/% FSM/g, labels.fsm).replace(/\bFSM\b/g, labels.fsmWord);
}

/** The first letter in capitals: "national" → "National". */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
