import { FosError } from '../../core/errors.js';
import { findSchool } from '../../core/findSchool.js';
import { groupTrend } from '../../core/trends/groupTrend.js';
import { average, trend as trendOf, type TrendPoint } from '../../core/trends/trend.js';
import { readGroup } from '../../io/readGroup.js';
import { pick } from '../../report/columns.js';
import type { Cell, Chart, Report } from '../../report/model.js';
import type { CommandContext } from '../context.js';
import { turnoverLines } from '../../core/families/turnover.js';
import { rowOfId, schoolRows } from '../../core/load/schoolTable.js';
import { looksNational } from '../../report/looksNational.js';
import type { YearAnalysis } from '../../core/analyse.js';
import type { PublishedFigure } from '../../core/types.js';
import type { Labels } from '../../report/labels.js';
import { namedLinks, wasUrn } from '../../report/wasUrn.js';
import { earlierUrns } from '../../core/load/schoolLinks.js';
import { urnHistory } from '../../core/load/urnHistory.js';
import { describePublished } from '../../report/describePublished.js';
import { basename } from 'node:path';

/**
 * `fos trend <school>` (or `--group ids.txt`): the measure by year beside the family
 * median, the local authority and all schools loaded ("England" for national files), and
 * who joined and left the family from one year to the next.
 */
export function trend(ctx: CommandContext): Report {
  const c = ctx.config;
  const years = ctx.analyse();
  const { map } = ctx.load();
  const latest = years[years.length - 1];
  // With --links, each school by its latest URN (schoolKey.ts): its years under earlier URNs are its own.
  const key = ctx.key();
  const ids = c.group ? [...new Set(readGroup(c.group).map(key))] : c.schoolArg ? [resolveId(ctx, c.schoolArg)] : [];
  if (ids.length === 0) throw new FosError('INVALID_OPTION', 'trend needs a school', {}, 'fos trend ID, or --group FILE with one id per line');
  // The school's latest name (and LA) in the files.
  const latestOf = (id: string, column: 'name' | 'la') => years.map((y) => (y.rowOf(id) === undefined ? '' : y.data.schools[column][y.rowOf(id)!])).filter(Boolean).pop();
  const nameOf = (id: string) => latestOf(id, 'name') ?? id;
  const links = ctx.links();
  const history = links && urnHistory(years.map((y) => y.data), key);
  const was = (id: string) => wasUrn(links, id, (urn) => history?.lastYear.get(urn));

  const national = looksNational(latest.families.schools.la, c.coverage);
  const L = ctx.labels;
  const M = ctx.measureName();
  // "England" is said of a published figure only (the file's own national row); else the
  // figure is the average of the loaded schools, and is named so, national file or not.
  const nationYears = years.filter((y) => y.data.published?.nation).map((y) => y.year);
  const allPublished = nationYears.length === years.length;
  const allName = allPublished ? L.nation : nationYears.length ? `${L.nation} (published) or all schools loaded` : 'all schools loaded';
  const laYears = new Set<string>();
  const rows: Record<string, Cell>[] = [];
  const series: Chart[] = [];
  // A column of each year's own URN, when some year's row is under an earlier one (--links).
  let withUrn = false;
  // Ids of a --group file in no file loaded: said (all of them: an error), and left out.
  const loaded = new Set(c.group ? years.flatMap((y) => y.data.schools.id.map(key)) : ids);
  const missing = ids.filter((id) => !loaded.has(id));
  if (missing.length === ids.length) throw new FosError('NO_MATCH', `no school of the --group file is in the files loaded (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`, { file: c.group }, 'check the ids are the files’ school ids (--id-col)');
  if (missing.length) ctx.warn(`${missing.length} id${missing.length === 1 ? '' : 's'} of the --group file ${missing.length === 1 ? 'is' : 'are'} in no file loaded: ${missing.join(', ')}`);
  for (const id of ids.filter((x) => loaded.has(x))) {
    const points = trendOf(years, id);
    if (points.every((p) => p.measure === null)) ctx.warn(`school ${id} has no ${map.measure} in any year loaded`);
    for (const p of points) {
      rows.push(row(id, nameOf(id), p));
      if (p.laPublished) laYears.add(p.year);
    }
    if (points.some((p) => p.id !== null && p.id !== id)) withUrn = true;
    if (ids.length === 1) {
      series.push({
        kind: 'line',
        title: `${nameOf(id)}: ${M} by year`,
        yTitle: M,
        series: [
          { name: nameOf(id), points: points.map((p) => ({ x: p.year, y: p.measure })) },
          { name: 'family median', points: points.map((p) => ({ x: p.year, y: p.familyMedian })) },
          { name: `${L.la} ${latestOf(id, 'la') ?? ''}`.trim(), points: points.map((p) => ({ x: p.year, y: p.laAverage })) },
          { name: allName, points: points.map((p) => ({ x: p.year, y: p.englandAverage })) },
        ],
      });
    }
  }
  if (ids.length > 1) {
    // The group's own line and its families' median, cohort-weighted when cohorts are known.
    const points = groupTrend(years, ids);
    for (const p of points) {
      if (p.laPublished) laYears.add(p.year);
      rows.push({ id: 'group', name: `group of ${ids.length} (${p.eligible} eligible)`, year: p.year, measure: p.measure, family_median: p.familyMedian, la_average: p.laAverage, england_average: p.englandAverage, rank: null, family_size: null, label: null, joined: null, left: null });
    }
    series.push({
      kind: 'line',
      title: `Group of ${ids.length} schools: ${M} by year`,
      yTitle: M,
      series: [
        { name: `group of ${ids.length}`, points: points.map((p) => ({ x: p.year, y: p.measure })) },
        { name: "the members' family medians", points: points.map((p) => ({ x: p.year, y: p.familyMedian })) },
        ...(points.some((p) => p.laAverage !== null) ? [{ name: L.la, points: points.map((p) => ({ x: p.year, y: p.laAverage })) }] : []),
        { name: allName, points: points.map((p) => ({ x: p.year, y: p.englandAverage })) },
      ],
    });
  }
  const weighted = years.every((y) => average(schoolRows(y.families.schools)).weighted);
  const averages = weighted ? 'pupil averages (weighted by cohort)' : 'plain school averages (cohorts not known for every school)';
  function sourcesLine(): string {
    if (!nationYears.length && !laYears.size) {
      return `${L.la} and all-loaded figures are ${averages} over eligible schools; ${
        national ? `the files carry no published ${L.nation} figure, so "all loaded" is the average of every school loaded, not ${L.nation}’s published one` : `the files loaded are not a ${L.national} file, so the average of all of them is not ${L.nation}’s`
      }.`;
    }
    const from = (what: string, yrs: string[]) =>
      yrs.length === 0 ? `${what}: the ${averages} of the eligible schools loaded` : `${what}: the published figures in the file${yrs.length < years.length ? ` in ${yrs.join(', ')} (other years: ${averages} of the eligible schools loaded)` : ''}`;
    if (allPublished && laYears.size === years.length) return `${L.nation} and ${L.la}: the published figures in the file (not averages of the schools loaded).`;
    return `${from(L.nation, nationYears)}; ${from(L.la, [...laYears].sort())}.`;
  }
  const columns = pick(
    ['id', ['name', { wide: ids.length === 1 }], 'year', ...(withUrn ? ['urn' as const] : []), 'measure', ['family_median', { label: 'family median' }], 'la_average', ['england_average', { label: allPublished ? L.nation : nationYears.length ? `${L.nation} or all loaded` : 'all loaded' }], 'rank', ['family_size', { exportOnly: true }], 'label', 'joined', 'left'],
    ctx.naming(),
  );
  return {
    title: ids.length === 1 ? `${nameOf(ids[0])} (${[ids[0], was(ids[0])].filter(Boolean).join(', ')}): ${M} by year` : `${ids.length} schools: ${M} by year`,
    summary: [
      `${years.length} year${years.length === 1 ? '' : 's'} loaded (${years.map((y) => y.year).join(', ')}); the family is rebuilt each year from that year's eligible schools.`,
      ...(ids.length > 1 ? ids.filter((id) => was(id)).map((id) => `${nameOf(id)} (${id}) ${was(id)}: its years under that URN are its own.`) : []),
      ...turnoverLines(years.map((y) => y.families), key),
      sourcesLine(),
    ],
    tables: [{ id: 'trend', columns, rows }],
    notes: [
      `joined / left: family members (ids${links ? ', each school under its latest URN' : ''}) who came in or dropped out since the year before.`,
      ...(withUrn ? [`URN then: the school's URN in that year's files (${basename(links!.file)} links it to its latest URN).`] : []),
      ...namedLinks(links, links ? ids.flatMap((id) => [id, ...earlierUrns(links, id).map((e) => e.id)]) : []).map((l) => `Linked in ${basename(links!.file)} but not followed (its years are not this school's): ${l}.`),
      ...(nationYears.length || laYears.size ? [publishedNote(years, L)] : []),
    ],
    charts: series,
    meta: ctx.meta(rows.length),
  };
}

