import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { FosError } from '../core/errors.js';
import type { YearInput } from '../core/load/pairInputs.js';
import { yearLabel } from '../core/load/yearLabel.js';

/**
 * A manifest (`--data fos.json`) names the files of each year and, optionally, the columns
 * and filters, so a multi-year analysis is one flag:
 *
 * { "years": { "2018": { "attainment": "ks4-2018.csv", "fsm": "census-2018.csv" } },
 *   "columns": { "measure": "ATT8SCR", "context": { "eal": "PNUMEAL" } },
 *   "where": ["RECTYPE=1"], "join": ["gias.csv"] }
 *
 * "labels" gives the words reports use, as --label does: { "la": "District", "fsm": "% low income" }.
 *
 * "join" lists tables joined to every year's schools; a year's own "join" (a file or a list)
 * adds tables for that year only. "columns" may name the joined tables' id ("joinId") and
 * the breakdown read from long-format files ("breakdown", as --breakdown).
 * "links" names a GIAS links file (as --links); "coverage" says whether the files are a
 * whole system's ("whole", "part" or "auto", as --coverage).
 *
 * Paths are relative to the manifest's folder.
 */
export interface Manifest {
  file: string;
  years: YearInput[];
  columns: Record<string, unknown>;
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
  if (!json || typeof json !== 'object') throw bad('the manifest must be a JSON object');
  const m = json as { years?: unknown; columns?: unknown; where?: unknown; preset?: unknown; labels?: unknown; links?: unknown; coverage?: unknown };
  if (m.preset !== undefined && typeof m.preset !== 'string') throw bad('"preset" must be a preset name');
  const labelsOk = m.labels === undefined || (m.labels !== null && typeof m.labels === 'object' && !Array.isArray(m.labels) && Object.values(m.labels).every((t) => typeof t === 'string'));
  if (!labelsOk) throw bad('"labels" must map each key to its text, e.g. {"la": "District"}');
  if (m.links !== undefined && (typeof m.links !== 'string' || m.links.trim() === '')) throw bad('"links" must be a file name (a GIAS links file)');
  if (m.coverage !== undefined && typeof m.coverage !== 'string') throw bad('"coverage" must be whole, part or auto (as --coverage)');
  if (!m.years || typeof m.years !== 'object' || Array.isArray(m.years)) throw bad('"years" must map each year to its files');
  const base = dirname(file);
  const at = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const files = (v: unknown, what: string): string[] | undefined => {
    if (v === undefined) return undefined;
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || !list.every((f) => typeof f === 'string')) throw bad(`${what} must be a file name or a list of them`);
    return list.map(at);
  };
  const allJoins = files((m as { join?: unknown }).join, '"join"') ?? [];
  const seen = new Map<string, string>();
  const years = Object.entries(m.years as Record<string, unknown>).map(([key, v]) => {
    // A year as YEAR=FILE labels it: "2018-19" is 2019 (yearLabel.ts).
    const year = yearLabel(key);
    if (seen.has(year)) throw bad(`years "${seen.get(year)}" and "${key}" are the same year (${year})`);
    seen.set(year, key);
    const y = v as { attainment?: unknown; fsm?: unknown; join?: unknown };
    if (!y || typeof y.attainment !== 'string') throw bad(`year ${year} needs "attainment": "FILE"`);
    if (y.fsm !== undefined && typeof y.fsm !== 'string') throw bad(`year ${year}: "fsm" must be a file name`);
    const joins = [...allJoins, ...(files(y.join, `year ${year}: "join"`) ?? [])];
    return { year, attainment: at(y.attainment), fsm: typeof y.fsm === 'string' ? at(y.fsm) : undefined, ...(joins.length ? { joins } : {}) };
  });
  if (years.length === 0) throw bad('"years" is empty');
  const columns = m.columns && typeof m.columns === 'object' ? (m.columns as Record<string, unknown>) : {};
  const where = Array.isArray(m.where) ? m.where.map(String) : [];
  return {
    file,
    years: years.sort((a, b) => (a.year < b.year ? -1 : 1)),
    columns,
    where,
    ...(typeof m.preset === 'string' ? { preset: m.preset } : {}),
    ...(m.labels ? { labels: Object.entries(m.labels as Record<string, string>) } : {}),
    ...(typeof m.links === 'string' ? { links: at(m.links) } : {}),
    ...(typeof m.coverage === 'string' ? { coverage: m.coverage } : {}),
  };
}
