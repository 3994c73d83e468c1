import type { YearAnalysis } from '../core/analyse.js';
import type { Comparison } from '../core/compare/comparisons.js';
import { schoolRows } from '../core/load/schoolTable.js';
import { regressOnFsm } from '../core/odds/regressOnFsm.js';
import { DEFAULT_LABELS, type Labels } from './labels.js';
import { roundTo, type Chart } from './model.js';

/** 1 → "1st", 22 → "22nd", 13 → "13th". */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
}

/** Verdict words by label: above / below when higher is better; better / worse when lower
 * is better, since "well above … 4.7 points below the median" reads as a contradiction. */
const HEADS = {
  higher: { 'well above': 'Well above similar schools', above: 'Above similar schools', 'close to': 'Close to similar schools', below: 'Below similar schools', 'well below': 'Well below similar schools' },
  lower: { 'well above': 'Much better than similar schools', above: 'Better than similar schools', 'close to': 'Close to similar schools', below: 'Worse than similar schools', 'well below': 'Much worse than similar schools' },
} as const;

/** "Above similar schools: 4th of 20, 3.1 points above the family median." (lower is better:
 * "Much better than similar schools: 1st of 20, 4.7 points below the family median (lower is better).")
 * The gap to the measure's `digits` decimals. */
export function verdict(c: Comparison, lowerIsBetter: boolean, digits = 1): string {
  const gap = c.gap === null ? '' : `, ${Math.abs(roundTo(c.gap, digits))} points ${c.gap >= 0 ? 'above' : 'below'} the family median`;
  if (c.label === null) return `Cannot be placed against similar schools (${c.size < 3 ? 'family too small' : 'the others all have the same result'}): ${ordinal(c.rank)} of ${c.size}${gap}.`;
  const head = HEADS[lowerIsBetter ? 'lower' : 'higher'][c.label];
  return `${head}: ${ordinal(c.rank)} of ${c.size}${gap}${lowerIsBetter ? ' (lower is better)' : ''}.`;
}

/** The two pictures of a family report: the scatter of all schools and the ranked bars. */
export function familyCharts(a: YearAnalysis, i: number, members: number[], measure: string, labels: Labels = DEFAULT_LABELS): Chart[] {
  const schools = schoolRows(a.families.schools);
  const inFamily = new Set(members);
  const line = regressOnFsm(schools);
  const me = schools[i];
  const median = a.comparisons.get(i).median;
  return [
    {
      kind: 'scatter',
      title: `${me.name} and its family among all ${schools.length} schools, ${a.year}`,
      xTitle: labels.fsm,
      yTitle: measure,
      points: schools.map((s, j) => ({ x: s.fsm!, y: s.measure!, name: s.name, role: j === i ? 'school' : inFamily.has(j) ? 'family' : 'other' })),
      line: { slope: line.slope, intercept: line.intercept },
    },
    {
      kind: 'bar',
      title: `${me.name}'s family ranked by ${measure}, ${a.year}`,
      valueTitle: measure,
      bars: members.map((j) => ({ name: schools[j].name, value: schools[j].measure!, highlight: j === i })),
      reference: median !== null ? { value: median, label: 'family median' } : undefined,
    },
  ];
}
