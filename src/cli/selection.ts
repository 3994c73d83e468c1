import type { YearAnalysis } from '../core/analyse.js';
import { closest } from '../core/closest.js';
import { FosError } from '../core/errors.js';
import type { CommandContext } from './context.js';
import { reasonWords, type Labels } from '../report/labels.js';

/** The rows a report shows (--la, --school), never who is compared with whom. */
export interface Selection {
  keep: (a: YearAnalysis, i: number) => boolean;
  /** Whether --la or --school was given. */
  active: boolean;
  /** In words, e.g. "LA 815" or "2 schools". */
  words: string;
}

/**
 * --la and --school, checked against the eligible schools of the years reported: a value
 * that matches no school is an error (exit 1) saying so, with the closest LA codes or the
 * reason a loaded school is left out, never an empty table. An LA is matched by its code,
 * or by its name when the LA column holds names (ignoring case).
 */
export function selection(ctx: CommandContext, years: readonly YearAnalysis[]): Selection {
  const { la, schools } = ctx.config;
  const las = new Set(la.map((v) => laCode(ctx, years, v)));
  // Schools by their key: with links, --school names a school under any of its URNs.
  const key = years[0]?.key ?? ((id: string) => id);
  const ids = new Set(schools.map(key));
  for (const id of schools) checkSchool(years, id, ctx.labels);
  const words = [las.size ? `${ctx.labels.la} ${[...las].join(', ')}` : '', ids.size ? (ids.size === 1 ? `school ${schools[0]}` : `${ids.size} schools`) : ''].filter(Boolean).join(', ');
  return {
    keep: (a, i) => (las.size === 0 || las.has(a.families.schools.la[i])) && (ids.size === 0 || ids.has(key(a.families.schools.id[i]))),
    active: las.size + ids.size > 0,
    words,
  };
}

const yearsText = (years: readonly YearAnalysis[]) => years.map((y) => y.year).join(', ');

/** The LA code as the files spell it, for a code or (where the column holds names) a name. */
function laCode(ctx: CommandContext, years: readonly YearAnalysis[], value: string): string {
  const { map } = ctx.load();
  const L = ctx.labels;
  if (!map.la) throw new FosError('INVALID_OPTION', `--la ${value}: no ${L.laWords} column is loaded`, {}, 'name the column with --la-col COL');
  const eligible = [...new Set(years.flatMap((y) => y.families.schools.la))].filter(Boolean).sort();
  if (eligible.includes(value)) return value;
  const same = eligible.find((c) => c.trim().toLowerCase() === value.trim().toLowerCase());
  if (same !== undefined) return same;
  const loaded = years.flatMap((y) => y.data.schools.la.filter((la) => la.trim().toLowerCase() === value.trim().toLowerCase()));
  if (loaded.length) {
    throw new FosError('NO_MATCH', `--la ${value}: the ${loaded.length} school${loaded.length === 1 ? '' : 's'} of ${L.la} ${value} in ${yearsText(years)} ${loaded.length === 1 ? 'is' : 'are'} all left out of the families`, {}, 'run fos check to see why');
  }
  const codes = eligible.every((c) => /^\d+$/.test(c));
  const byName = codes && !/^\d+$/.test(value.trim());
  throw new FosError(
    'NO_MATCH',
    `--la ${value}: no school in ${byName ? `a ${L.laWords} of that name` : `${L.laWords} ${value}`} in ${yearsText(years)}`,
    {},
    byName
      ? `the files give ${L.laPlural} as codes (column ${map.la}), not names: give the code, e.g. ${eligible.slice(0, 5).join(', ')}`
      : `closest ${L.la} ${codes ? 'codes' : 'names'} loaded: ${closest(eligible, value, (c) => c).join(', ')}`,
  );
}

/** A --school id that is no eligible school of the years reported: why (left out), or the closest ids. */
function checkSchool(years: readonly YearAnalysis[], id: string, labels: Labels): void {
  if (years.some((y) => y.indexOf(id) !== undefined)) return;
  const left = years.flatMap((y) => y.eligibility.excluded.filter((e) => e.school.id === id).map((e) => `${y.year}: ${reasonWords(e.reason, labels)}`));
  if (left.length) {
    const name = left.length ? years.flatMap((y) => y.eligibility.excluded.filter((e) => e.school.id === id)).pop()!.school.name : id;
    throw new FosError('NO_MATCH', `--school ${id}: ${name} is left out of the families (${left.join('; ')})`, {}, 'run fos check to see who is eligible, or choose another --year');
  }
  const all = [...new Set(years.flatMap((y) => y.families.schools.id))];
  throw new FosError('NO_MATCH', `--school ${id}: no such school in ${yearsText(years)}`, {}, `closest ids: ${closest(all, id, (x) => x).join(', ')}`);
}
