import type { YearAnalysis } from '../../core/analyse.js';
import { FosError } from '../../core/errors.js';
import { familySummaries } from '../../core/families/familySummaries.js';
import { pick, type Naming } from '../../report/columns.js';
import { describeMethod } from '../../report/describeMethod.js';
import { FAMILY_COLUMNS, familyRow } from '../../report/familyRow.js';
import type { Report, Table } from '../../report/model.js';
import type { CommandContext } from '../context.js';

/**
 * `fos families`: one row per eligible school with its family and standing; `--summary`
 * (disjoint methods): one row per family. `--year all` gives every loaded year.
 * `--la` and `--school` filter the rows shown, never who is compared with whom.
 */
export function families(ctx: CommandContext): Report {
  const c = ctx.config;
  const years = c.year === 'all' ? ctx.analyse() : [ctx.yearAnalysis()];
  const { map } = ctx.load();
  if (c.summary && c.families.method === 'neighbours') {
    throw new FosError('INVALID_OPTION', '--summary needs a method whose families do not overlap', {}, 'add --method bands, quantiles, ckmeans or size');
  }
  const keep = selection(ctx);
  let table: Table;
  if (c.summary) table = summaryTable(years, ctx.naming());
  else {
    const rows = years.flatMap((a) => a.families.schools.map((_, i) => i).filter((i) => keep(a, i)).map((i) => familyRow(a, i)));
    table = { id: 'families', columns: pick(FAMILY_COLUMNS, ctx.naming()), rows };
  }
  const a = years[years.length - 1];
  return {
    title: `Families of schools, ${years.map((y) => y.year).join(', ')}: ${map.measure} by ${c.families.context.map((v) => v.name).join(', ')}`,
    summary: [
      `Families: ${describeMethod(a)}.`,
      `${a.families.schools.length} eligible schools in ${a.year}; ${table.rows.length} row${table.rows.length === 1 ? '' : 's'} shown.`,
    ],
    tables: [table],
    notes: [
      'Family statistics are over the other members, never the school itself. Rank 1 = best; percentile = share of the others doing worse (ties count half).',
      'Labels: well above (z ≥ 1), above (z ≥ 0.5), close to, below (z ≤ −0.5), well below (z ≤ −1).',
    ],
    charts: [],
    meta: ctx.meta(table.rows.length),
  };
}

/** The rows to show: --la and --school (by id). */
export function selection(ctx: CommandContext): (a: YearAnalysis, i: number) => boolean {
  const { la, schools } = ctx.config;
  const las = new Set(la);
  const ids = new Set(schools);
  return (a, i) => {
    const s = a.families.schools[i];
    return (las.size === 0 || las.has(s.la)) && (ids.size === 0 || ids.has(s.id));
  };
}

function summaryTable(years: YearAnalysis[], naming: Naming): Table {
  const rows = years.flatMap((a) =>
    familySummaries(a.families).map((f) => ({ year: a.year, family: String(f.family), size: f.size, fsm_min: f.fsmMin, fsm_max: f.fsmMax, median: f.median, mean: f.mean, sd: f.sd, p10: f.p10, p90: f.p90 })),
  );
  return { id: 'family_summary', columns: pick(['year', 'family', 'size', 'fsm_min', 'fsm_max', 'median', 'mean', 'sd', 'p10', 'p90'], naming), rows };
}
