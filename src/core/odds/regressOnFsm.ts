import { linearRegression, rSquared } from 'simple-statistics';
import type { SchoolYear } from '../types.js';

export interface FsmLine {
  slope: number;
  intercept: number;
  /** Share of the measure's variance explained by % FSM. */
  r2: number;
  /** Residual standard error √(SSE / (n − 2)); NaN with fewer than 3 schools. */
  residualSd: number;
  n: number;
}

/**
 * Ordinary least squares of the measure on % FSM (simple-statistics' linearRegression and
 * rSquared). Edge cases: all % FSM equal gives slope 0 and the mean as intercept.
 *
 * regressOnFsm([{fsm: 0, measure: 60}, {fsm: 50, measure: 40}, {fsm: 100, measure: 20}])
 * // => slope −0.4, intercept 60, r2 1
 */
export function regressOnFsm(schools: readonly SchoolYear[]): FsmLine {
  const pairs = schools.map((s) => [s.fsm!, s.measure!]);
  const line = linearRegression(pairs);
  const slope = Number.isFinite(line.m) ? line.m : 0;
  const intercept = Number.isFinite(line.b) ? line.b : pairs.reduce((a, p) => a + p[1], 0) / pairs.length;
  const predict = (x: number) => intercept + slope * x;
  let sse = 0;
  for (const [x, y] of pairs) sse += (y - predict(x)) ** 2;
  return { slope, intercept, r2: rSquared(pairs, predict), residualSd: pairs.length > 2 ? Math.sqrt(sse / (pairs.length - 2)) : NaN, n: pairs.length };
}
