import type { YearAnalysis } from '../core/analyse.js';
import type { Comparison } from '../core/compare/comparisons.js';
import type { Column } from './model.js';
import type { Cell } from './model.js';

/** The columns of `fos families` (and the start of `fos outperformers`); see README "Output columns". */
export function familyColumns(measure: string): Column[] {
  return [
    { key: 'year', header: 'year', type: 'text' },
    { key: 'id', header: 'id', type: 'text' },
    { key: 'name', header: 'name', type: 'text' },
    { key: 'la', header: 'la', type: 'text', label: 'LA' },
    { key: 'fsm', header: 'fsm', type: 'number', digits: 1, label: '% FSM' },
    { key: 'measure', header: 'measure', type: 'number', digits: 1, label: measure },
    { key: 'cohort', header: 'cohort', type: 'int' },
    { key: 'family', header: 'family', type: 'text' },
    { key: 'family_size', header: 'family_size', type: 'int', label: 'size' },
    { key: 'family_median', header: 'family_median', type: 'number', digits: 1, label: 'median' },
    { key: 'family_mean', header: 'family_mean', type: 'number', digits: 1, label: 'mean' },
    { key: 'family_sd', header: 'family_sd', type: 'number', digits: 2, label: 'SD' },
    { key: 'gap', header: 'gap', type: 'number', digits: 1 },
    { key: 'z', header: 'z', type: 'number', digits: 2 },
    { key: 'rank', header: 'rank', type: 'text' },
    { key: 'percentile', header: 'percentile', type: 'number', digits: 0, label: 'pctile' },
    { key: 'label', header: 'label', type: 'text' },
  ];
}

/** The row of school i in a year's analysis, in the columns above (`c`: its comparison, when already at hand). */
export function familyRow(a: YearAnalysis, i: number, c: Comparison = a.comparisons.get(i)): Record<string, Cell> {
  const s = a.families.schools[i];
  return {
    year: a.year,
    id: s.id,
    name: s.name,
    la: s.la,
    fsm: s.fsm,
    measure: s.measure,
    cohort: s.cohort,
    family: c.family,
    family_size: c.size,
    family_median: c.median,
    family_mean: c.mean,
    family_sd: c.sd,
    gap: c.gap,
    z: c.z,
    rank: `${c.rank}/${c.size}`,
    percentile: c.percentile,
    label: c.label,
  };
}

/** Plain-English name of how families were made, for report headers. */
export function describeMethod(a: YearAnalysis): string {
  const o = a.families.options;
  const vars = o.context.map((v) => (o.context.length > 1 ? `${v.name}×${v.weight}` : v.name === 'fsm' ? '% FSM' : v.name)).join(', ');
  const n = a.families.schools.length;
  switch (o.method) {
    case 'neighbours':
      if (o.size >= n) return `all ${n} eligible schools (--size ${o.size} is not fewer than there are), one family`;
      return `each school's ${o.size} nearest schools (itself included) by ${vars}${o.tiesAll ? ', keeping ties' : ', ties to the smaller id'}`;
    case 'bands':
      return `fixed % FSM bands ${o.bands.join(', ')}`;
    case 'quantiles':
      return `${o.groups} equal-count groups by ${vars}`;
    case 'ckmeans':
      return `${o.groups} natural-break groups (ckmeans) by ${vars}`;
    case 'size':
      if (a.families.families.kind === 'disjoint' && a.families.families.count === 1) return `all ${n} eligible schools in one family (--size ${o.size}: too few schools for two)`;
      return `consecutive families of ${o.size} along ${vars}`;
  }
}
