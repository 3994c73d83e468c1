import { schoolRows } from '../../core/load/schoolTable.js';
import { againstTheOdds } from '../../core/odds/againstTheOdds.js';
import type { SchoolYear } from '../../core/types.js';
import { pick, quartileColumns } from '../../report/columns.js';
import { looksNational } from '../../report/looksNational.js';
import type { Cell, Report } from '../../report/model.js';
import type { CommandContext } from '../context.js';
import { selection } from '../selection.js';
import { capital, fsmValue } from '../../report/labels.js';

/**
 * `fos odds`: schools succeeding against the odds. The cross-tab of % FSM bands by
 * national quartile of the measure (counts and row shares), the high-FSM schools in the
 * top two quartiles, and the regression of the measure on % FSM with each school's
 * expected value and residual (in the json/csv/xlsx `schools` table). With --la, the
 * selection's own cross-tab and findings beside those of all schools; over a file that is
 * not national, "quartiles over the loaded schools".
 */
export function odds(ctx: CommandContext): Report {
  const c = ctx.config;
  const a = ctx.yearAnalysis();
  const schools = schoolRows(a.families.schools);
  const r = againstTheOdds(schools, { bands: c.families.bands, highFsm: c.highFsm, lowerIsBetter: c.rule.lowerIsBetter });
  const sel = selection(ctx, [a]);
  const index = sel.active ? new Map(schools.map((s, i) => [s, i])) : undefined;
  const inLa = (s: SchoolYear) => !index || sel.keep(a, index.get(s)!);
  const national = looksNational(a.families.schools.la, c.coverage);
  const L = ctx.labels;
  const M = ctx.measureName();
  const scope = national ? `${L.national} quartile` : 'quartile over the loaded schools';
  // The selection's own counts, in the same bands and the same (all schools') quartiles.
  const picked = r.schools.filter((x) => inLa(x.school));
  const ownBands = r.bands.map((b) => {
    const counts = [0, 0, 0, 0];
    for (const x of picked) if (x.band === b.label) counts[x.quartile - 1]++;
    return { ...b, counts, total: counts.reduce((p, q) => p + q, 0) };
  });

  const crossRows = (bands: typeof r.bands) =>
    bands.map((b) => {
      const row: Record<string, Cell> = { fsm_band: b.label, schools: b.total };
      b.counts.forEach((n, q) => {
        row[`q${q + 1}`] = n;
        row[`q${q + 1}_share`] = b.total ? (100 * n) / b.total : null;
      });
      row.top_two_share = b.total ? (100 * (b.counts[0] + b.counts[1])) / b.total : null;
      return row;
    });
  const allRows = crossRows(r.bands);
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
  const findingsOf = (bands: typeof r.bands, who: string) =>
    bands
      .filter((b) => b.high && b.total > 0)
      .map((b) => {
        const k = b.counts[0] + b.counts[1];
        return `${who}${((100 * k) / b.total).toFixed(1)}% of ${who ? 'its ' : ''}schools with ${b.label} ${L.fsmWord} (${k} of ${b.total}) obtained results in the top two quartiles.`;
      });
  const own = sel.active ? findingsOf(ownBands, `In ${sel.words}: `) : [];
  if (sel.active && !own.length) own.push(`In ${sel.words}: no school with ${fsmValue(L, c.highFsm)} or more (${picked.length} eligible schools there).`);
  const findings = [...findingsOf(r.bands, ''), ...own];
  const odd = r.againstTheOdds.filter((x) => inLa(x.school));
  const reg = r.regression;
  const where = sel.active ? ` in ${sel.words}` : '';
  return {
    title: `Against the odds, ${a.year}: ${M} by ${L.fsm}`,
    summary: [
      ...findings,
      `${national ? `${capital(L.national)} quartile cuts` : `Quartile cuts over the loaded schools (not a ${L.national} file)`} of ${M}, over all ${a.families.schools.length} eligible schools${sel.active ? `, the ${picked.length} in ${sel.words} included` : ''}: ${r.cuts.map((x) => x.toFixed(2)).join(', ')} (25th, 50th, 75th percentiles; R type 7; a value on a cut goes to the better quartile).`,
      `Regression: ${M} = ${reg.intercept.toFixed(2)} ${reg.slope < 0 ? '−' : '+'} ${Math.abs(reg.slope).toFixed(3)} × ${L.fsmCompact}; R² = ${reg.r2.toFixed(3)}; residual SD ${reg.residualSd.toFixed(2)} (n = ${reg.n}).`,
    ],
    tables: [
      { id: 'crosstab', title: `${L.fsm} band × ${scope} (row shares in %)${sel.active ? ': all schools' : ''}`, columns: crossCols, rows: allRows },
      ...(sel.active ? [{ id: 'crosstab_selection', title: `${sel.words}: ${L.fsm} band × the same quartiles (row shares in %)`, columns: crossCols, rows: crossRows(ownBands) }] : []),
      { id: 'against_the_odds', title: `High-${L.fsmWord} schools (≥ ${c.highFsm}%)${where} with results in the top two quartiles`, columns: schoolCols, rows: odd.map(schoolRow) },
      {
        id: 'regression',
        title: `Least-squares line of ${M} on ${L.fsm}`,
        columns: pick(['slope', 'intercept', 'r2', 'residual_sd', 'n'], naming),
        rows: [{ slope: reg.slope, intercept: reg.intercept, r2: reg.r2, residual_sd: Number.isFinite(reg.residualSd) ? reg.residualSd : null, n: reg.n }],
        terminal: false,
      },
      { id: 'schools', title: `Every eligible school${where}: expected value and residual`, columns: schoolCols, rows: picked.map(schoolRow), terminal: false },
    ],
    notes: [
      'Residual SD: the regression’s residual standard error, √(SSE / (n − 2)) (two fitted coefficients), as R’s summary(lm) gives as sigma; not a sample SD (n − 1).',
      `Quartile 1 is the best quarter ${national ? L.nationally : 'of the loaded schools'}. Expected = the regression line at the school’s ${L.fsm}; a standardised residual above 2 is unusual.`,
      'The full list of residuals is in the schools table of --format json, xlsx or html.',
    ],
    charts: [],
    meta: {
      ...ctx.meta(allRows.length),
      definitions: { residual_sd: `residual standard error of the regression on ${L.fsm}: sqrt(SSE / (n - 2))`, std_residual: 'residual / residual_sd', quartiles: 'R type 7 (linear interpolation); a value on a cut goes to the better quartile' },
    },
  };
}
