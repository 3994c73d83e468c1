import { closeNames } from '../core/load/columnHint.js';
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { FosError } from '../core/errors.js';
import type { YearInput } from '../core/load/pairInputs.js';
import { yearLabel } from '../core/load/yearLabel.js';
import { expandFiles, namedFile, type NamedBy } from './expandFiles.js';

/**
 * A manifest (`--data fos.json`) names the files of each year and, optionally, the columns
 * and filters, so a multi-year analysis is one flag. Every key (README, "Manifest"):
 *
 * { "years": { "2018": { "attainment": "ks4-2018.csv", "fsm": "census-2018.csv", "join": "extra-2018.csv" } },
 *   "columns": { "measure": "ATT8SCR", "context": { "eal": "PNUMEAL" }, "joinId": "URN", "breakdown": "Total" },
 *   "where": ["RECTYPE=1"], "join": ["gias.csv"], "links": "links.csv", "preset": "dfe",
 *   "labels": { "la": "District" }, "coverage": "auto" }
 *
 * A year's "attainment" and "fsm" are each a file, a folder (its .csv files), a pattern
 * (`ks4_*.csv`) or a list of these: several files of a year are read as one table, as on
 * the command line. "join" lists tables joined to every year's schools; a year's own
 * "join" (a file or a list) adds tables for that year only. "columns" takes what the column
 * flags take (MANIFEST_COLUMNS). "coverage" says whether the files are a whole system's
 * ("whole", "part" or "auto", as --coverage). Keys starting with `_` are comments. Paths
 * are relative to the manifest's folder.
 */
export interface Manifest {
  file: string;
  years: YearInput[];
  columns: Partial<Record<ManifestColumn, unknown>>;
  where: string[];
  /** "preset": a --preset name. */
  preset?: string;
  /** "links": a GIAS links file (--links), as an absolute path. */
  links?: string;
  /** "labels": the words reports use, as KEY=TEXT pairs (--label). */
  labels?: [string, string][];
  /** "coverage": whether the files are a whole system's (--coverage; its value checked there). */
  coverage?: string;
}

/** The keys of a manifest, of each year, and of its "columns" (config.ts reads them as the column flags). */
export const MANIFEST_KEYS = ['years', 'columns', 'where', 'join', 'links', 'labels', 'preset', 'coverage'];
export const YEAR_KEYS = ['attainment', 'fsm', 'join'];
export const MANIFEST_COLUMNS = ['id', 'name', 'la', 'measure', 'fsm', 'cohort', 'ci', 'subjects', 'location', 'context', 'match', 'joinId', 'breakdown'] as const;
/** A key of "columns": config.ts reads only these (its reader takes this type), so a key read there is one the manifest accepts. */
export type ManifestColumn = (typeof MANIFEST_COLUMNS)[number];

