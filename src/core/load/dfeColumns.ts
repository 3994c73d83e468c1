import { dfeFile } from './dfeFile.js';
import type { ColumnMap } from '../types.js';
import { FosError } from '../errors.js';
import { columnHint, preview } from './columnHint.js';
import { EES_COLUMNS as EES } from './eesColumns.js';
import { misplacedFile } from './misplacedFile.js';
import { findColumn } from './findColumn.js';
import { defaultNames, findAlias, recogniseLayout, splitEarlierYear, type Layout, type LayoutField } from './layouts.js';

/**
 * Column recognition. DfE performance-table and census files are known by their headers
 * (LAYOUTS, layouts.ts); each field has a list of default names, tried in order (the
 * file's layout's own, then DEFAULT_COLUMNS), and any field can be named by the user
 * instead (`--measure`, `--fsm-col`, …), which is how any other country's file loads.
 */
export interface ColumnOverrides {
  id?: string;
  name?: string;
  la?: string;
  measure?: string;
  fsm?: string;
  cohort?: string;
  ci?: [string, string];
  context: Record<string, string>;
  subjects: string[];
  location?: [string, string];
  /** --match: text columns whose value a school's family must share. */
  match?: string[];
}

/** The general defaults: a file of no known layout takes each field's first that it has. */
export const DEFAULT_COLUMNS = {
  id: ['URN'],
  /** DfE performance tables, then GIAS. */
  name: ['SCHNAME', 'EstablishmentName'],
  la: ['LEA', 'LA', 'LA (name)'],
  /** KS4 Attainment 8, then KS2 reading, writing and maths at the expected standard. */
  measure: ['ATT8SCR', 'PTRWM_EXP'],
  /** Census % ever FSM in 6 years, then the % disadvantaged inside KS2/KS4 files. */
  fsm: ['PNUMFSMEVER', 'PTFSM6CLA1A'],
  /** A file's cohort (KS4 pupils at the end of the key stage, KS2 eligible pupils): the
   * cohort of every whole-school measure of that file. */
  cohort: ['TPUP', 'TELIG'],
  /** Confidence bounds belong to Progress 8 only (the long files' names from eesColumns.ts). */
  ci: { P8MEA: ['P8CILOW', 'P8CIUPP'], ...EES.ci } as Record<string, [string, string]>,
  rectype: 'RECTYPE',
  location: [
    { cols: ['LATITUDE', 'LONGITUDE'], kind: 'latlon' },
    { cols: ['LAT', 'LON'], kind: 'latlon' },
    { cols: ['EASTING', 'NORTHING'], kind: 'en' },
  ] as { cols: [string, string]; kind: 'latlon' | 'en' }[],
};

export { findColumn } from './findColumn.js';

export interface Headers {
  /** `layoutHeader`: the header the layout is recognised from, when `header` has joined
   * tables' columns beside the file's own. */
  attainment: { file: string; header: readonly string[]; layoutHeader?: readonly string[] };
  /** Absent when % FSM comes from the attainment file itself. */
  fsm?: { file: string; header: readonly string[] };
}

/** Which file a field is read from, and the column name as spelled in that file. */
export interface ResolvedColumns {
  attainment: Partial<Record<string, string>>;
  fsm: Partial<Record<string, string>>;
  map: ColumnMap;
}

/**
 * Resolve every field to a column of the attainment or the FSM file. Attainment fields
 * (measure, cohort, bounds, subjects, type) are looked for in the attainment file; % FSM
 * and context variables in the FSM file first, then the attainment file; id in both.
 * Name, authority and location come from whichever file has them.
 */
