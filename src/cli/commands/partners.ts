import { findSchool } from '../../core/findSchool.js';
import { schoolRows } from '../../core/load/schoolTable.js';
import { FosError } from '../../core/errors.js';
import { columnHint } from '../../core/load/columnHint.js';
import { headerOf } from '../../io/readTable.js';
import { partnersFor, type LeftOut } from '../../core/partners/partnersFor.js';
import { signed } from '../../report/signed.js';
import type { ColumnMap, SchoolYear } from '../../core/types.js';
import { pick } from '../../report/columns.js';
import { describeMethod } from '../../report/describeMethod.js';
import type { Cell, Report } from '../../report/model.js';
import { verdict } from '../../report/verdict.js';
import { columnName } from '../../report/labels.js';
import type { CommandContext } from '../context.js';
import { inYear } from '../../report/inYear.js';

/**
 * `fos partners <school>`: the candidate partners in the school's family that do better
 * than it, closest context first, then by lead; filters by authority and distance; each
 * partner's strongest subjects beside the school's weakest when --subjects is given.
 */
export function partners(ctx: CommandContext): Report {
  const c = ctx.config;
  const a = ctx.yearAnalysis();
  const { map } = ctx.load();
  const i = findSchool(a, c.schoolArg!);
  const schools = schoolRows(a.families.schools);
  const me = schools[i];
  filtersApply(ctx, map, me);
  const r = partnersFor(a, i, { sameLa: c.sameLa, otherLa: c.otherLa, maxKm: c.maxKm, lowerIsBetter: c.rule.lowerIsBetter, topSubjects: 2 });
  const subjects = subjectsOf(ctx, a.year);
  const subjectsOn = subjects.found.length > 0;
  const fmt = (xs: { subject: string; z: number }[]) => xs.map((x) => `${columnName(ctx.labels, x.subject)} (z ${signed(x.z, 2)})`).join(', ');

  const rows = r.partners.map((p) => {
    const s = schools[p.index];
    const cmp = a.comparisons.get(p.index);
    const row: Record<string, Cell> = {
      id: s.id,
      name: s.name,
      la: s.la,
      fsm: s.fsm,
      measure: s.measure,
      lead: p.lead,
      z: cmp.z,
      label: cmp.label,
      distance: p.distance,
      km: p.km,
      in_family: !p.outsideFamily,
      strengths: subjectsOn ? (p.strengths.length ? fmt(p.strengths) : 'none above its family') : null,
    };
    return row;
  });
  const columns = pick(
    ['id', 'name', 'la', 'fsm', 'measure', 'lead', ['z', { label: 'z in own family' }], 'label', 'distance', ['km', { wide: !r.locationsKnown }], 'in_family', ['strengths', { wide: !subjectsOn }]],
    ctx.naming(me.id),
  );
  const outside = r.partners.some((p) => p.outsideFamily);
  const fam = r.leftOut.family;
  const famLeft = fam.byLa + fam.byKm;
  const leftWords = (l: LeftOut, more = '') =>
    [
      l.byLa && `${l.byLa}${more} left out by ${c.sameLa ? '--same-la' : '--other-la'}`,
      l.byKm && `${l.byKm}${more} left out by --max-km ${c.maxKm} (the nearest ${l.nearestKm === null ? 'has no location' : `is ${l.nearestKm.toFixed(1)} km away`})`,
    ]
      .filter(Boolean)
      .join(' and ');
  const out = r.leftOut.outside;
  const n = r.partners.length;
  const summary = [
    `${me.name} (${me.id})${inYear(a.year)}: ${verdict(a.comparisons.get(i), c.rule.lowerIsBetter, ctx.naming().digits)}`,
    `Family: ${describeMethod(a, ctx.labels)}.`,
    n === 0
      ? famLeft || out.byLa + out.byKm
        ? `No candidate partner that does better passes the filters: in its family, ${famLeft ? leftWords(fam) : 'none does better'}; outside it, ${out.byLa + out.byKm ? leftWords(out) : 'none does better'}.`
        : 'No candidate partner does better than this school, in its family or near it.'
      : outside
        ? `No member of its family is a candidate partner doing better${r.betterNonCandidates || famLeft ? ` (${[r.betterNonCandidates && `${r.betterNonCandidates} do better but are not candidates`, famLeft && `candidates that do better: ${leftWords(fam)}`].filter(Boolean).join('; ')})` : ''}; the nearest candidates just outside the family are offered instead.`
        : `${n} candidate partner${n === 1 ? ' in the family does' : 's in the family do'} better, closest context first${famLeft ? `; ${leftWords(fam, ' more')}` : ''}.`,
  ];
  if (subjectsOn) {
    summary.push(
      r.weakest.length
        ? `${me.name}'s weakest subjects (below its family): ${fmt(r.weakest)}.`
        : r.subjectsPlaced
          ? `No subject of ${me.name} is below its family.`
          : `No subject figures for ${me.name}.`,
    );
  }
  const notes: string[] = [];
  if (subjects.missing.length) notes.push(`Not in the ${a.year} file, so not shown: ${subjects.missing.join(', ')}.`);
  if (!r.locationsKnown) notes.push('Locations are not known for these schools, so distances in km are not shown; pass --location-cols LATITUDE,LONGITUDE or EASTING,NORTHING.');
  notes.push('distance: how far the partner’s context is from this school’s, in standard deviations.');
  return { title: `Partners for ${me.name}${inYear(a.year)}`, summary, tables: [{ id: 'partners', columns, rows }], notes, charts: [], meta: ctx.meta(rows.length) };
}

