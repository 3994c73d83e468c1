import { candidateReason } from '../../core/compare/compareFamilies.js';
import { membersOf } from '../../core/families/buildFamilies.js';
import { contextValue, distanceBetween } from '../../core/families/context.js';
import { findSchool } from '../../core/findSchool.js';
import { pick } from '../../report/columns.js';
import { describeMethod } from '../../report/describeMethod.js';
import { schoolCells } from '../../report/schoolCells.js';
import type { Cell, Report } from '../../report/model.js';
import type { CommandContext } from '../context.js';
import { familyCharts, ordinal, verdict } from '../../report/verdict.js';
import { schoolRows } from '../../core/load/schoolTable.js';
import { contextBeside } from '../../core/families/contextBeside.js';
import { selectiveNote } from '../../core/families/selectiveNote.js';
import { fsmValue, variableName } from '../../report/labels.js';
import { inYear } from '../../report/inYear.js';
import { percentMeasure } from '../../report/percentMeasure.js';

/**
 * `fos report <school>`: the page an analyst prints. The school, how its family was made,
 * every member best first with its context, distance and the variable that sets it apart,
 * the school's row highlighted, and a one-line verdict.
 */
export function report(ctx: CommandContext): Report {
  const c = ctx.config;
  const a = ctx.yearAnalysis();
  const { map } = ctx.load();
  const i = findSchool(a, c.schoolArg!);
  const schools = schoolRows(a.families.schools);
  const me = schools[i];
  const cmp = a.comparisons.get(i);
  const members = membersOf(a.families.families, i);
  const better = (x: number, y: number) => (c.rule.lowerIsBetter ? x - y : y - x);
  const sorted = [...members].sort((x, y) => better(schools[x].measure!, schools[y].measure!) || a.families.idRank[x] - a.families.idRank[y]);
  const extra = c.families.context.filter((v) => v.name !== 'fsm');
  const fsmValues = members.map((j) => schools[j].fsm!);

  const value = (j: number) => schools[j].measure!;
  const L = ctx.labels;
  const M = ctx.measureName();
  const rows = sorted.map((j) => {
    const s = schools[j];
    const d = distanceBetween(a.families.space, i, j);
    const row: Record<string, Cell> = {
      // Place within this family (ties share the better place).
      position: 1 + members.filter((k) => better(value(k), value(j)) < 0).length,
      ...schoolCells(a.families.schools, j),
      vs_school: j === i ? null : s.measure! - me.measure!,
      distance: j === i ? null : d.distance,
      main_difference: j === i || d.distance === 0 ? null : variableName(L, d.main),
      candidate: a.comparisons.candidate(j),
    };
    for (const v of extra) row[v.name] = contextValue(s, v.name);
    return row;
  });
  const naming = ctx.naming(me.id);
  const columns = pick(
    [
      'position',
      'id',
      'name',
      'la',
      'fsm',
      ...extra.map((v) => ({ name: v.name, type: 'number' as const, digits: 1, about: `context variable ${v.name}`, label: map.context[v.name] && map.context[v.name].toLowerCase() !== v.name ? `${v.name} (${map.context[v.name]})` : v.name })),
      'measure',
      'cohort',
      'vs_school',
      'distance',
      'main_difference',
      ['candidate', { label: 'partner?' }],
    ],
    naming,
  );
  // Each context variable: the school beside the other members (range, median, middle 90%).
  const alike = c.families.context.flatMap((v) => {
    const b = contextBeside(v.name, contextValue(me, v.name) ?? NaN, members.filter((j) => j !== i).map((j) => contextValue(schools[j], v.name) ?? NaN));
    return b ? [b] : [];
  });
  const edges = alike.filter((b) => b.atEdge).map((b) => `${variableName(L, b.name)} ${b.value} (the others' middle 90%: ${round(b.p5)}–${round(b.p95)})`);
  const note = selectiveNote(map.measure, c.families.match ?? [], members.map(value));
  const standing: Record<string, Cell> = {
    family_size: cmp.size,
    family_median: cmp.median,
    family_mean: cmp.mean,
    family_sd: cmp.sd,
    gap: cmp.gap,
    z: cmp.z,
    rank: cmp.rank,
    percentile: cmp.percentile,
    label: cmp.label,
    candidate: cmp.candidate,
  };
  return {
    title: `${me.name} (${me.id})${inYear(a.year)}: ${M} among similar schools`,
    summary: [
      verdict(cmp, c.rule.lowerIsBetter, naming.digits),
      `${me.name}: ${L.la} ${me.la || '–'}, ${fsmValue(L, me.fsm!)}, ${M} ${me.measure}${me.cohort !== null ? `, cohort ${me.cohort}` : ''}.`,
      `Family: ${describeMethod(a, L)}; ${members.length} schools with ${fsmValue(L, `${Math.min(...fsmValues)}–${Math.max(...fsmValues)}`)}${members.length > c.families.size && c.families.method === 'neighbours' ? ` (more than ${c.families.size}: tied schools kept)` : ''}.`,
      `It is ${ordinal(cmp.rank)} of ${cmp.size}; candidate partner: ${cmp.candidate ? 'yes' : `no (${candidateReason(cmp, me, { threshold: c.rule.threshold, lowerIsBetter: c.rule.lowerIsBetter, hasBounds: map.ci !== undefined })})`}.`,
      ...(edges.length ? [`At the edge of its family on ${edges.join('; ')}: the family is less alike there.`] : []),
      ...(note ? [note] : []),
    ],
    tables: [
      { id: 'members', title: 'Family members, best first', columns, rows, highlight: [sorted.indexOf(i)] },
      {
        id: 'context',
        title: 'How alike: the school beside the other members',
        columns: pick(['variable', 'school_value', 'others_min', 'others_median', 'others_max', 'at_edge'], naming),
        rows: alike.map((b) => ({ variable: variableName(L, b.name), school_value: b.value, others_min: b.min, others_median: b.median, others_max: b.max, at_edge: b.atEdge })),
      },
      {
        id: 'standing',
        title: 'Standing (statistics over the other members)',
        columns: pick(['family_size', 'family_median', 'family_mean', 'family_sd', 'gap', 'z', 'rank', ['percentile', { label: 'percentile' }], 'label', 'candidate'], naming),
        rows: [standing],
      },
    ],
    notes: [
      'distance: how far a member’s context is from this school’s, in standard deviations (weighted); "most different in" names the variable that contributes most to it.',
      'vs: the member’s measure minus this school’s.',
    ],
    charts: familyCharts(a, i, members, M, L, percentMeasure(map.measure)),
    meta: ctx.meta(rows.length),
  };
}

/** A percentile as shown in a sentence: at most one decimal. */
function round(x: number): number {
  return Math.round(x * 10) / 10;
}