export function resolveColumns(headers: Headers, o: ColumnOverrides): ResolvedColumns {
  const att = headers.attainment;
  const fsm = headers.fsm;
  const attCols: Record<string, string> = {};
  const fsmCols: Record<string, string> = {};
  // Each file's defaults are its layout's, then the general ones (README "Layouts").
  const attLayout = recogniseLayout(att.layoutHeader ?? att.header);
  const fsmLayout = fsm && recogniseLayout(fsm.header);
  const defaults = (field: LayoutField, layout: Layout | undefined) => defaultNames(field, DEFAULT_COLUMNS[field], layout);
  // A name as DfE's metadata spells it also finds the file's own spelling (PNUMUNCFL → PNUMUNCLF).
  const lookup = (file: { header: readonly string[] }, name: string) => {
    const layout = file === att ? attLayout : file === fsm ? fsmLayout : undefined;
    return findColumn(file.header, name) ?? findAlias(file.header, name, layout);
  };

  // `given`: the names are the user's (a flag or the manifest), so close names are suggested; a default's are not.
  // `others`: further files the column could have come from, searched for the hint too.
  const need = (field: string, flag: string, names: string[], file: { file: string; header: readonly string[] }, given = true, others: { file: string; header: readonly string[] }[] = []) => {
    for (const n of names) {
      const c = lookup(file, n);
      if (c !== undefined) return c;
    }
    // What the file is, when its layout explains the missing column (a census as --attainment).
    const wrong = misplacedFile({ file: file.file, header: file === att ? (att.layoutHeader ?? att.header) : file.header, givenWith: file === att ? '--attainment' : '--fsm', field, names, named: given, fsmGiven: fsm !== undefined });
    if (wrong) throw wrong;
    const earlier = earlierYearsOf(names, file.header);
    throw new FosError(
      'COLUMN_NOT_FOUND',
      names.length > 1 ? `none of the columns ${names.join(', ')} found for the ${field}` : `column ${names[0]} not found for the ${field}`,
      { file: file.file },
      earlier.length
        ? `the file has only earlier years' figures (${earlier.slice(0, 3).join(', ')}), used only when named: pass ${flag} ${earlier[0]}`
        : given
          ? columnHint(names, [file, ...others], `pass ${flag} ${flag === '--location-cols' || flag === '--ci-cols' ? 'A,B' : 'NAME'}`)
          : `columns are: ${preview(file.header)}; pass ${flag} NAME`,
    );
  };
  const optional = (names: string[], file: { header: readonly string[] } | undefined) => {
    if (!file) return undefined;
    for (const n of names) {
      const c = lookup(file, n);
      if (c !== undefined) return c;
    }
    return undefined;
  };

  attCols.id = need('school id', '--id-col', o.id ? [o.id] : defaults('id', attLayout), att, o.id !== undefined);
  attCols.measure = need('measure', '--measure', o.measure ? [o.measure] : defaults('measure', attLayout), att, o.measure !== undefined);
  const measure = attCols.measure.toUpperCase();

  if (fsm) {
    fsmCols.id = need('school id', '--id-col', o.id ? [o.id] : defaults('id', fsmLayout), fsm, o.id !== undefined);
    fsmCols.fsm = need('% FSM', '--fsm-col', o.fsm ? [o.fsm] : defaults('fsm', fsmLayout), fsm, o.fsm !== undefined);
  } else {
    attCols.fsm = need('% FSM', '--fsm-col', o.fsm ? [o.fsm] : defaults('fsm', attLayout), att, o.fsm !== undefined);
  }

  // Name and authority: named by the user → must exist somewhere; else defaults, optional.
  for (const [field, flag, given] of [
    ['name', '--name-col', o.name],
    ['la', '--la-col', o.la],
  ] as const) {
    const names = given ? [given] : defaults(field, attLayout);
    const a = optional(names, att);
    const f = a === undefined ? optional(given ? names : defaults(field, fsmLayout), fsm) : undefined;
    if (a !== undefined) attCols[field] = a;
    else if (f !== undefined) fsmCols[field] = f;
    else if (given) need(field === 'la' ? 'local authority' : 'school name', flag, names, att, true, fsm ? [fsm] : []);
  }

  const rectype = optional([DEFAULT_COLUMNS.rectype], att);
  if (rectype) attCols.rectype = rectype;

  let cohortNote: string | undefined;
  if (o.cohort) attCols.cohort = need('cohort', '--cohort-col', [o.cohort], att);
  else {
    const c = cohortFor(attCols.measure, att.header, defaults('cohort', attLayout), dfeFile({ rectype: attCols.rectype, id: attCols.id }));
    if (c.column) attCols.cohort = c.column;
    cohortNote = c.note;
  }

  let ci: [string, string] | undefined;
  let ciMissing: [string, string] | undefined;
  if (o.ci) ci = [need('lower bound', '--ci-cols', [o.ci[0]], att), need('upper bound', '--ci-cols', [o.ci[1]], att)];
  else {
    const d = DEFAULT_COLUMNS.ci[measure];
    const lo = d ? optional([d[0]], att) : undefined;
    const hi = d ? optional([d[1]], att) : undefined;
    if (lo && hi) ci = [lo, hi];
    else if (d) ciMissing = d;
  }
  if (ci) [attCols.ciLow, attCols.ciHigh] = ci;

  const context: Record<string, string> = {};
  for (const [key, col] of Object.entries(o.context)) {
    const f = optional([col], fsm);
    const a = f === undefined ? optional([col], att) : undefined;
    if (f !== undefined) fsmCols[`context:${key}`] = context[key] = f;
    else if (a !== undefined) attCols[`context:${key}`] = context[key] = a;
    else need(`context variable ${key}`, '--context-col', [col], fsm ?? att, true, fsm ? [att] : []);
  }

  const subjects: string[] = [];
  // Subjects are needed only in the year reported: a year without one just lacks it (the
  // command that reports them says so).
  for (const s of o.subjects) {
    const c = optional([s], att);
    if (c === undefined) continue;
    attCols[`subject:${c}`] = c;
    subjects.push(c);
  }

  // --match columns: text, from the FSM file first (e.g. a school information table), else the attainment file.
  const match: Record<string, string> = {};
  for (const col of o.match ?? []) {
    const f = optional([col], fsm);
    const a = f === undefined ? optional([col], att) : undefined;
    if (f !== undefined) fsmCols[`match:${col}`] = match[col] = f;
    else if (a !== undefined) attCols[`match:${col}`] = match[col] = a;
    else need(`--match column ${col}`, '--match', [col], fsm ?? att, true, fsm ? [att] : []);
  }

  let location: ColumnMap['location'];
  const locCandidates = o.location
    ? [{ cols: o.location, kind: guessLocationKind(o.location) }]
    : DEFAULT_COLUMNS.location;
  for (const cand of locCandidates) {
    const inAtt = cand.cols.map((c) => optional([c], att));
    const inFsm = cand.cols.map((c) => optional([c], fsm));
    if (inAtt[0] && inAtt[1]) {
      location = { cols: [inAtt[0], inAtt[1]], kind: cand.kind };
      attCols.locationA = inAtt[0];
      attCols.locationB = inAtt[1];
      break;
    }
    if (inFsm[0] && inFsm[1]) {
      location = { cols: [inFsm[0], inFsm[1]], kind: cand.kind };
      fsmCols.locationA = inFsm[0];
      fsmCols.locationB = inFsm[1];
      break;
    }
  }
  if (o.location && !location) {
    // Both columns are needed, from one file: name those missing from the file that has more of them.
    const missingIn = (file: typeof att | undefined) => o.location!.filter((c) => optional([c], file) === undefined);
    const fromFsm = fsm !== undefined && missingIn(fsm).length < missingIn(att).length;
    const missing = missingIn(fromFsm ? fsm : att);
    need('location', '--location-cols', missing, fromFsm ? fsm! : att);
  }

  const map: ColumnMap = {
    id: attCols.id,
    name: attCols.name ?? fsmCols.name,
    la: attCols.la ?? fsmCols.la,
    measure: attCols.measure,
    fsm: fsmCols.fsm ?? attCols.fsm,
    cohort: attCols.cohort,
    cohortNote,
    ci,
    ciMissing,
    rectype: attCols.rectype,
    context,
    subjects,
    location,
    ...(o.match?.length ? { match } : {}),
  };
  return { attainment: attCols, fsm: fsmCols, map };
}

