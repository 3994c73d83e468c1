import { candidateReason } from '../../core/compare/compareFamilies.js';
import { consistency, type Consistency } from '../../core/compare/consistency.js';
import { robustness, ROBUSTNESS_CHECKS } from '../../core/compare/robustness.js';
import { pick } from '../../report/columns.js';
import { describeMethod } from '../../report/describeMethod.js';
import { FAMILY_COLUMNS, familyRow } from '../../report/familyRow.js';
import type { SchoolYear } from '../../core/types.js';
import type { Cell, Report } from '../../report/model.js';
import type { CommandContext } from '../context.js';
import { selection } from './families.js';

/**
 * `fos outperformers`: the candidate partners of the reported year (latest by default),
 * best evidence first. With several years: consistent candidates (K of their last N
 * years) first, then schools flagged in this year only, shown apart as less secure.
 * `robust` says in how many other family definitions the flag survives.
 */
export function outperformers(ctx: CommandContext): Report {
  const c = ctx.config;
  const all = ctx.analyse();
  const a = ctx.yearAnalysis();
  const { map } = ctx.load();
  const upTo = all.filter((y) => y.year <= a.year);
  const multi = upTo.length > 1;
  const keep = selection(ctx);

  const history = (id: string, at: number): Consistency =>
    consistency(
      upTo.flatMap((y) => {
        const i = y === a ? at : y.indexOf(id);
        return i === undefined ? [] : [{ year: y.year, candidate: y.comparisons.candidate(i) }];
      }),
      c.consistent,
    );
  // Only a school that was a candidate in some year can be consistent (K ≥ 1), so the
  // history is worked out for those alone, not for every school.
  const everCandidate = new Set(multi ? upTo.flatMap((y) => y.families.schools.filter((_, i) => y.comparisons.candidate(i)).map((s) => s.id)) : []);
  // With one year loaded, every candidate has the same history: worked out once.
  const oneYear = multi ? undefined : consistency([{ year: a.year, candidate: true }], c.consistent);
  const picked: { i: number; s: SchoolYear; h: Consistency }[] = [];
  a.families.schools.forEach((s, i) => {
    const candidate = a.comparisons.candidate(i);
    if (!(candidate || (multi && everCandidate.has(s.id))) || !keep(a, i)) return;
    const h = oneYear ?? history(s.id, i);
    if (candidate || (multi && h.consistent)) picked.push({ i, s, h });
  });
  const rule = { threshold: c.rule.threshold, lowerIsBetter: c.rule.lowerIsBetter, hasBounds: map.ci !== undefined };
  const robust = c.robust ? robustness(a.families, picked.map((p) => p.i), rule, ctx.helper) : undefined;

  const zBetter = (i: number) => (c.rule.lowerIsBetter ? -1 : 1) * (a.comparisons.z(i) ?? -Infinity);
  const keyed = picked.map(({ i, s, h }) => ({ i, s, h, consistent: Number(h.consistent), z: zBetter(i), rank: a.families.idRank[i] }));
  keyed.sort((x, y) => y.consistent - x.consistent || y.z - x.z || x.rank - y.rank);
  const rows = keyed.map(({ i, h, s }) => {
    const comparison = a.comparisons.get(i);
    const row: Record<string, Cell> = familyRow(a, i, comparison);
    row.candidate = comparison.candidate;
    row.years_candidate = h.yearsCandidate;
    row.years_loaded = h.yearsLoaded;
    row.consistent = multi ? h.consistent : null;
    row.robust = robust?.get(i) ?? null;
    row.robust_tried = robust ? ROBUSTNESS_CHECKS.length : null;
    row.history = h.history.map((y) => `${y.year}${y.candidate ? '✓' : '·'}`).join(' ');
    row.reason = candidateReason(comparison, s, rule);
    return row;
  });
  // Wide columns go to csv/json/xlsx only, so the terminal table fits.
  const wide = new Set(['year', 'family', 'family_size', 'family_mean', 'family_sd', 'percentile', 'reason', 'years_candidate', 'years_loaded', ...(multi ? [] : ['history', 'consistent'])]);
  const columns = pick([...FAMILY_COLUMNS, ['candidate', { label: `cand. ${a.year}` }], 'years_candidate', 'years_loaded', 'consistent', 'robust', 'robust_tried', 'history', 'reason'], ctx.naming()).map((col) =>
    wide.has(col.key) ? { ...col, wide: true } : col,
  );
  const consistentCount = picked.filter((p) => p.h.consistent).length;
  const parts = multi
    ? [
        ...(consistentCount ? [{ at: 0, caption: `Consistent: a candidate in at least ${c.consistent.k} of its last ${c.consistent.n} years` }] : []),
        ...(consistentCount < rows.length ? [{ at: consistentCount, caption: `Candidate in ${a.year} only so far: less secure` }] : []),
      ]
    : undefined;
  const summary = [
    `${picked.filter((p) => a.comparisons.candidate(p.i)).length} candidate partner${picked.length === 1 ? '' : 's'} in ${a.year} among ${a.families.schools.length} eligible schools: z ≥ ${c.rule.threshold} against ${describeMethod(a)}${map.ci ? `, and ${c.rule.lowerIsBetter ? 'upper' : 'lower'} bound ${map.ci.join('/')} beyond the family median` : ''}.`,
  ];
  if (multi) summary.push(`${consistentCount} consistent over ${upTo.map((y) => y.year).join(', ')} (candidate in ≥ ${c.consistent.k} of the last ${c.consistent.n} years each school has).`);
  else summary.push('One year loaded: load several years (--attainment YEAR=FILE …) to see which candidates are consistent.');
  return {
    title: `Candidate partners: schools that outperform their family, ${a.year}`,
    summary,
    tables: [{ id: 'outperformers', columns, rows, parts }],
    notes: [
      robust ? `robust: in how many of ${ROBUSTNESS_CHECKS.map((r) => r.name).join(', ')} the school is still a candidate.` : 'robustness check skipped (--no-robust).',
      'A candidate is a school worth visiting, not a verdict: read its family report (fos report ID) first.',
    ],
    charts: [],
    meta: ctx.meta(rows.length),
  };
}