/**
 * --same-la / --other-la need the school's authority, --max-km its location: a filter that
 * cannot apply is a usage error, not a silent no-op (or a filter that leaves out everyone).
 */
function filtersApply(ctx: CommandContext, map: ColumnMap, me: SchoolYear): void {
  const c = ctx.config;
  const laFlag = c.sameLa ? '--same-la' : c.otherLa ? '--other-la' : undefined;
  const la = ctx.labels.laWords;
  if (laFlag && !map.la) throw new FosError('INVALID_OPTION', `${laFlag} needs each school's ${la}, and no ${la} column is loaded`, {}, 'name the column with --la-col COL');
  if (laFlag && !me.la) throw new FosError('INVALID_OPTION', `${laFlag}: ${me.name} (${me.id}) has no ${la} in column ${map.la}`, {}, `leave out ${laFlag}`);
  if (c.maxKm === undefined) return;
  if (!map.location) throw new FosError('INVALID_OPTION', '--max-km needs school locations, and none are loaded', {}, 'name the columns with --location-cols LATITUDE,LONGITUDE or EASTING,NORTHING');
  if (!me.location) throw new FosError('INVALID_OPTION', `--max-km: ${me.name} (${me.id}) has no location in columns ${map.location.cols.join(', ')}`, {}, 'leave out --max-km');
}

/**
 * The --subjects columns of the reported year's attainment file. Subjects are read only
 * where they are needed, so another year without them loads; but when the year reported
 * has none of them, that is an error naming the file, and the years that have them.
 */
function subjectsOf(ctx: CommandContext, year: string): { found: string[]; missing: string[] } {
  const asked = ctx.config.columns.subjects;
  const { years } = ctx.load();
  const inYear = (y: (typeof years)[number]) => {
    const cols = Object.keys(y.files[0].columns).filter((k) => k.startsWith('subject:')).map((k) => k.slice(8));
    return asked.map((s) => cols.find((c) => c.toLowerCase() === s.toLowerCase()));
  };
  const y = years.find((x) => x.year === year)!;
  const cols = inYear(y);
  const found = cols.filter((c): c is string => c !== undefined);
  const missing = asked.filter((_, k) => cols[k] === undefined);
  if (asked.length && !found.length) {
    const others = years.filter((x) => x !== y && inYear(x).some((c) => c !== undefined)).map((x) => x.year);
    throw new FosError(
      'COLUMN_NOT_FOUND',
      `column${missing.length === 1 ? '' : 's'} ${missing.join(', ')} not found for the subject measures of ${year}`,
      { file: y.files[0].file },
      others.length
        ? `--year ${others[others.length - 1]} reports a year that has ${missing.length === 1 ? 'it' : 'them'} (${others.join(', ')})`
        : columnHint(missing, [{ file: y.files[0].file, header: headerOf(y.files[0].file, { encoding: ctx.config.encoding, delimiter: ctx.config.delimiter }) }], 'no year loaded has them: check the names given to --subjects'),
    );
  }
  return { found, missing };
}