/**
 * DfE pupil groups: a measure over one group's pupils ends in the group's suffix
 * (`ATT8SCR_FSM6CLA1A`), and its cohort is the column counting that group's pupils
 * (`TFSM6CLA1A`). Groups whose pupils the file does not count have no count column.
 * Suffixes are matched without regard to case (KS2 files write `NotFSM6CLA1A`).
 */
export const PUPIL_GROUPS: readonly { suffix: string; count?: string; pupils: string }[] = [
  { suffix: 'FSM6CLA1A', count: 'TFSM6CLA1A', pupils: 'disadvantaged pupils' },
  { suffix: 'NFSM6CLA1A', count: 'TNOTFSM6CLA1A', pupils: 'other pupils (not disadvantaged)' },
  { suffix: 'NOTFSM6CLA1A', count: 'TNOTFSM6CLA1A', pupils: 'other pupils (not disadvantaged)' },
  { suffix: 'LO', count: 'TPRIORLO', pupils: 'pupils with low prior attainment' },
  { suffix: 'AV', count: 'TPRIORAV', pupils: 'pupils with middle prior attainment' },
  { suffix: 'HI', count: 'TPRIORHI', pupils: 'pupils with high prior attainment' },
  { suffix: 'L', count: 'TKS1GROUP_L', pupils: 'pupils with low prior attainment' },
  { suffix: 'M', count: 'TKS1GROUP_M', pupils: 'pupils with middle prior attainment' },
  { suffix: 'H', count: 'TKS1GROUP_H', pupils: 'pupils with high prior attainment' },
  { suffix: 'EAL', count: 'TEALGRP2', pupils: 'pupils with English as an additional language' },
  { suffix: 'NMOB', count: 'TNMOB', pupils: 'non-mobile pupils' },
  { suffix: 'MOBN', count: 'TMOBN', pupils: 'non-mobile pupils' },
  { suffix: 'BOYS', pupils: 'boys' },
  { suffix: 'GIRLS', pupils: 'girls' },
  { suffix: 'B', pupils: 'boys' },
  { suffix: 'G', pupils: 'girls' },
];


