import { quantileSorted } from 'simple-statistics';
import { bandOf, outsideBands } from '../families/bands.js';
import type { SchoolYear } from '../types.js';
import { regressOnFsm, type FsmLine } from './regressOnFsm.js';

export interface OddsOptions {
  bands: number[];
  /** Lower % FSM edge of the "high FSM" bands (docs/methodology.md default 35). */
  highFsm: number;
  lowerIsBetter: boolean;
}

export interface OddsSchool {
  school: SchoolYear;
  band: string;
  /** 1 = best quarter of schools nationally. */
  quartile: number;
  expected: number;
  residual: number;
  standardisedResidual: number;
}

export interface OddsResult {
  /** Quartile cut points of the measure: 25th, 50th and 75th percentiles (R type 7). */
  cuts: [number, number, number];
  bands: { label: string; counts: number[]; total: number; high: boolean }[];
  regression: FsmLine;
  schools: OddsSchool[];
  /** High-FSM schools whose results are in the top two quartiles, best first. */
  againstTheOdds: OddsSchool[];
}

/**
 * Against the odds (docs/methodology.md): national quartiles of the measure crossed with % FSM
 * bands, and a least-squares line of the measure on % FSM.
 * - Quartile cuts by linear interpolation between order statistics (R type 7, as
 *   simple-statistics' quantileSorted); a value on a cut goes to the better quartile.
 * - A school whose % FSM is outside the band edges is an error (as for bands families).
 * - expected = intercept + slope·FSM; residual = measure − expected; standardised
 *   residual = residual / √(SSE / (n − 2)) (the residual standard error). R² is the
 *   share of the measure's variance explained by % FSM. Needs at least 3 schools.
 */
export function againstTheOdds(schools: readonly SchoolYear[], o: OddsOptions): OddsResult {
  const values = schools.map((s) => s.measure!).sort((a, b) => a - b);
  const cuts: [number, number, number] = [quantileSorted(values, 0.25), quantileSorted(values, 0.5), quantileSorted(values, 0.75)];
  const quartile = (x: number) =>
    o.lowerIsBetter ? (x <= cuts[0] ? 1 : x <= cuts[1] ? 2 : x <= cuts[2] ? 3 : 4) : x >= cuts[2] ? 1 : x >= cuts[1] ? 2 : x >= cuts[0] ? 3 : 4;

  const regression = regressOnFsm(schools);
  const predict = (x: number) => regression.intercept + regression.slope * x;

  // A school outside the edges is refused, as bands families refuse it, never left out of the table.
  const outside = outsideBands(schools.map((s) => s.fsm!), schools.map((s) => s.id), o.bands);
  if (outside) throw outside;
  const labels = o.bands.slice(0, -1).map((lo, k) => `${lo}–${o.bands[k + 1]}%`);
  const table = labels.map((label, k) => ({ label, counts: [0, 0, 0, 0], total: 0, high: o.bands[k] >= o.highFsm }));
  const rows: OddsSchool[] = schools.map((s) => {
    const k = bandOf(s.fsm!, o.bands);
    const q = quartile(s.measure!);
    table[k].counts[q - 1]++;
    table[k].total++;
    const expected = predict(s.fsm!);
    const residual = s.measure! - expected;
    return { school: s, band: labels[k], quartile: q, expected, residual, standardisedResidual: residual / regression.residualSd };
  });
  const better = (a: OddsSchool, b: OddsSchool) => (o.lowerIsBetter ? a.school.measure! - b.school.measure! : b.school.measure! - a.school.measure!);
  const againstTheOdds = rows.filter((r) => r.school.fsm! >= o.highFsm && r.quartile <= 2).sort((a, b) => a.quartile - b.quartile || better(a, b));
  return {
    cuts,
    bands: table,
    regression,
    schools: rows,
    againstTheOdds,
  };
}
