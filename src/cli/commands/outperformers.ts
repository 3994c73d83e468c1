import { candidateReason } from '../../core/compare/compareFamilies.js';
import { consistency, type Consistency } from '../../core/compare/consistency.js';
import { robustness, ROBUSTNESS_CHECKS } from '../../core/compare/robustness.js';
import { pick } from '../../report/columns.js';
import { describeMethod } from '../../report/describeMethod.js';
import { FAMILY_COLUMNS, familyRow } from '../../report/familyRow.js';
import { orNull } from '../../core/orNull.js';
import type { Exclusion } from '../../core/types.js';
import type { Cell, Report } from '../../report/model.js';
import type { CommandContext } from '../context.js';
import type { YearAnalysis } from '../../core/analyse.js';
import { compareIds } from '../../core/idOrder.js';
import { selection } from '../selection.js';
import { wasUrn } from '../../report/wasUrn.js';
import { urnHistory } from '../../core/load/urnHistory.js';
import { basename } from 'node:path';
import { checkName, reasonWords } from '../../report/labels.js';
import { selectiveNote } from '../../core/families/selectiveNote.js';
import { duringYear, inYear } from '../../report/inYear.js';

/** A school listed: its row in year y, its history, and its section (see below). */
interface Listed {
  y: YearAnalysis;
  i: number;
  h: Consistency;
  section: 0 | 1 | 2 | 3;
}

/**
 * `fos outperformers`: the candidate partners of the reported year (latest by default),
 * best evidence first. With several years, in sections: consistent candidates (K of
 * their last N years) first, then schools flagged in this year only, shown apart as less
 * secure, then consistent schools not flagged this year, then consistent schools not
 * compared this year (not in its file, or left out of its families).
 * `robust` says in how many other family definitions the flag survives.
 */