function row(id: string, name: string, p: TrendPoint): Record<string, Cell> {
  return {
    id,
    name,
    year: p.year,
    urn: p.id,
    measure: p.measure,
    family_median: p.familyMedian,
    la_average: p.laAverage,
    england_average: p.englandAverage,
    rank: p.rank,
    family_size: p.familySize,
    label: p.eligible ? p.label : 'not eligible',
    joined: p.joined.length ? p.joined.join(' ') : null,
    left: p.left.length ? p.left.join(' ') : null,
  };
}

function resolveId(ctx: CommandContext, query: string): string {
  const years = ctx.analyse();
  const key = ctx.key();
  for (const y of [...years].reverse()) {
    if (rowOfId(y.data.schools, query) < 0) continue;
    if (key(query) !== query) ctx.warn(`${query} is now URN ${key(query)} (${basename(ctx.config.links!)}): shown under that URN, with its years under ${query}`);
    return key(query);
  }
  const latest = years[years.length - 1];
  return key(latest.families.schools.id[findSchool(latest, query)]);
}

/** Where the published figures were read (describePublished.ts), per kind. */
function publishedNote(years: readonly YearAnalysis[], L: Labels): string {
  const kinds = (pick: (y: YearAnalysis) => PublishedFigure[], of: 'nation' | 'la') => [...new Set(years.flatMap(pick).map((f) => describePublished(f, L, of)))].join(', ');
  const nation = kinds((y) => (y.data.published?.nation ? [y.data.published.nation] : []), 'nation');
  const la = kinds((y) => Object.values(y.data.published?.la ?? {}), 'la');
  // DfE is named only when every figure is a DfE row (a RECTYPE, or a long file's school type).
  const dfe = years.every((y) => [y.data.published?.nation, ...Object.values(y.data.published?.la ?? {})].every((f) => !f || f.rectype !== '' || !!f.schoolType));
  return `Published figures: the file's own summary rows (${[nation && `${L.nation}: ${nation}`, la && `${L.la}: ${la}`].filter(Boolean).join('; ')}), ${dfe ? 'as DfE publishes them, ' : ''}over all the pupils they count, not only the eligible schools.`;
}
