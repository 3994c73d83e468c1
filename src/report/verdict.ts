import type { YearAnalysis } from '../core/analyse.js';
import type { Comparison } from '../core/compare/comparisons.js';
import { regressOnFsm } from '../core/odds/regressOnFsm.js';
import { roundTo, type Chart } from './model.js';

/** 1 → "1st", 22 → "22nd", 13 → "13th". */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
}

/** "Above similar schools: 4th of 20, 3.1 points above the family median." The gap to the measure's `digits` decimals. */
export function verdict(c: Comparison, lowerIsBetter: boolean, digits = 1): string {
  const gap = c.gap === null ? '' : `, ${Math.abs(roundTo(c.gap, digits))} points ${c.gap >= 0 ? 'above' : 'below'} the family median`;
  if (c.label === null) return `Cannot be placed against similar schools (${c.size < 3 ? 'family too small' : 'the others all have the same result'}): ${ordinal(c.rank)} of ${c.size}${gap}.`;
  const head = { 'well above': 'Well above', above: 'Above', 'close to': 'Close to', below: 'Below', 'well below': 'Well below' }[c.label];
  return `${head} similar schools: ${ordinal(c.rank)} of ${c.size}${gap}${lowerIsBetter ? ' (lower is better)' : ''}.`;
}

/** The two pictures of a family report: the scatter of all schools and the ranked bars. */
export function familyCharts(a: YearAnalysis, i: number, members: number[], measure: string): Chart[] {
  const schools = a.families.schools;
  const inFamily = new Set(members);
  const line = regressOnFsm(schools);
  const me = schools[i];
  const median = a.comparisons.get(i).median;
  return [
    {
      kind: 'scatter',
      title: `${me.name} and its family among all ${schools.length} schools, ${a.year}`,
      xTitle: '% FSM',
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
