import type { SchoolTable, YearData } from '../types.js';
import { keyIndex, ownId, type SchoolKey } from '../schoolKey.js';

/**
 * Each school's context pooled over its last K years with data (`--context-years K`), so
 * one year's noise does not reshuffle its family: for each year, % FSM and every context
 * variable become the cohort-weighted mean of the school's values in that year and the
 * K − 1 latest earlier years in which it has one (schools matched by `key`: by id, and
 * with links a school's years under its earlier URN count as its own). Weights are the
 * cohorts of those years; when any of them is unknown, the years count equally. A school
 * with no value this year keeps none (it is not eligible on old data alone). K = 1 gives
 * the years unchanged.
 *
 * FSM 10 (cohort 100) in 2018 and 20 (cohort 300) in 2019, K = 2 → 2019's FSM is
 * (10·100 + 20·300) / 400 = 17.5.
 */
export function pooledContext(years: readonly YearData[], k: number, key: SchoolKey = ownId): YearData[] {
  if (k <= 1) return [...years];
  // When two rows of a year are one school, the one with % FSM is used.
  const rowOf = years.map((y) => keyIndex(y.schools.id, key, (r) => (Number.isNaN(y.schools.fsm[r]) ? 0 : 1)));
  return years.map((y, t) => {
    const s = y.schools;
    const pool = (column: (table: SchoolTable) => Float64Array | undefined): Float64Array => {
      const own = column(s)!;
      const out = new Float64Array(own.length);
      for (let i = 0; i < s.length; i++) {
        if (Number.isNaN(own[i])) {
          out[i] = NaN;
          continue;
        }
        const values = [own[i]];
        const weights = [s.cohort[i]];
        for (let u = t - 1; u >= 0 && values.length < k; u--) {
          const j = rowOf[u].get(key(s.id[i]));
          const v = j === undefined ? NaN : (column(years[u].schools)?.[j] ?? NaN);
          if (Number.isNaN(v)) continue;
          values.push(v);
          weights.push(years[u].schools.cohort[j!]);
        }
        const weighted = weights.every((w) => w > 0);
        let sum = 0;
        let total = 0;
        values.forEach((v, m) => {
          const w = weighted ? weights[m] : 1;
          sum += w * v;
          total += w;
        });
        out[i] = sum / total;
      }
      return out;
    };
    const context = Object.fromEntries(Object.keys(s.context).map((key) => [key, pool((x) => x.context[key])]));
    return { ...y, schools: { ...s, fsm: pool((x) => x.fsm), context } };
  });
}