/**
 * The cohort of a measure, when no --cohort-col names it: the count of its pupil group for
 * a pupil-group measure (`ATT8SCR_FSM6CLA1A` → `TFSM6CLA1A`; an earlier year's figure
 * `…_16` → `TFSM6CLA1A_16`), else the file's own cohort (`TPUP`, else `TELIG`), which
 * serves every whole-school measure of the file (`PTL2BASICS_94`, `P8MEA`, `READPROG`).
 * `note` says in words which cohort applies, or why there is none: in DfE's column names for
 * a DfE file (`dfe`, dfeFile.ts), in general words for another school system's.
 */
export function cohortFor(measure: string, header: readonly string[], cohorts: readonly string[] = DEFAULT_COLUMNS.cohort, dfe = true): { column?: string; note: string } {
  const split = splitEarlierYear(measure);
  const base = split.base.toUpperCase();
  const year = split.suffix ? `_${split.suffix}` : '';
  const group = PUPIL_GROUPS.find((g) => base.endsWith(`_${g.suffix}`) && base.length > g.suffix.length + 1);
  const find = (name: string) => findColumn(header, name);
  if (group) {
    const column = group.count ? find(group.count + year) : undefined;
    if (column) return { column, note: `${column}, the number of ${group.pupils}, as ${measure} is over those pupils only` };
    return { note: `none: ${measure} is over ${group.pupils}, and the file has no column counting them${group.count ? ` (${group.count + year})` : ''}` };
  }
  if (year) {
    // An earlier year's whole-school figure: that year's cohort, when the file has it (TELIG_24).
    for (const name of cohorts) {
      const column = find(name + year);
      if (column) return { column, note: `${column}, the cohort of ${measure}'s year` };
    }
    return { note: `none: ${measure} is an earlier year's figure, and the file's cohort is this year's` };
  }
  for (const name of cohorts) {
    const column = find(name);
    if (column) return { column, note: `${column}, the file's cohort, which serves every whole-school measure` };
  }
  return { note: dfe ? `none: the file has no ${cohorts.join(' or ')} column` : 'none: no cohort column found' };
}

/** Easting/northing when the names say so, else latitude/longitude (first column latitude). */
function guessLocationKind(cols: [string, string]): 'latlon' | 'en' {
  return /east|north|^x$|^y$/i.test(cols.join(' ')) ? 'en' : 'latlon';
}

/** Earlier years' columns of the names sought (`ATT8SCR_21` for `ATT8SCR`), which defaults never take. */
function earlierYearsOf(names: readonly string[], header: readonly string[]): string[] {
  const bases = new Set(names.map((n) => n.trim().toUpperCase()));
  return header.filter((h) => {
    const { base, suffix } = splitEarlierYear(h);
    return suffix !== undefined && bases.has(base.toUpperCase());
  });
}
