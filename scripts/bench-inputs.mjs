// Writes synthetic DfE-format inputs of a given size for the benchmark (seeded).
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { censusFile, ks4File, makeSchools } from './sample-generator.mjs';

export function benchInputs(dir, n) {
  const ks4 = join(dir, `ks4_${n}.csv`);
  const census = join(dir, `census_${n}.csv`);
  if (!existsSync(ks4) || !existsSync(census)) {
    mkdirSync(dir, { recursive: true });
    const schools = makeSchools({ n, seed: 7, specials: Math.round(n * 0.03), primaries: Math.round(n * 0.1) });
    writeFileSync(ks4, ks4File(schools, 0, 7));
    writeFileSync(census, censusFile(schools, 0, 7));
  }
  return { ks4, census };
}