export function readManifest(file: string): Manifest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new FosError('FILE_NOT_FOUND', 'manifest not found or unreadable', { file }, 'check the path given to --data');
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new FosError('MANIFEST_INVALID', `not valid JSON (${(e as Error).message})`, { file });
  }
  const bad = (what: string) => new FosError('MANIFEST_INVALID', what, { file }, 'see "Manifest" in the README for the expected shape');
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw bad('the manifest must be a JSON object');
  const m = json as { years?: unknown; columns?: unknown; where?: unknown; preset?: unknown; labels?: unknown; links?: unknown; join?: unknown; coverage?: unknown };
  knownKeys(m, MANIFEST_KEYS, 'the manifest', file);
  if (m.preset !== undefined && typeof m.preset !== 'string') throw bad('"preset" must be a preset name');
  const labelsOk = m.labels === undefined || (m.labels !== null && typeof m.labels === 'object' && !Array.isArray(m.labels) && Object.values(m.labels).every((t) => typeof t === 'string'));
  if (!labelsOk) throw bad('"labels" must map each key to its text, e.g. {"la": "District"}');
  if (m.links !== undefined && (typeof m.links !== 'string' || m.links.trim() === '')) throw bad('"links" must be a file name (a GIAS links file)');
  if (m.coverage !== undefined && typeof m.coverage !== 'string') throw bad('"coverage" must be whole, part or auto (as --coverage)');
  if (!m.years || typeof m.years !== 'object' || Array.isArray(m.years)) throw bad('"years" must map each year to its files');
  if (m.columns !== undefined && (!m.columns || typeof m.columns !== 'object' || Array.isArray(m.columns))) throw bad('"columns" must map each column key to a column name, e.g. {"measure": "ATT8SCR"}');
  if (m.columns) knownKeys(m.columns as object, [...MANIFEST_COLUMNS], '"columns"', file);
  if (m.where !== undefined && (!Array.isArray(m.where) || !m.where.every((w) => typeof w === 'string'))) throw bad('"where" must be a list of COLUMN=VALUE filters, e.g. ["RECTYPE=1"]');
  const base = dirname(file);
  const at = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  // Where a path named here is, for the error when nothing is there.
  const namedBy = (p: string, what: string): NamedBy => ({ by: `${what} in ${basename(file)}`, relativeTo: isAbsolute(p) ? undefined : `the manifest's folder, ${base}` });
  const names = (v: unknown, what: string): string[] | undefined => {
    if (v === undefined) return undefined;
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || list.length === 0 || !list.every((f) => typeof f === 'string' && f.trim() !== '')) throw bad(`${what} must be a file name or a list of them`);
    return list;
  };
  // A table joined by id: one file each.
  const tables = (v: unknown, what: string) => names(v, what)?.map((p) => namedFile(at(p), namedBy(p, what)));
  // Attainment and FSM: each name a file, a folder or a pattern, as on the command line.
  const expand = (v: unknown, what: string) => names(v, what)?.flatMap((p) => expandFiles(at(p), namedBy(p, what)));
  const allJoins = tables(m.join, '"join"') ?? [];
  const seen = new Map<string, string>();
  const years = Object.entries(m.years as Record<string, unknown>).map(([key, v]): YearInput => {
    // A year as YEAR=FILE labels it: "2018-19" is 2019 (yearLabel.ts).
    const year = yearLabel(key);
    if (seen.has(year)) throw bad(`years "${seen.get(year)}" and "${key}" are the same year (${year})`);
    seen.set(year, key);
    const y = v as { attainment?: unknown; fsm?: unknown; join?: unknown };
    if (!y || typeof y !== 'object' || Array.isArray(y) || y.attainment === undefined) throw bad(`year ${key} needs "attainment": a file, a folder, a pattern (ks4_*.csv) or a list of them`);
    knownKeys(y, YEAR_KEYS, `year ${key}`, file);
    const [attainment, ...attainmentMore] = expand(y.attainment, `"attainment" of ${key}`)!;
    const [fsm, ...fsmMore] = expand(y.fsm, `"fsm" of ${key}`) ?? [];
    const joins = [...allJoins, ...(tables(y.join, `"join" of ${key}`) ?? [])];
    return {
      year,
      attainment,
      ...(attainmentMore.length ? { attainmentMore } : {}),
      fsm,
      ...(fsmMore.length ? { fsmMore } : {}),
      ...(joins.length ? { joins } : {}),
    };
  });
  if (years.length === 0) throw bad('"years" is empty');
  const columns = (m.columns as Manifest['columns'] | undefined) ?? {};
  const where = (m.where as string[] | undefined) ?? [];
  return {
    file,
    years: years.sort((a, b) => (a.year < b.year ? -1 : 1)),
    columns,
    where,
    ...(typeof m.preset === 'string' ? { preset: m.preset } : {}),
    ...(m.labels ? { labels: Object.entries(m.labels as Record<string, string>) } : {}),
    ...(typeof m.links === 'string' ? { links: namedFile(at(m.links), namedBy(m.links, '"links"')) } : {}),
    ...(typeof m.coverage === 'string' ? { coverage: m.coverage } : {}),
  };
}

/** A key of the manifest that fos does not read is an error listing those it does (a misspelling would be silently ignored); keys starting with `_` are comments. */
function knownKeys(obj: object, known: string[], where: string, file: string) {
  for (const key of Object.keys(obj)) {
    if (key.startsWith('_') || known.includes(key)) continue;
    const same = known.find((k) => k.toLowerCase() === key.toLowerCase()) ?? closeNames(known, key, 1)[0];
    throw new FosError('MANIFEST_INVALID', `${where} has a key ${JSON.stringify(key)}, which fos does not read`, { file }, same ? `did you mean "${same}"?` : `its keys are: ${known.join(', ')} (a key starting with _ is a comment)`);
  }
}
