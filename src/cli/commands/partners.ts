import { findSchool } from '../../core/findSchool.js';
import { partnersFor } from '../../core/partners/partnersFor.js';
import { pick } from '../../report/columns.js';
import { describeMethod } from '../../report/describeMethod.js';
import type { Cell, Report } from '../../report/model.js';
import { verdict } from '../../report/verdict.js';
import type { CommandContext } from '../context.js';

/**
 * `fos partners <school>`: the candidate partners in the school's family that do better
 * than it, closest context first, then by lead; filters by authority and distance; each
 * partner's strongest subjects beside the school's weakest when --subjects is given.
 */
export function partners(ctx: CommandContext): Report {
  const c = ctx.config;
  const a = ctx.yearAnalysis();
  const { map } = ctx.load();
  const i = findSchool(a, c.schoolArg!);
  const me = a.families.schools[i];
  const r = partnersFor(a, i, { sameLa: c.sameLa, otherLa: c.otherLa, maxKm: c.maxKm, lowerIsBetter: c.rule.lowerIsBetter, topSubjects: 2 });
  const subjectsOn = map.subjects.length > 0;
  const fmt = (xs: { subject: string; z: number }[]) => xs.map((x) => `${x.subject} (z ${x.z >= 0 ? '+' : ''}${x.z.toFixed(1)})`).join(', ');

  const rows = r.partners.map((p) => {
    const s = a.families.schools[p.index];
    const cmp = a.comparisons.get(p.index);
    const row: Record<string, Cell> = {
      id: s.id,
      name: s.name,
      la: s.la,
      fsm: s.fsm,
      measure: s.measure,
      lead: p.lead,
      z: cmp.z,
      label: cmp.label,
      distance: p.distance,
      km: p.km,
      in_family: !p.outsideFamily,
      strengths: subjectsOn ? fmt(p.strengths) : null,
    };
    return row;
  });
  const columns = pick(
    ['id', 'name', 'la', 'fsm', 'measure', 'lead', ['z', { label: 'z in own family' }], 'label', 'distance', ['km', { wide: !r.locationsKnown }], 'in_family', ['strengths', { wide: !subjectsOn }]],
    ctx.naming(me.id),
  );
  const outside = r.partners.some((p) => p.outsideFamily);
  const summary = [
    `${me.name} (${me.id}), ${a.year}: ${verdict(a.comparisons.get(i), c.rule.lowerIsBetter, ctx.naming().digits)}`,
    `Family: ${describeMethod(a)}.`,
    r.partners.length === 0
      ? 'No candidate partner does better than this school, in its family or near it.'
      : outside
        ? `No member of its family is a candidate partner doing better${r.betterNonCandidates ? ` (${r.betterNonCandidates} do better but are not candidates)` : ''}; the nearest candidates just outside the family are offered instead.`
        : `${r.partners.length} candidate partner${r.partners.length === 1 ? '' : 's'} in the family do better, closest context first.`,
  ];
  if (subjectsOn) summary.push(r.weakest.length ? `${me.name}'s weakest subjects against its family: ${fmt(r.weakest)}.` : `No subject figures for ${me.name}.`);
  const notes: string[] = [];
  if (r.filteredOut) notes.push(`${r.filteredOut} candidate${r.filteredOut === 1 ? '' : 's'} left out by ${[c.sameLa && '--same-la', c.otherLa && '--other-la', c.maxKm !== undefined && '--max-km'].filter(Boolean).join(', ')}.`);
  if (!r.locationsKnown) notes.push('Locations are not known for these schools, so distances in km are not shown; pass --location-cols LATITUDE,LONGITUDE or EASTING,NORTHING.');
  if (c.maxKm !== undefined && !r.locationsKnown) notes.push('--max-km needs locations: with none known, no school can qualify.');
  notes.push('distance: how far the partner’s context is from this school’s, in standard deviations.');
  return { title: `Partners for ${me.name}, ${a.year}`, summary, tables: [{ id: 'partners', columns, rows }], notes, charts: [], meta: ctx.meta(rows.length) };
}
