import { candidateReason } from '../../core/compare/compareFamilies.js';
import { membersOf } from '../../core/families/buildFamilies.js';
import { contextValue, distanceBetween } from '../../core/families/context.js';
import { findSchool } from '../../core/findSchool.js';
import { describeMethod } from '../../report/familyColumns.js';
import type { Cell, Column, Report } from '../../report/model.js';
import type { CommandContext } from '../context.js';
import { familyCharts, ordinal, verdict } from '../../report/verdict.js';

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
  const me = a.families.schools[i];
  const cmp = a.comparisons.get(i);
  const members = membersOf(a.families.families, i);
  const better = (x: number, y: number) => (c.lowerIsBetter ? x - y : y - x);
  const sorted = [...members].sort((x, y) => better(a.families.schools[x].measure!, a.families.schools[y].measure!) || a.families.idRank[x] - a.families.idRank[y]);
  const extra = c.context.filter((v) => v.name !== 'fsm');
  const fsmValues = members.map((j) => a.families.schools[j].fsm!);

  const value = (j: number) => a.families.schools[j].measure!;
  const rows = sorted.map((j) => {
    const s = a.families.schools[j];
    const d = distanceBetween(a.families.space, i, j);
    const row: Record<string, Cell> = {
      // Place within this family (ties share the better place).
      position: 1 + members.filter((k) => better(value(k), value(j)) < 0).length,
      id: s.id,
      name: s.name,
      la: s.la,
      fsm: s.fsm,
      measure: s.measure,
      cohort: s.cohort,
      vs_school: j === i ? null : s.measure! - me.measure!,
      distance: j === i ? null : d.distance,
      main_difference: j === i || d.distance === 0 ? null : d.main,
      candidate: a.comparisons.candidate(j),
    };
    for (const v of extra) row[v.name] = contextValue(s, v.name);
    return row;
  });
  const columns: Column[] = [
    { key: 'position', header: 'position', type: 'int', label: '#' },
    { key: 'id', header: 'id', type: 'text' },
    { key: 'name', header: 'name', type: 'text' },
    { key: 'la', header: 'la', type: 'text', label: 'LA' },
    { key: 'fsm', header: 'fsm', type: 'number', digits: 1, label: '% FSM' },
    ...extra.map((v): Column => ({ key: v.name, header: v.name, type: 'number', digits: 1, label: map.context[v.name] && map.context[v.name].toLowerCase() !== v.name ? `${v.name} (${map.context[v.name]})` : v.name })),
    { key: 'measure', header: 'measure', type: 'number', digits: 1, label: map.measure },
    { key: 'cohort', header: 'cohort', type: 'int' },
    { key: 'vs_school', header: 'vs_school', type: 'number', digits: 1, label: `vs ${me.id}` },
    { key: 'distance', header: 'distance', type: 'number', digits: 3 },
    { key: 'main_difference', header: 'main_difference', type: 'text', label: 'most different in' },
    { key: 'candidate', header: 'candidate', type: 'bool', label: 'partner?' },
  ];
  const standing: Record<string, Cell> = {
    family_size: cmp.size,
    family_median: cmp.median,
    family_mean: cmp.mean,
    family_sd: cmp.sd,
    gap: cmp.gap,
    z: cmp.z,
    rank: `${cmp.rank}/${cmp.size}`,
    percentile: cmp.percentile,
    label: cmp.label,
    candidate: cmp.candidate,
  };
  return {
    title: `${me.name} (${me.id}), ${a.year}: ${map.measure} among similar schools`,
    summary: [
      verdict(cmp, c.lowerIsBetter),
      `${me.name}: LA ${me.la || '–'}, ${me.fsm}% FSM, ${map.measure} ${me.measure}${me.cohort !== null ? `, cohort ${me.cohort}` : ''}.`,
      `Family: ${describeMethod(a)}; ${members.length} schools with ${Math.min(...fsmValues)}–${Math.max(...fsmValues)}% FSM${members.length > c.size && c.method === 'neighbours' ? ` (more than ${c.size}: tied schools kept)` : ''}.`,
      `It is ${ordinal(cmp.rank)} of ${cmp.size}; candidate partner: ${cmp.candidate ? 'yes' : `no (${candidateReason(cmp, me, { threshold: c.threshold, lowerIsBetter: c.lowerIsBetter, hasBounds: map.ci !== undefined })})`}.`,
    ],
    tables: [
      { id: 'members', title: 'Family members, best first', columns, rows, highlight: [sorted.indexOf(i)] },
      {
        id: 'standing',
        title: 'Standing (statistics over the other members)',
        columns: [
          { key: 'family_size', header: 'family_size', type: 'int', label: 'size' },
          { key: 'family_median', header: 'family_median', type: 'number', digits: 1, label: 'median' },
          { key: 'family_mean', header: 'family_mean', type: 'number', digits: 1, label: 'mean' },
          { key: 'family_sd', header: 'family_sd', type: 'number', digits: 2, label: 'SD' },
          { key: 'gap', header: 'gap', type: 'number', digits: 1 },
          { key: 'z', header: 'z', type: 'number', digits: 2 },
          { key: 'rank', header: 'rank', type: 'text' },
          { key: 'percentile', header: 'percentile', type: 'number', digits: 0 },
          { key: 'label', header: 'label', type: 'text' },
          { key: 'candidate', header: 'candidate', type: 'bool' },
        ],
        rows: [standing],
      },
    ],
    notes: [
      'distance: how far a member’s context is from this school’s, in standard deviations (weighted); "most different in" names the variable that contributes most to it.',
      'vs: the member’s measure minus this school’s.',
    ],
    charts: familyCharts(a, i, members, map.measure),
    meta: ctx.meta(rows.length),
  };
}
