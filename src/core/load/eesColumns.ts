/**
 * Column names of the school-level files of Explore Education Statistics (EES), the
 * DfE's "tidy" (long) layout: one row per school × year × breakdown. Kept here, apart
 * from the performance-table names of dfeColumns.ts: the long-format layout (layouts.ts)
 * takes its defaults from these, longFormat.ts its keys, and DEFAULT_COLUMNS.ci the
 * Progress 8 bounds (`ci`).
 *
 * Names as published (EES data catalogue, "Key stage 4 performance" and "Key stage 2
 * attainment", explore-education-statistics.service.gov.uk/data-catalogue):
 * - KS4 2023-24 and earlier: `time_period, time_identifier, geographic_level, …,
 *   old_la_code, new_la_code, la_name, school_laestab, school_name, school_urn,
 *   establishment_type_group, breakdown_topic, breakdown, t_pupils, avg_att8,
 *   avg_p8score, p8score_ci_low, p8score_ci_upp` ("p8score_ci_low: Progress 8 lower 95%
 *   confidence interval").
 * - KS4 2024-25: `pupil_count, attainment8_average, progress8_average,
 *   progress8_lower_95_ci, progress8_upper_95_ci`, with `disadvantage_status` for the
 *   breakdown (the LA-level "Geography by school types" data set shows the same names).
 * - KS2 institution level 2022-23 to 2024-25: `school_urn, school_laestab, school_name,
 *   breakdown_topic, breakdown, subject, expected_standard_pupil_percent, …` (one row per
 *   subject too: keep one with --where subject=…).
 * EES writes `z` (not applicable), `c` (confidential, suppressed), `x` (not available),
 * `low` (rounds to zero), `u` (low reliability) and `:` where there is no figure; all are
 * missing codes (parseCell.ts).
 */
export const EES_COLUMNS = {
  id: ['school_urn'],
  name: ['school_name'],
  /** The three-digit LA code first: the same as LEA in the performance tables, so a file
   * gives the same results in either layout; `--la-col la_name` for the name. */
  la: ['old_la_code', 'la_name'],
  /** KS4 Attainment 8 (2023-24 and before, then 2024-25), then KS2's % at the expected standard
   * (of the subject kept with --where subject=…, as PTRWM_EXP is of reading, writing and maths). */
  measure: ['avg_att8', 'attainment8_average', 'expected_standard_pupil_percent'],
  /** Attainment 8, as ATT8SCR in the performance tables. */
  attainment8: ['avg_att8', 'attainment8_average'],
  /** Pupils at the end of KS4 in the row's breakdown (for Disadvantaged: disadvantaged pupils). */
  cohort: ['t_pupils', 'pupil_count'],
  /** Progress 8 bounds, by the measure they go with (upper case, as dfeColumns keys them). */
  ci: {
    AVG_P8SCORE: ['p8score_ci_low', 'p8score_ci_upp'],
    PROGRESS8_AVERAGE: ['progress8_lower_95_ci', 'progress8_upper_95_ci'],
  } as Record<string, [string, string]>,
  /** The year of a row: an academic year written 202324, or a calendar year 2024. */
  period: 'time_period',
  /** National, Regional, Local authority, School: only School rows are schools. */
  level: 'geographic_level',
  /** The breakdown of a row's figures: `Total` is the whole school. */
  breakdown: ['breakdown', 'disadvantage_status'],
  breakdownTopic: 'breakdown_topic',
  /** The school's type: a value naming special schools marks them, as RECTYPE 2 does. */
  schoolType: ['establishment_type_group', 'establishment_type'],
  /** Columns that tell rows apart besides the year and the breakdown: kept so an error on a
   * school found twice can say how its rows differ. */
  dimensions: ['time_identifier', 'version', 'breakdown_topic', 'subject', 'sex', 'establishment_type_group', 'fsm_status', 'characteristic'],
};
