import type { YearAnalysis } from '../../core/analyse.js';
import { FosError } from '../../core/errors.js';
import { membersOf } from '../../core/families/buildFamilies.js';
import { groupsOf } from '../../core/families/disjointFamilies.js';
import { familySummaries } from '../../core/families/familySummaries.js';
import { pick, type Naming, type Pick } from '../../report/columns.js';
import { describeMethod } from '../../report/describeMethod.js';
import { FAMILY_COLUMNS, familyRow } from '../../report/familyRow.js';
import type { Report, Table } from '../../report/model.js';
import type { CommandContext } from '../context.js';
import { selection, type Selection } from '../selection.js';

/**
 * `fos families`: one row per eligible school with its family and standing; `--summary`
 * (disjoint methods): one row per family. `--year all` gives every loaded year.
 * `--la` and `--school` filter the rows shown, never who is compared with whom.
 */
export function families(ctx: CommandContext): Report {
  const c = ctx.config;
  const years = c.year === 'all' ? ctx.analyse() : [ctx.yearAnalysis()];
  if (c.summary && c.families.method === 'neighbours') {
    throw new FosError('INVALID_OPTION', '--summary needs a method whose families do not overlap', {}, 'add --method bands, quantiles, ckmeans or size');
  }
  const sel = selection(ctx, years);
  const keep = sel.keep;
  let table: Table;
  if (c.summary) table = summaryTable(years, ctx.naming(), sel.active ? sel : undefined);
  else {
    // json lists each family's member ids (what a second computation, or turnover, checks against).
    const json = c.format === 'json';
    const rows = years.flatMap((a) =>
      a.families.schools.id
        .map((_, i) => i)
        .filter((i) => keep(a, i))
        .map((i) => (json ? { ...familyRow(a, i), members: membersOf(a.families.families, i).map((j) => a.families.schools.id[j]).join(' ') } : familyRow(a, i))),
    );
    table = { id: 'families', columns: pick(json ? [...FAMILY_COLUMNS, 'members'] : FAMILY_COLUMNS, ctx.naming()), rows };
  }
  const a = years[years.length - 1];
  const k = table.rows.length;
  const shown = c.summary ? `${k} famil${k === 1 ? 'y' : 'ies'} reported${sel.active ? ` (those with a school in ${sel.words})` : ''}` : `${k} row${k === 1 ? '' : 's'} reported`;
  return {
    title: `Families of schools, ${years.map((y) => y.year).join(', ')}: ${ctx.measureName()} by ${c.families.context.map((v) => (v.name === 'fsm' ? ctx.labels.fsm : v.name)).join(', ')}`,
    summary: [
      `Families: ${describeMethod(a, ctx.labels)}.`,
      `${a.families.schools.length} eligible schools in ${a.year}${sel.active ? `, ${a.families.schools.id.filter((_, i) => keep(a, i)).length} of them in ${sel.words} (families are built over all of them)` : ''}; ${shown}.`,
    ],
    tables: [table],
    notes: [
      'Family statistics are over the other members, never the school itself. Rank 1 = best; percentile = share of the others doing worse (ties count half).',
      c.rule.lowerIsBetter
        ? 'Labels (lower is better, so the z signs turn round): well above (z ≤ −1), above (z ≤ −0.5), close to, below (z ≥ 0.5), well below (z ≥ 1).'
        : 'Labels: well above (z ≥ 1), above (z ≥ 0.5), close to, below (z ≤ −0.5), well below (z ≤ −1).',
    ],
    charts: [],
    meta: ctx.meta(table.rows.length),
  };
}

/** One row per family; with a selection, only the families holding a selected school, with
 * how many they hold beside the family's own figures (over all its members). */
function summaryTable(years: YearAnalysis[], naming: Naming, sel?: Selection): Table {
  const rows = years.flatMap((a) => {
    const f = a.families.families;
    const groups = sel && f.kind === 'disjoint' ? groupsOf(f) : undefined;
    return familySummaries(a.families).flatMap((x) => {
      const selected = groups ? groups[x.family - 1].filter((i) => sel!.keep(a, i)).length : null;
      if (selected === 0) return [];
      return [{ year: a.year, family: String(x.family), size: x.size, selected, fsm_min: x.fsmMin, fsm_max: x.fsmMax, median: x.median, mean: x.mean, sd: x.sd, p10: x.p10, p90: x.p90 }];
    });
  });
  const selected: Pick[] = sel ? [['selected', { label: `in ${sel.words}` }]] : [];
  return { id: 'family_summary', columns: pick(['year', 'family', 'size', ...selected, 'fsm_min', 'fsm_max', 'median', 'mean', 'sd', 'p10', 'p90'], naming), rows };
}
