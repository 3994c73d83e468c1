import type { YearAnalysis } from '../core/analyse.js';
import type { Comparison } from '../core/compare/comparisons.js';
import type { ColumnName } from './columns.js';
import type { Cell } from './model.js';
import { schoolCells } from './schoolCells.js';

/** The columns of `fos families` (and the start of `fos outperformers`); see README "Columns". */
export const FAMILY_COLUMNS = ['year', 'id', 'name', 'la', 'fsm', 'measure', 'cohort', 'family', 'family_size', 'family_median', 'family_mean', 'family_sd', 'gap', 'z', 'rank', 'percentile', 'label'] as const satisfies readonly ColumnName[];

/** The row of school i in a year's analysis, in FAMILY_COLUMNS (`c`: its comparison, when already at hand). */
export function familyRow(a: YearAnalysis, i: number, c: Comparison = a.comparisons.get(i)): Record<(typeof FAMILY_COLUMNS)[number], Cell> {
  return {
    year: a.year,
    ...schoolCells(a.families.schools, i),
    family: c.family,
    family_size: c.size,
    family_median: c.median,
    family_mean: c.mean,
    family_sd: c.sd,
    gap: c.gap,
    z: c.z,
    rank: c.rank,
    percentile: c.percentile,
    label: c.label,
  };
}
