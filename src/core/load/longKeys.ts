import { EES_COLUMNS as E } from './eesColumns.js';
import { findColumn } from './findColumn.js';

/** The columns that make a file long, as spelled in it; undefined for any other file. */
export interface LongKeys {
  id: string;
  period: string;
  level?: string;
  /** The column whose value is the breakdown (`breakdown`, else `disadvantage_status`, else `breakdown_topic`). */
  breakdown: string;
  schoolType?: string;
  /** Further columns that tell rows apart (see EES_COLUMNS.dimensions). */
  dimensions: string[];
}

/** A long file is known by `school_urn` and `time_period` with a breakdown column. */
export function longKeys(header: readonly string[]): LongKeys | undefined {
  const one = (names: readonly string[]) => names.map((n) => findColumn(header, n)).find((c) => c !== undefined);
  const id = one(E.id);
  const period = findColumn(header, E.period);
  const breakdown = one([...E.breakdown, E.breakdownTopic]);
  if (!id || !period || !breakdown) return undefined;
  const level = findColumn(header, E.level);
  const schoolType = one(E.schoolType);
  const dimensions = E.dimensions.map((n) => findColumn(header, n)).filter((c): c is string => c !== undefined && c !== breakdown);
  return { id, period, breakdown, dimensions, ...(level ? { level } : {}), ...(schoolType ? { schoolType } : {}) };
}
