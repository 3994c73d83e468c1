// Seeded generator of a small New York City style school file (invented schools; nothing
// from a real file): the columns a NYC Department of Education export has (DBN, School
// Name, District, % Poverty, Mean Score, Number Tested), one file per year (2019 with a
// city total row), and a manifest
// naming them with the words a New York report uses (labels). Used by
// test/report/labels.test.ts; `node scripts/newyork-fixture.mjs DIR` writes it to DIR.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './sample-generator.mjs';

// Names with "la", "fsm"-free and "England"-free words inside other words (Atlantic,
// Plaza, Island), so that a word-boundary check is put to the test.
const STREETS = ['Atlantic Avenue', 'Plaza', 'Island Bay', 'Columbus', 'Hudson Heights', 'Flatbush', 'Harlem River', 'Clarendon', 'Lafayette', 'Bay Ridge'];
const KINDS = ['Academy', 'Middle School', 'School for the Arts', 'Collegiate', 'Prep'];
const BOROUGHS = ['M', 'X', 'K', 'Q', 'R'];

/** The files: { 'nyc_2018.csv': text, 'nyc_2019.csv': text, 'fos.json': text }. */
export function newYorkFiles({ schools = 60, seed = 2019 } = {}) {
  const rand = rng(seed);
  const base = Array.from({ length: schools }, (_, k) => {
    const district = String(1 + (k % 6)).padStart(2, '0');
    return {
      dbn: `${district}${BOROUGHS[k % 5]}${String(100 + k * 7).padStart(3, '0')}`,
      name: `P.S. ${100 + k * 7} ${STREETS[k % STREETS.length]} ${KINDS[Math.floor(k / STREETS.length) % KINDS.length]}`,
      district,
      poverty: 20 + Math.round(rand() * 750) / 10,
      tested: 30 + Math.floor(rand() * 150),
    };
  });
  const out = {};
  for (const year of ['2018', '2019']) {
    const lines = ['DBN,School Name,District,% Poverty,Mean Score,Number Tested'];
    for (const s of base) {
      const poverty = Math.min(99, Math.max(1, Math.round((s.poverty + (rand() - 0.5) * 4) * 10) / 10));
      const score = Math.round((330 - 0.6 * poverty + (rand() - 0.5) * 24) * 10) / 10;
      lines.push([s.dbn, s.name, s.district, `${poverty}%`, score, s.tested + Math.floor(rand() * 10)].join(','));
    }
    // 2019 ends with the city's own figure, a row without a DBN (as a published total row
    // is), so reports name a published figure in New York's words; 2018 has none.
    if (year === '2019') lines.push(',New York City total,,50%,290.1,9000');
    out[`nyc_${year}.csv`] = lines.join('\n') + '\n';
  }
  out['fos.json'] =
    JSON.stringify(
      {
        years: { 2018: { attainment: 'nyc_2018.csv' }, 2019: { attainment: 'nyc_2019.csv' } },
        columns: { id: 'DBN', name: 'School Name', la: 'District', measure: 'Mean Score', fsm: '% Poverty', cohort: 'Number Tested' },
        labels: { la: 'District', fsm: '% low income', nation: 'New York City', 'Mean Score': 'Mean scale score' },
      },
      null,
      2,
    ) + '\n';
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node scripts/newyork-fixture.mjs DIR');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(newYorkFiles())) writeFileSync(join(dir, name), text);
}
