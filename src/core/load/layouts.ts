import { EES_COLUMNS as EES } from './eesColumns.js';
import { findColumn } from './findColumn.js';
import { longKeys } from './longKeys.js';

/**
 * The file layouts fos knows by their headers: one entry per layout, each saying how it is
 * recognised and which column each field takes by default. Adding a layout is adding an
 * entry (first match wins, so a narrower entry goes before a wider one); a header that
 * matches none is read with the general defaults (`DEFAULT_COLUMNS`), columns found by name.
 *
 * Sources of the column names:
 * - KS2 2022–2025: the 2024-25 KS2 file's column list, `england-2025/ks2_meta.csv` (mixed
 *   case, e.g. `TNotFSM6CLA1A`; earlier years `TELIG_24`, `PTRWM_EXP_23`, `PTRWM_EXP_3YR`).
 * - census 2022–2025: `england-2025/census_meta.csv` and the 2024-25 file itself (`Estab`,
 *   `NORFSMEVER`, the typo `PNUMUNCLF`). `NORFSMEVER` ("total pupils for FSMEver") is in the
 *   census files from 2021/22 on, not before (the column lookup of 2010/11–2024/25 census
 *   files in github.com/stefaniemeliss/DfE_data, 05a_process_data_spt_census.R).
 * - KS4 2022–2025: the same names as 2016–2019 for the fields used (`URN`, `SCHNAME`, `LEA`,
 *   `TPUP`, `ATT8SCR`, `P8MEA`, `P8CILOW`/`P8CIUPP`, `PTFSM6CLA1A`, `TFSM6CLA1A`, `ADMPOL`;
 *   the column lookup of the 2010/11–2023/24 KS4 files in stefaniemeliss/DfE_data,
 *   05d_process_data_spt_ks4.R), but SEN as `PSENE4` (EHC plan) and `PSENK4` (SEN support)
 *   from 2021/22 where 2015/16–2018/19 had `PSENSE4`/`PSENAPK4` (same source).
 * - Explore Education Statistics school-level files (long format): eesColumns.ts.
 * - Earlier years' columns end in the academic year's last two digits (`ATT8SCR_16` in the
 *   2017-18 KS4 files, `PTRWM_EXP_24` in 2024-25 KS2), or `_3YR` for three years together.
 */

/** Fields a layout can give defaults for. */
export type LayoutField = 'id' | 'name' | 'la' | 'measure' | 'fsm' | 'cohort';

export interface Layout {
  /** How `check` names it. */
  name: string;
  /** Columns every file of the layout has (case ignored). */
  has: readonly string[];
  /** A test of the whole header instead of `has` and `marks`, for a layout known otherwise
   * (the long format: longKeys, the one test of it that the reader uses too). */
  is?: (header: readonly string[]) => boolean;
  /**
   * When the header carries earlier years' columns (`X_NN` beside a column `X`): the range
   * the latest of those years (20NN) must lie in. A header without them matches when it has
   * one of `marks`, or, for a layout without marks, on `has` alone (`marks: []`: only by
   * its earlier years).
   */
  earlierYears?: readonly [number, number];
  /** Columns only this layout's files have, for a header without earlier years' columns. */
  marks?: readonly string[];
  /** Each field's default columns, tried in order before the general defaults. */
  defaults: Partial<Record<LayoutField, readonly string[]>>;
  /** Columns the layout's files carry but leave blank, which presets do not take. */
  empty?: readonly string[];
  /** Names as DfE's metadata spells them → as the files do (case ignored): a column named
   * either way is found. */
  aliases?: Readonly<Record<string, string>>;
  /** A layout whose files are not attainment files: what it is in words and the option
   * that takes it (a census: --fsm), so a file given with another option is told so
   * (misplacedFile.ts). Absent: an attainment file (--attainment). */
  givenWith?: { flag: '--fsm' | '--join' | '--links'; what: string };
}

/** The name of the long-format layout of Explore Education Statistics. */
export const EES_LAYOUT = 'Explore Education Statistics, long format (school level)';

/** The name of the GIAS layout (a joined table of school information). */
export const GIAS_LAYOUT = 'GIAS download';

/** What `check` says of a table that matches no layout. */
export const UNKNOWN_LAYOUT = 'unknown: columns found by name';

const KS4 = { id: ['URN'], name: ['SCHNAME'], la: ['LEA'], measure: ['ATT8SCR'], cohort: ['TPUP'], fsm: ['PTFSM6CLA1A'] };
const KS2 = { id: ['URN'], name: ['SCHNAME'], la: ['LEA'], measure: ['PTRWM_EXP'], cohort: ['TELIG'], fsm: ['PTFSM6CLA1A'] };
const CENSUS = { id: ['URN'], la: ['LA'], fsm: ['PNUMFSMEVER'] };
const CENSUS_FLAG = { flag: '--fsm', what: 'a school census' } as const;

