#!/usr/bin/env node
// Writes the bundled synthetic sample in data/: three years of KS4 and census files in
// the DfE formats, a links file in the GIAS layout (two schools that become academies
// under a new URN), and the manifest data/fos.json. Seeded: running it again gives the
// same bytes. Usage: npm run generate
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { censusFile, ks4File, makeSchools } from './sample-generator.mjs';

const SEED = 2019;
const YEARS = ['2017', '2018', '2019'];
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');
mkdirSync(out, { recursive: true });
const schools = makeSchools({ n: 300, seed: SEED });
// Two schools become academies under a new URN, as GIAS links record (the figures are the
// same school's: only the id, and for one the name, change): from the year index `from`
// on, their rows carry the new URN. Both are consistent candidates over the three years.
const CONVERSIONS = [
  { urn: '131524', from: 1, newUrn: '147524', date: '01-04-2017' },
  { urn: '130486', from: 2, newUrn: '148486', name: 'Brook Lane Academy', date: '01-09-2018' },
];
for (const c of CONVERSIONS) {
  const s = schools.find((x) => x.urn === c.urn);
  if (!s || s.kind !== 'secondary' || s.opened) throw new Error(`sample: no secondary school ${c.urn} in every year to convert`);
  c.oldName = s.name;
}
const inYear = (i) =>
  schools.map((s) => {
    const c = CONVERSIONS.find((x) => x.urn === s.urn && i >= x.from);
    return c ? { ...s, urn: c.newUrn, name: c.name ?? s.name } : s;
  });
const manifest = { years: {}, columns: { context: { eal: 'PNUMEAL', sen: 'PSENELK' }, location: 'EASTING,NORTHING' }, links: 'links.csv' };
YEARS.forEach((year, i) => {
  writeFileSync(join(out, `ks4_${year}.csv`), ks4File(inYear(i), i, SEED));
  writeFileSync(join(out, `census_${year}.csv`), censusFile(inYear(i), i, SEED));
  manifest.years[year] = { attainment: `ks4_${year}.csv`, fsm: `census_${year}.csv` };
});
// GIAS layout (links_edubasealldata*.csv): every field quoted but the URNs, CRLF, each
// link from both ends; plus a merge into the new academy, which fos names but does not follow.
const link = (urn, linkUrn, name, type, date) => `${urn},${linkUrn},"${name}","${type}","${date}"`;
const links = [
  '"URN","LinkURN","LinkName","LinkType","LinkEstablishedDate"',
  ...CONVERSIONS.flatMap((c) => [
    { at: c.urn, row: link(c.urn, c.newUrn, c.name ?? c.oldName, 'Successor', c.date) },
    { at: c.newUrn, row: link(c.newUrn, c.urn, c.oldName, 'Predecessor', c.date) },
  ]),
  { at: '139999', row: link('139999', '148486', 'Brook Lane Academy', 'Successor - merged', '01-09-2018') },
  { at: '148486', row: link('148486', '139999', 'Brook Lane Lower School', 'Predecessor - merged', '01-09-2018') },
]
  .map((r) => (typeof r === 'string' ? { at: '', row: r } : r))
  .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
  .map((r) => r.row);
writeFileSync(join(out, 'links.csv'), links.join('\r\n') + '\r\n');
writeFileSync(join(out, 'fos.json'), JSON.stringify(manifest, null, 2) + '\n');
console.error(`wrote ${YEARS.length} years of synthetic data for ${schools.length} schools to ${out}`);
