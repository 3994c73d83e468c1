#!/usr/bin/env node
// Writes the bundled synthetic sample in data/: three years of KS4 and census files in
// the DfE formats, and the manifest data/fos.json. Seeded: running it again gives the
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
const manifest = { years: {}, columns: { context: { eal: 'PNUMEAL', sen: 'PSENELK' }, location: 'EASTING,NORTHING' } };
YEARS.forEach((year, i) => {
  writeFileSync(join(out, `ks4_${year}.csv`), ks4File(schools, i, SEED));
  writeFileSync(join(out, `census_${year}.csv`), censusFile(schools, i, SEED));
  manifest.years[year] = { attainment: `ks4_${year}.csv`, fsm: `census_${year}.csv` };
});
writeFileSync(join(out, 'fos.json'), JSON.stringify(manifest, null, 2) + '\n');
console.error(`wrote ${YEARS.length} years of synthetic data for ${schools.length} schools to ${out}`);
