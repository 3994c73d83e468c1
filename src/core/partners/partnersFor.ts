import type { YearAnalysis } from '../analyse.js';
import { membersOf } from '../families/buildFamilies.js';
import { distanceBetween } from '../families/context.js';
import { sortedFamily, standing } from '../compare/standing.js';
import type { Location } from '../types.js';

export interface PartnerOptions {
  sameLa: boolean;
  otherLa: boolean;
  /** Largest distance in km; needs locations. */
  maxKm?: number;
  lowerIsBetter: boolean;
  /** How many subjects to name as strongest / weakest. */
  topSubjects: number;
}

export interface Partner {
  index: number;
  /** Context distance to the school (standardised units). */
  distance: number;
  /** measure − the school's measure, in the better direction. */
  lead: number;
  km: number | null;
  strengths: { subject: string; z: number }[];
  /** True when offered from just outside the family because no member does better. */
  outsideFamily: boolean;
}

export interface PartnersResult {
  school: number;
  partners: Partner[];
  /** Members of the family that do better than the school but are not candidates. */
  betterNonCandidates: number;
  filteredOut: number;
  locationsKnown: boolean;
  weakest: { subject: string; z: number }[];
}

/**
 * Partners for one school (docs/methodology.md, Partners for one school): the candidate partners in
 * its family that do better than it, closest context first, then by size of lead, then
 * id; filtered by authority and distance. When no member qualifies, the nearest
 * candidates outside the family that do better are offered instead (up to five).
 * Subject strengths: each partner's subject z within its own family; the school's
 * weakest subjects likewise.
 */
export function partnersFor(a: YearAnalysis, school: number, o: PartnerOptions): PartnersResult {
  const { schools, families, space } = a.families;
  const me = schools[school];
  const better = (j: number) => (o.lowerIsBetter ? me.measure! - schools[j].measure! : schools[j].measure! - me.measure!);
  const locationsKnown = schools.some((s) => s.location !== null);
  const members = new Set(membersOf(families, school));
  let filteredOut = 0;
  let betterNonCandidates = 0;

  const qualify = (j: number, outsideFamily: boolean): Partner | undefined => {
    if (j === school || better(j) <= 0) return undefined;
    if (!a.comparisons.candidate(j)) {
      if (!outsideFamily) betterNonCandidates++;
      return undefined;
    }
    const km = me.location && schools[j].location ? kmBetween(me.location, schools[j].location!) : null;
    if ((o.sameLa && schools[j].la !== me.la) || (o.otherLa && schools[j].la === me.la) || (o.maxKm !== undefined && (km === null || km > o.maxKm))) {
      filteredOut++;
      return undefined;
    }
    return { index: j, distance: distanceBetween(space, school, j).distance, lead: better(j), km, strengths: [], outsideFamily };
  };
  const order = (x: Partner, y: Partner) => x.distance - y.distance || y.lead - x.lead || a.families.idRank[x.index] - a.families.idRank[y.index];

  let partners = [...members].map((j) => qualify(j, false)).filter((p): p is Partner => p !== undefined).sort(order);
  if (partners.length === 0) {
    const outside = schools.map((_, j) => j).filter((j) => !members.has(j));
    partners = outside.map((j) => qualify(j, true)).filter((p): p is Partner => p !== undefined).sort(order).slice(0, 5);
  }

  const subjects = Object.keys(me.subjects);
  const subjectZ = (i: number) =>
    subjects
      .map((subject) => {
        const own = schools[i].subjects[subject];
        if (own === null || own === undefined) return undefined;
        const values = membersOf(families, i).map((j) => schools[j].subjects[subject]).filter((v): v is number => v !== null && v !== undefined);
        const z = standing(sortedFamily(values), own, false).z;
        return z === null ? undefined : { subject, z: o.lowerIsBetter ? -z : z };
      })
      .filter((s): s is { subject: string; z: number } => s !== undefined);
  for (const p of partners) p.strengths = subjectZ(p.index).sort((x, y) => y.z - x.z).slice(0, o.topSubjects);
  const weakest = subjectZ(school).sort((x, y) => x.z - y.z).slice(0, o.topSubjects);
  return { school, partners, betterNonCandidates, filteredOut, locationsKnown, weakest };
}

/**
 * Distance in km: great-circle (haversine, Earth radius 6371 km) for latitude/longitude,
 * straight line for easting/northing in metres (British National Grid).
 */
export function kmBetween(a: Location, b: Location): number {
  if (a.kind === 'en' || b.kind === 'en') return Math.hypot(a.x - b.x, a.y - b.y) / 1000;
  const rad = Math.PI / 180;
  const dLat = (b.y - a.y) * rad;
  const dLon = (b.x - a.x) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.y * rad) * Math.cos(b.y * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