export const LAYOUTS: readonly Layout[] = [
  // Explore Education Statistics school-level files, long ("tidy"): one row per school × year
  // × breakdown (eesColumns.ts; read one year and breakdown at a time, longFormat.ts).
  {
    name: EES_LAYOUT,
    has: [...EES.id, EES.period],
    is: (header) => longKeys(header) !== undefined,
    defaults: { id: EES.id, name: EES.name, la: EES.la, measure: EES.measure, cohort: EES.cohort },
  },
  // A 2021-22 file's latest earlier year is 2019 (none was published for 2020 and 2021).
  { name: 'DfE KS4 performance tables 2022–2025', has: ['URN', 'ATT8SCR', 'TPUP'], earlierYears: [2019, 2024], marks: ['PSENE4', 'PSENK4'], defaults: KS4 },
  { name: 'DfE KS4 performance tables 2016–2019', has: ['URN', 'ATT8SCR', 'TPUP'], earlierYears: [2010, 2018], defaults: KS4 },
  // 2024-25 (its latest earlier year 2024): no KS1 prior attainment or progress measures,
  // "[not populated in 2025]" in ks2_meta.csv (the pupils' KS1 year, 2021, had none).
  {
    name: 'DfE KS2 performance tables 2024-25',
    has: ['URN', 'PTRWM_EXP', 'TELIG'],
    earlierYears: [2024, 2024],
    marks: [],
    defaults: KS2,
    empty: ['TKS1AVERAGE', 'TKS1GROUP_L', 'PTKS1GROUP_L', 'TKS1GROUP_M', 'PTKS1GROUP_M', 'TKS1GROUP_H', 'PTKS1GROUP_H', 'READPROG', 'WRITPROG', 'MATPROG'],
  },
  // Marks: columns of the 2024-25 file (ks2_meta.csv) that the 2017-18 file does not have.
  { name: 'DfE KS2 performance tables 2022–2025', has: ['URN', 'PTRWM_EXP', 'TELIG'], earlierYears: [2019, 2024], marks: ['TSENELEK', 'PSENELEK'], defaults: KS2 },
  { name: 'DfE KS2 performance tables 2016–2019', has: ['URN', 'PTRWM_EXP', 'TELIG'], earlierYears: [2010, 2018], defaults: KS2 },
  // census_meta.csv (and the earlier files) write PNUMUNCFL; the 2024-25 file PNUMUNCLF.
  { name: 'DfE school census 2022–2025', has: ['URN', 'PNUMFSMEVER', 'NORFSMEVER'], defaults: CENSUS, aliases: { PNUMUNCFL: 'PNUMUNCLF' }, givenWith: CENSUS_FLAG },
  { name: 'DfE school census 2016–2019', has: ['URN', 'PNUMFSMEVER'], defaults: CENSUS, givenWith: CENSUS_FLAG },
  {
    name: GIAS_LAYOUT,
    has: ['URN', 'EstablishmentName', 'TypeOfEstablishment (name)', 'PhaseOfEducation (name)'],
    defaults: { id: ['URN'], name: ['EstablishmentName'], la: ['LA (name)'] },
    givenWith: { flag: '--join', what: 'a GIAS download' },
  },
  // GIAS links (links_edubasealldata*.csv): the columns schoolLinks.ts needs (LINK_COLUMNS).
  { name: 'GIAS links file', has: ['URN', 'LinkURN', 'LinkType'], defaults: { id: ['URN'] }, givenWith: { flag: '--links', what: 'a GIAS links file' } },
];

/** An earlier year's figure, `X_NN` (NN from 10 to 29) or `X_3YR`, e.g. `ATT8SCR_21`, `PTRWM_EXP_3YR`. */
const EARLIER = /^(.+)_(1\d|2\d|3YR)$/i;

/**
 * A column's name as its base and an earlier year's suffix (the one grammar of them):
 * `ATT8SCR_21` → { base: 'ATT8SCR', suffix: '21' }, `TELIG_3yr` → suffix '3YR' (three
 * years together, upper case), `ATT8SCR` → { base: 'ATT8SCR' }.
 */
export function splitEarlierYear(column: string): { base: string; suffix?: string } {
  const c = column.trim();
  const m = EARLIER.exec(c);
  return m ? { base: m[1], suffix: m[2].toUpperCase() } : { base: c };
}

/**
 * The latest year (20NN) the header's earlier years' columns name: those `X_NN` whose `X`
 * is a column too (so `PTRWM_EXP_24` beside `PTRWM_EXP` counts, a lone `SCORE_20` does
 * not, nor `X_3YR`, which is no one year).
 */
export function latestEarlierYear(header: readonly string[]): number | undefined {
  let latest: number | undefined;
  for (const h of header) {
    const { base, suffix } = splitEarlierYear(h);
    if (suffix === undefined || suffix === '3YR' || findColumn(header, base) === undefined) continue;
    const year = 2000 + Number(suffix);
    if (latest === undefined || year > latest) latest = year;
  }
  return latest;
}

/** The first layout the header matches, or undefined (then the general defaults apply). */
export function recogniseLayout(header: readonly string[], layouts: readonly Layout[] = LAYOUTS): Layout | undefined {
  const has = (c: string) => findColumn(header, c) !== undefined;
  const latest = latestEarlierYear(header);
  return layouts.find((l) => {
    if (l.is) return l.is(header);
    if (!l.has.every(has)) return false;
    if (latest !== undefined && l.earlierYears) return latest >= l.earlierYears[0] && latest <= l.earlierYears[1];
    return !l.marks || l.marks.some(has);
  });
}

/** The file's column for a name its layout spells otherwise (`PNUMUNCFL` in a 2024-25 census → `PNUMUNCLF`). */
export function findAlias(header: readonly string[], name: string, layout: Layout | undefined): string | undefined {
  const alias = findColumn(Object.keys(layout?.aliases ?? {}), name);
  return alias === undefined ? undefined : findColumn(header, layout!.aliases![alias]);
}

/** The name `check` gives a header's layout. */
export function layoutName(header: readonly string[]): string {
  return recogniseLayout(header)?.name ?? UNKNOWN_LAYOUT;
}

/** A field's default columns for a file of this layout: the layout's own, then the general ones. */
export function defaultNames(field: LayoutField, general: readonly string[], layout: Layout | undefined): string[] {
  return [...new Set([...(layout?.defaults[field] ?? []), ...general])];
}
