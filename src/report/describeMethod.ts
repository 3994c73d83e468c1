import type { YearAnalysis } from '../core/analyse.js';

/** Plain-English name of how families were made, for report headers. */
export function describeMethod(a: YearAnalysis): string {
  const o = a.families.options;
  const vars = o.context.map((v) => (o.context.length > 1 ? `${v.name}×${v.weight}` : v.name === 'fsm' ? '% FSM' : v.name)).join(', ');
  switch (o.method) {
    case 'neighbours':
      return `each school's ${o.size} nearest schools (itself included) by ${vars}${o.tiesAll ? ', keeping ties' : ', ties to the smaller id'}`;
    case 'bands':
      return `fixed % FSM bands ${o.bands.join(', ')}`;
    case 'quantiles':
      return `${o.groups} equal-count groups by ${vars}`;
    case 'ckmeans':
      return `${o.groups} natural-break groups (ckmeans) by ${vars}`;
    case 'size':
      return `consecutive families of ${o.size} along ${vars}`;
  }
}
