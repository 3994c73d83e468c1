/**
 * fos as a library: `import { analyse, loadInputs, run } from 'fos'`. The CLI (bin/fos.js →
 * cli/bin.ts) calls `run`, the same function exported here; the commands are the
 * functions `run` calls, each taking a CommandContext and returning a Report that
 * `render` turns into any output format.
 *
 *   const { years } = loadInputs([{ year: '2019', attainment: 'ks4.csv', fsm: 'census.csv' }], { columns: { context: {}, subjects: [] }, where: [], strict: false });
 *   const [y] = analyse(years, { eligibility, families, rule });
 */

// Running fos as the command line does
export { run, EXIT, VERSION, type Io } from './cli/main.js';
export { toConfig, optionValues, optionsInForce, type Config, type Environment } from './cli/config.js';
export { CommandContext, type Loaded } from './cli/context.js';
export { OPTIONS, COMMANDS, type OptionSpec, type CommandSpec, type CommandName } from './cli/options.js';

// The commands
export { check } from './cli/commands/check.js';
export { families } from './cli/commands/families.js';
export { report } from './cli/commands/report.js';
export { outperformers } from './cli/commands/outperformers.js';
export { odds } from './cli/commands/odds.js';
export { partners } from './cli/commands/partners.js';
export { trend } from './cli/commands/trend.js';

// Loading and analysing
export { loadInputs, type LoadOptions } from './io/loadInputs.js';
export { analyse, type AnalysisOptions, type YearAnalysis } from './core/analyse.js';
export { readLinks, type LinksFile } from './io/readLinks.js';
export { schoolLinks, latestId, earlierUrns, type SchoolLinks, type NamedLink, type EarlierUrn } from './core/load/schoolLinks.js';
export { schoolKey, type SchoolKey } from './core/schoolKey.js';
export { withoutConcurrentLinks } from './core/load/withoutConcurrentLinks.js';
export { eligibility, type EligibilityOptions } from './core/load/eligibility.js';
export { buildFamilies, membersOf, type FamilyMethod, type FamilyOptions, type YearFamilies } from './core/families/buildFamilies.js';
export { familySummaries, type FamilySummary } from './core/families/familySummaries.js';
export type { ContextWeight } from './core/families/context.js';
export type { CandidateRule } from './core/compare/compareFamilies.js';
export type { Comparison } from './core/compare/comparisons.js';
export { consistency, type Consistency, type ConsistencyRule } from './core/compare/consistency.js';
export { againstTheOdds } from './core/odds/againstTheOdds.js';
export { trend as trendOf, type TrendPoint } from './core/trends/trend.js';
export type { YearInput } from './core/load/pairInputs.js';
export type { ColumnOverrides } from './core/load/dfeColumns.js';
export type { ColumnMap, Eligibility, Exclusion, ExclusionReason, FileReport, PublishedFigure, PublishedFigures, SchoolYear, YearData } from './core/types.js';
export { FosError, isFosError } from './core/errors.js';

// Reports
export { render } from './report/render.js';
export { CATALOGUE, pick, measureDigits, type ColumnName, type Naming } from './report/columns.js';
export { FORMATS, type Cell, type Chart, type Column, type Format, type Meta, type Report, type Table } from './report/model.js';
export { DEFAULT_LABELS, labelsFrom, type Labels } from './report/labels.js';
