import type { YearAnalysis } from '../core/analyse.js';
import { DEFAULT_LABELS, variableName, type Labels } from './labels.js';

/** Plain-English name of how families were made, for report headers. */
export function describeMethod(a: YearAnalysis, labels: Labels = DEFAULT_LABELS): string {
  const o = a.families.options;
  const how = methodText(a, labels);
  const within = o.match?.length ? `${how}, within schools of the same ${o.match.join(' and ')}` : how;
  return o.keptFrom ? `${within}: the families of ${o.keptFrom}, kept (closed schools dropped, new ones with their nearest school)` : within;
}

function methodText(a: YearAnalysis, labels: Labels): string {
  const o = a.families.options;
  const vars = o.context.map((v) => (o.context.length > 1 ? `${variableName(labels, v.name)}×${v.weight}` : v.name === 'fsm' ? labels.fsm : v.name)).join(', ');
  const n = a.families.schools.length;
  switch (o.method) {
    case 'neighbours':
      if (o.size >= n) return `all ${n} eligible schools (--size ${o.size} is not fewer than there are), one family`;
      return `each school's ${o.size} nearest schools (itself included) by ${vars}${o.tiesAll ? ', keeping ties' : ', ties to the smaller id'}`;
    case 'bands':
      return `fixed ${labels.fsm} bands ${o.bands.join(', ')}`;
    case 'quantiles':
      return `${o.groups} equal-count groups by ${vars}`;
    case 'ckmeans':
      return `${o.groups} natural-break groups (ckmeans) by ${vars}`;
    case 'size':
      if (a.families.families.kind === 'disjoint' && a.families.families.count === 1) return `all ${n} eligible schools in one family (--size ${o.size}: too few schools for two)`;
      return `consecutive families of ${o.size} along ${vars}`;
  }
}