export function outperformers(ctx: CommandContext): Report {
  const c = ctx.config;
  const all = ctx.analyse();
  const a = ctx.yearAnalysis();
  const { map } = ctx.load();
  const upTo = all.filter((y) => y.year <= a.year);
  const multi = upTo.length > 1;
  // Checked against every year up to this one: a consistent school missing this year is listed too.
  const sel = selection(ctx, upTo);
  const keep = sel.keep;

  const history = (id: string, at?: number): Consistency =>
    consistency(
      upTo.flatMap((y) => {
        const i = y === a ? at : y.indexOf(id);
        return i === undefined ? [] : [{ year: y.year, candidate: y.comparisons.candidate(i) }];
      }),
      c.consistent,
    );
  // Only a school that was a candidate in some year can be consistent (K ≥ 1), so the
  // history is worked out for those alone, not for every school. Schools are found in
  // each year by their key (with links, under an earlier URN too).
  const everCandidate = new Set(multi ? upTo.flatMap((y) => y.families.schools.id.filter((_, i) => y.comparisons.candidate(i)).map(a.key)) : []);
  // With one year loaded, every candidate has the same history: worked out once.
  const oneYear = multi ? undefined : consistency([{ year: a.year, candidate: true }], c.consistent);
  // Sections, in this order: consistent and a candidate this year; a candidate this year
  // only; consistent but not a candidate this year; consistent as of an earlier year and
  // not compared this year (not in this year's file, or left out of its families).
  const picked: Listed[] = [];
  a.families.schools.id.forEach((id, i) => {
    const candidate = a.comparisons.candidate(i);
    if (!(candidate || (multi && everCandidate.has(a.key(id)))) || !keep(a, i)) return;
    const h = oneYear ?? history(id, i);
    if (candidate) picked.push({ y: a, i, h, section: h.consistent ? 0 : 1 });
    else if (multi && h.consistent) picked.push({ y: a, i, h, section: 2 });
  });
  for (const id of everCandidate) {
    if (a.indexOf(id) !== undefined) continue;
    const h = history(id);
    const y = [...upTo].reverse().find((x) => x.indexOf(id) !== undefined)!;
    const i = y.indexOf(id)!;
    if (h.consistent && sel.keep(y, i)) picked.push({ y, i, h, section: 3 });
  }
  const rule = { threshold: c.rule.threshold, lowerIsBetter: c.rule.lowerIsBetter, hasBounds: map.ci !== undefined };
  const thisYear = picked.filter((p) => p.y === a).map((p) => p.i);
  const robust = c.robust ? robustness(a.families, thisYear, rule, ctx.runner) : undefined;

  const zBetter = (p: Listed) => (c.rule.lowerIsBetter ? -1 : 1) * (p.y.comparisons.z(p.i) ?? -Infinity);
  const keyed = picked.map((p) => ({ p, z: zBetter(p) }));
  keyed.sort((x, y) => x.p.section - y.p.section || y.z - x.z || compareIds(x.p.y.families.schools.id[x.p.i], y.p.y.families.schools.id[y.p.i]));
  // Only rows of section 3 ask why a school was left out.
  let excluded: Map<string, Exclusion> | undefined;
  const leftOut = () => (excluded ??= new Map(a.eligibility.excluded.map((e) => [e.school.id, e])));
  const historyText = (h: Consistency, y: YearAnalysis) => [...h.history.map((x) => `${x.year}${x.candidate ? '✓' : '·'}`), ...(y === a ? [] : [`${a.year}–`])].join(' ');
  // With one year, every row's history is the same: written once.
  const oneYearHistory = oneYear && historyText(oneYear, a);
  const rows = keyed.map(({ p: { y, i, h, section } }) => {
    const comparison = y.comparisons.get(i);
    const t = y.families.schools;
    const row: Record<string, Cell> = familyRow(y, i, comparison);
    row.candidate = y === a ? comparison.candidate : false;
    row.years_candidate = h.yearsCandidate;
    row.years_loaded = h.yearsLoaded;
    row.consistent = multi ? h.consistent : null;
    row.robust = robust && y === a ? robust.get(i)! : null;
    row.robust_tried = robust && y === a ? ROBUSTNESS_CHECKS.length : null;
    row.history = h === oneYear ? oneYearHistory! : historyText(h, y);
    const why = candidateReason(comparison, { ciLow: orNull(t.ciLow[i]), ciHigh: orNull(t.ciHigh[i]) }, rule);
    if (section < 3) row.reason = why;
    else {
      const e = leftOut().get(t.id[i]);
      row.reason = `${e ? `left out of the ${a.year} families: ${reasonWords(e.reason, ctx.labels)}` : `not in the ${a.year} file`}; in ${y.year}: ${why}`;
    }
    return row;
  });
  // Wide columns go to csv/json/xlsx only, so the terminal table fits.
  const wide = new Set(['year', 'family', 'family_size', 'family_mean', 'family_sd', 'percentile', 'reason', 'years_candidate', 'years_loaded', ...(multi ? [] : ['history', 'consistent'])]);
  const columns = pick([...FAMILY_COLUMNS, ['candidate', { label: `cand. ${a.year}` }], 'years_candidate', 'years_loaded', 'consistent', 'robust', 'robust_tried', 'history', 'reason'], ctx.naming()).map((col) =>
    wide.has(col.key) ? { ...col, wide: true } : col,
  );
  const inSection = [0, 1, 2, 3].map((k) => picked.filter((p) => p.section === k).length);
  const captions = [
    `Consistent: a candidate in at least ${c.consistent.k} of its last ${c.consistent.n} years, and in ${a.year}`,
    `Candidate in ${a.year} only so far: less secure`,
    `Consistent over the years, not a candidate in ${a.year}`,
    `Consistent in earlier years, not compared in ${a.year} (not in the ${a.year} file, or left out of its families)`,
  ];
  const parts = multi
    ? captions.flatMap((caption, k) => (inSection[k] ? [{ at: inSection.slice(0, k).reduce((x, y) => x + y, 0), caption }] : []))
    : undefined;
  const consistentCount = inSection[0];
  const n = a.families.schools.length;
  const shown = inSection[0] + inSection[1];
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  let among = `among ${n} eligible schools`;
  if (sel.active) {
    let selected = 0;
    let everywhere = 0;
    for (let i = 0; i < n; i++) {
      if (keep(a, i)) selected++;
      if (a.comparisons.candidate(i)) everywhere++;
    }
    among = `in ${sel.words} (${selected} of the ${n} eligible schools); ${everywhere} among all ${n}, in whose families they are judged`;
  }
  const summary = [
    `${plural(shown, 'candidate partner')}${duringYear(a.year)} ${among}: z ${c.rule.lowerIsBetter ? `≤ ${-c.rule.threshold} (lower is better)` : `≥ ${c.rule.threshold}`} against ${describeMethod(a, ctx.labels)}${map.ci ? `, and ${c.rule.lowerIsBetter ? 'upper' : 'lower'} bound ${map.ci.join('/')} beyond the family median` : ''}.`,
  ];
  if (multi) {
    const more = [inSection[2] && `${inSection[2]} more consistent but not a candidate in ${a.year}`, inSection[3] && `${inSection[3]} consistent in earlier years but not compared in ${a.year}`].filter(Boolean);
    summary.push(`${consistentCount} of them consistent over ${upTo.map((y) => y.year).join(', ')} (candidate in ≥ ${c.consistent.k} of the last ${c.consistent.n} years each school has)${more.length ? `; ${more.join('; ')}, each in its own section` : ''}.`);
  } else summary.push('One year loaded: load several years (--attainment YEAR=FILE …) to see which candidates are consistent.');
  // Grammar schools among the rest, with nothing to tell them apart: said as check and report say it.
  const selective = selectiveNote(map.measure, c.families.match ?? [], a.families.schools.measure);
  if (selective) summary.push(selective);
  return {
    title: `Candidate partners: schools that outperform their family${inYear(a.year)}`,
    summary,
    tables: [{ id: 'outperformers', columns, rows, parts }],
    notes: [
      robust ? `robust: in how many of ${ROBUSTNESS_CHECKS.map((r) => checkName(r, ctx.labels)).join(', ')} the school is still a candidate.` : 'robustness check skipped (--no-robust).',
      'A candidate is a school worth visiting, not a verdict: read its family report (fos report ID) first.',
      ...followedNote(ctx, upTo, keyed.map(({ p }) => p.y.families.schools.id[p.i])),
    ],
    charts: [],
    meta: ctx.meta(rows.length),
  };
}

/** With --links, the schools listed whose history counts years under an earlier URN, said once: "144976 (was URN 121664 until 2017)". */
function followedNote(ctx: CommandContext, years: readonly YearAnalysis[], ids: readonly string[]): string[] {
  const links = ctx.links();
  if (!links || years.length < 2) return [];
  const history = urnHistory(years.map((y) => y.data), ctx.key());
  // The schools listed that have a row under an earlier URN in the years looked at.
  const movedKeys = new Set(history.moved.map((m) => m.key));
  const moved = [...new Set(ids.map(ctx.key()))].filter((k) => movedKeys.has(k));
  if (!moved.length) return [];
  return [`Followed across a change of URN (${basename(links.file)}), its years under the earlier URN counted as its own: ${moved.map((k) => `${k} (${wasUrn(links, k, (urn) => history.lastYear.get(urn))})`).join('; ')}.`];
}
