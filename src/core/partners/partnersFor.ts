import type { YearAnalysis } from '../analyse.js';
import { membersOf } from '../families/buildFamilies.js';
import { distanceBetween } from '../families/context.js';
import { sortedFamily, standing } from '../compare/standing.js';
import { schoolRows } from '../load/schoolTable.js';
import type { Location } from '../types.js';

export interface PartnerOptions {
  sameLa: boolean;
  otherLa: boolean;
  /** Largest distance in km; needs locations. */
  maxKm?: number;
  lowerIsBetter: boolean;
  /** How many subjects to name as strongest (above the partner's family) / weakest (below the school's). */
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

/** Candidates doing better that the filters left out: how many by authority, how many by
 * distance, and how far the nearest of those left out by distance is. */
export interface LeftOut {
  byLa: number;
  byKm: number;
  nearestKm: number | null;
}

export interface PartnersResult {
  school: number;
  partners: Partner[];
  /** Members of the family that do better than the school but are not candidates. */
  betterNonCandidates: number;
  /** Left out by the filters, in the family and (searched only when no member qualifies) outside it. */
  leftOut: { family: LeftOut; outside: LeftOut };
  locationsKnown: boolean;
  /** The school's subjects below its family (z < 0 in the better direction), weakest first. */
  weakest: { subject: string; z: number }[];
  /** How many of the school's subjects could be placed in its family at all. */
  subjectsPlaced: number;
}

/**
 * Partners for one school (docs/methodology.md, Partners for one school): the candidate partners in
 * its family that do better than it, closest context first, then by size of lead, then
 * id; filtered by authority, then by distance (each candidate left out is counted under
 * the first filter it fails, with the nearest left out by distance). When no member qualifies, the nearest
 * candidates outside the family that do better are offered instead (up to five).
 * Subject strengths: each partner's subjects above its own family (z > 0), best first; the
 * school's weakest: its subjects below its family (z < 0), weakest first.
 */
export function partnersFor(a: YearAnalysis, school: number, o: PartnerOptions): PartnersResult {
  const { families, space } = a.families;
  const schools = schoolRows(a.families.schools);
  const me = schools[school];
  const better = (j: number) => (o.lowerIsBetter ? me.measure! - schools[j].measure! : schools[j].measure! - me.measure!);
  const locationsKnown = schools.some((s) => s.location !== null);
  const members = new Set(membersOf(families, school));
  let betterNonCandidates = 0;
  const leftOut = { family: { byLa: 0, byKm: 0, nearestKm: null }, outside: { byLa: 0, byKm: 0, nearestKm: null } } as PartnersResult['leftOut'];

  const qualify = (j: number, outsideFamily: boolean): Partner | undefined => {
    if (j === school || better(j) <= 0) return undefined;
    if (!a.comparisons.candidate(j)) {
      if (!outsideFamily) betterNonCandidates++;
      return undefined;
    }
    const km = me.location && schools[j].location ? kmBetween(me.location, schools[j].location!) : null;
    const left = outsideFamily ? leftOut.outside : leftOut.family;
    if ((o.sameLa && schools[j].la !== me.la) || (o.otherLa && schools[j].la === me.la)) {
      left.byLa++;
      return undefined;
    }
    if (o.maxKm !== undefined && (km === null || km > o.maxKm)) {
      left.byKm++;
      if (km !== null && (left.nearestKm === null || km < left.nearestKm)) left.nearestKm = km;
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
  // Strongest: above the partner's own family (z > 0 in the better direction); weakest: below the school's.
  for (const p of partners) p.strengths = subjectZ(p.index).filter((x) => x.z > 0).sort((x, y) => y.z - x.z).slice(0, o.topSubjects);
  const own = subjectZ(school);
  const weakest = own.filter((x) => x.z < 0).sort((x, y) => x.z - y.z).slice(0, o.topSubjects);
  return { school, partners, betterNonCandidates, leftOut, locationsKnown, weakest, subjectsPlaced: own.length };
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
