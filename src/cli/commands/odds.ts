import { againstTheOdds } from '../../core/odds/againstTheOdds.js';
import { pick, quartileColumns } from '../../report/columns.js';
import type { Cell, Report } from '../../report/model.js';
import type { CommandContext } from '../context.js';

/**
 * `fos odds`: schools succeeding against the odds. The cross-tab of % FSM bands by
 * national quartile of the measure (counts and row shares), the high-FSM schools in the
 * top two quartiles, and the regression of the measure on % FSM with each school's
 * expected value and residual (in the json/csv/xlsx `schools` table).
 */
export function odds(ctx: CommandContext): Report {
  const c = ctx.config;
  const a = ctx.yearAnalysis();
  const { map } = ctx.load();
  const r = againstTheOdds(a.families.schools, { bands: c.families.bands, highFsm: c.highFsm, lowerIsBetter: c.rule.lowerIsBetter });
  const las = new Set(c.la);
  const inLa = (la: string) => las.size === 0 || las.has(la);

  const crossRows = r.bands.map((b) => {
    const row: Record<string, Cell> = { fsm_band: b.label, schools: b.total };
    b.counts.forEach((n, q) => {
      row[`q${q + 1}`] = n;
      row[`q${q + 1}_share`] = b.total ? (100 * n) / b.total : null;
    });
    row.top_two_share = b.total ? (100 * (b.counts[0] + b.counts[1])) / b.total : null;
    return row;
  });
  const naming = ctx.naming();
  const crossCols = pick(['fsm_band', 'schools', ...quartileColumns(), 'top_two_share'], naming);
  const schoolCols = pick(['id', 'name', 'la', 'fsm', ['fsm_band', { label: 'band' }], 'measure', 'quartile', 'expected', 'residual', 'std_residual'], naming);
  const schoolRow = (x: (typeof r.schools)[number]): Record<string, Cell> => ({
    id: x.school.id,
    name: x.school.name,
    la: x.school.la,
    fsm: x.school.fsm,
    fsm_band: x.band,
    measure: x.school.measure,
    quartile: x.quartile,
    expected: x.expected,
    residual: x.residual,
    std_residual: Number.isFinite(x.standardisedResidual) ? x.standardisedResidual : null,
  });
  const findings = r.bands
    .filter((b) => b.high && b.total > 0)
    .map((b) => {
      const k = b.counts[0] + b.counts[1];
      return `${((100 * k) / b.total).toFixed(1)}% of schools with ${b.label} FSM (${k} of ${b.total}) obtained results in the top two quartiles.`;
    });
  const odd = r.againstTheOdds.filter((x) => inLa(x.school.la));
  const reg = r.regression;
  return {
    title: `Against the odds, ${a.year}: ${map.measure} by % FSM`,
    summary: [
      ...findings,
      `National quartile cuts of ${map.measure} over ${a.families.schools.length} eligible schools: ${r.cuts.map((x) => x.toFixed(2)).join(', ')} (25th, 50th, 75th percentiles; R type 7; a value on a cut goes to the better quartile).`,
      `Regression: ${map.measure} = ${reg.intercept.toFixed(2)} ${reg.slope < 0 ? '−' : '+'} ${Math.abs(reg.slope).toFixed(3)} × %FSM; R² = ${reg.r2.toFixed(3)}; residual SD ${reg.residualSd.toFixed(2)} (n = ${reg.n}).`,
    ],
    tables: [
      { id: 'crosstab', title: '% FSM band × national quartile (row shares in %)', columns: crossCols, rows: crossRows },
      { id: 'against_the_odds', title: `High-FSM schools (≥ ${c.highFsm}%) with results in the top two quartiles`, columns: schoolCols, rows: odd.map(schoolRow) },
      { id: 'schools', title: 'Every eligible school: expected value and residual', columns: schoolCols, rows: r.schools.filter((x) => inLa(x.school.la)).map(schoolRow), terminal: false },
    ],
    notes: ['Quartile 1 is the best quarter nationally. Expected = the regression line at the school’s % FSM; a standardised residual above 2 is unusual.', 'The full list of residuals is in the schools table of --format json, xlsx or html.'],
    charts: [],
    meta: ctx.meta(crossRows.length),
  };
}
