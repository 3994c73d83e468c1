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
  const ids = c.group ? readGroup(c.group) : c.schoolArg ? [resolveId(ctx, c.schoolArg)] : [];
  if (ids.length === 0) throw new FosError('INVALID_OPTION', 'trend needs a school', {}, 'fos trend ID, or --group FILE with one id per line');
  const nameOf = (id: string) => years.map((y) => y.data.schools.name[rowOfId(y.data.schools, id)]).filter(Boolean).pop() ?? id;

  const national = looksNational(latest.families.schools.la);
  const L = ctx.labels;
  const M = ctx.measureName();
  const allName = national ? `all schools (${L.nation})` : 'all schools loaded';
  const rows: Record<string, Cell>[] = [];
  const series: Chart[] = [];
  // Ids of a --group file in no file loaded: said (all of them: an error), and left out.
  const loaded = new Set(c.group ? years.flatMap((y) => y.data.schools.id) : ids);
  const missing = ids.filter((id) => !loaded.has(id));
  if (missing.length === ids.length) throw new FosError('NO_MATCH', `no school of the --group file is in the files loaded (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`, { file: c.group }, 'check the ids are the files’ school ids (--id-col)');
  if (missing.length) ctx.warn(`${missing.length} id${missing.length === 1 ? '' : 's'} of the --group file ${missing.length === 1 ? 'is' : 'are'} in no file loaded: ${missing.join(', ')}`);
  for (const id of ids.filter((x) => loaded.has(x))) {
    const points = trendOf(years, id);
    if (points.every((p) => p.measure === null)) ctx.warn(`school ${id} has no ${map.measure} in any year loaded`);
    for (const p of points) rows.push(row(id, nameOf(id), p));
    if (ids.length === 1) {
      series.push({
        kind: 'line',
        title: `${nameOf(id)}: ${M} by year`,
        yTitle: M,
        series: [
          { name: nameOf(id), points: points.map((p) => ({ x: p.year, y: p.measure })) },
          { name: 'family median', points: points.map((p) => ({ x: p.year, y: p.familyMedian })) },
          { name: `${L.la} ${years.map((y) => y.data.schools.la[rowOfId(y.data.schools, id)]).filter(Boolean).pop() ?? ''}`.trim(), points: points.map((p) => ({ x: p.year, y: p.laAverage })) },
          { name: allName, points: points.map((p) => ({ x: p.year, y: p.englandAverage })) },
        ],
      });
    }
  }
  if (ids.length > 1) {
    // The group's own line and its families' median, cohort-weighted when cohorts are known.
    const points = groupTrend(years, ids);
    for (const p of points) {
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
  const columns = pick(
    ['id', ['name', { wide: ids.length === 1 }], 'year', 'measure', ['family_median', { label: 'family median' }], 'la_average', ['england_average', { label: national ? L.nation : 'all loaded' }], 'rank', ['family_size', { exportOnly: true }], 'label', 'joined', 'left'],
    ctx.naming(),
  );
  return {
    title: ids.length === 1 ? `${nameOf(ids[0])} (${ids[0]}): ${M} by year` : `${ids.length} schools: ${M} by year`,
    summary: [
      `${years.length} year${years.length === 1 ? '' : 's'} loaded (${years.map((y) => y.year).join(', ')}); the family is rebuilt each year from that year's eligible schools.`,
      ...turnoverLines(years.map((y) => y.families)),
      `${L.la} and ${national ? L.nation : 'all-loaded'} figures are ${weighted ? 'pupil averages (weighted by cohort)' : 'plain school averages (cohorts not known for every school)'} over eligible schools; ${national ? `"${L.nation}" is every school loaded` : `the files loaded are not a ${L.national} file, so the average of all of them is not ${L.nation}’s`}.`,
    ],
    tables: [{ id: 'trend', columns, rows }],
    notes: ['joined / left: family members (ids) who came in or dropped out since the year before.'],
    charts: series,
    meta: ctx.meta(rows.length),
  };
}

function row(id: string, name: string, p: TrendPoint): Record<string, Cell> {
  return {
    id,
    name,
    year: p.year,
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
  for (const y of [...years].reverse()) {
    if (rowOfId(y.data.schools, query) >= 0) return query;
  }
  const latest = years[years.length - 1];
  return latest.families.schools.id[findSchool(latest, query)];
}
