import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import type { YearAnalysis } from '../../core/analyse.js';
import { FosError } from '../../core/errors.js';
import { groupsOf } from '../../core/families/disjointFamilies.js';
import { describeMethod, familyColumns, familyRow } from '../../report/familyColumns.js';
import type { Cell, Report, Table } from '../../report/model.js';
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
  const { map } = ctx.load();
  if (c.summary && c.method === 'neighbours') {
    throw new FosError('INVALID_OPTION', '--summary needs a method whose families do not overlap', {}, 'add --method bands, quantiles, ckmeans or size');
  }
  const sel = selection(ctx, years);
  const keep = sel.keep;
  let table: Table;
  if (c.summary) table = summaryTable(years, map.measure, sel.active ? sel : undefined);
  else {
    const rows = years.flatMap((a) => a.families.schools.map((_, i) => i).filter((i) => keep(a, i)).map((i) => familyRow(a, i)));
    table = { id: 'families', columns: familyColumns(map.measure), rows };
  }
  const a = years[years.length - 1];
  const k = table.rows.length;
  const shown = c.summary ? `${k} famil${k === 1 ? 'y' : 'ies'} shown${sel.active ? ` (those with a school in ${sel.words})` : ''}` : `${k} row${k === 1 ? '' : 's'} shown`;
  return {
    title: `Families of schools, ${years.map((y) => y.year).join(', ')}: ${map.measure} by ${c.context.map((v) => (v.name === 'fsm' ? '% FSM' : v.name)).join(', ')}`,
    summary: [
      `Families: ${describeMethod(a)}.`,
      `${a.families.schools.length} eligible schools in ${a.year}${sel.active ? `, ${a.families.schools.filter((_, i) => keep(a, i)).length} of them in ${sel.words} (families are built over all of them)` : ''}; ${shown}.`,
    ],
    tables: [table],
    notes: [
      'Family statistics are over the other members, never the school itself. Rank 1 = best; percentile = share of the others doing worse (ties count half).',
      c.lowerIsBetter
        ? 'Labels (lower is better, so the z signs turn round): well above (z ≤ −1), above (z ≤ −0.5), close to, below (z ≥ 0.5), well below (z ≥ 1).'
        : 'Labels: well above (z ≥ 1), above (z ≥ 0.5), close to, below (z ≤ −0.5), well below (z ≤ −1).',
    ],
    charts: [],
    meta: ctx.meta(table.rows.length),
  };
}

/** One row per family; with a selection (`keep`), only the families holding a selected
 * school, with how many they hold beside the family's own (national) figures. */
function summaryTable(years: YearAnalysis[], measure: string, sel?: Selection): Table {
  const keep = sel?.keep;
  const rows: Record<string, Cell>[] = [];
  for (const a of years) {
    const f = a.families.families;
    if (f.kind !== 'disjoint') continue;
    const groups = groupsOf(f);
    for (let g = 0; g < f.count; g++) {
      const selected = keep ? groups[g].filter((i) => keep(a, i)).length : null;
      if (selected === 0) continue;
      const members = groups[g].map((i) => a.families.schools[i]);
      const fsm = members.map((s) => s.fsm!).sort((x, y) => x - y);
      const m = members.map((s) => s.measure!).sort((x, y) => x - y);
      rows.push({
        year: a.year,
        family: String(g + 1),
        size: members.length,
        selected,
        fsm_min: fsm[0],
        fsm_max: fsm[fsm.length - 1],
        median: quantileSorted(m, 0.5),
        mean: mean(m),
        sd: m.length > 1 ? sampleStandardDeviation(m) : null,
        p10: quantileSorted(m, 0.1),
        p90: quantileSorted(m, 0.9),
      });
    }
  }
  return {
    id: 'family_summary',
    columns: [
      { key: 'year', header: 'year', type: 'text' },
      { key: 'family', header: 'family', type: 'text' },
      { key: 'size', header: 'size', type: 'int' },
      ...(sel ? [{ key: 'selected', header: 'selected', type: 'int', label: `in ${sel.words}` } as const] : []),
      { key: 'fsm_min', header: 'fsm_min', type: 'number', digits: 1, label: 'FSM from' },
      { key: 'fsm_max', header: 'fsm_max', type: 'number', digits: 1, label: 'to' },
      { key: 'median', header: 'median', type: 'number', digits: 1, label: `${measure} median` },
      { key: 'mean', header: 'mean', type: 'number', digits: 1 },
      { key: 'sd', header: 'sd', type: 'number', digits: 2, label: 'SD' },
      { key: 'p10', header: 'p10', type: 'number', digits: 1, label: '10th pct (R type 7)' },
      { key: 'p90', header: 'p90', type: 'number', digits: 1, label: '90th pct' },
    ],
    rows,
  };
}
