// Seeded generator of synthetic school data in the DfE file formats (KS4 performance
// tables and school census), used for the bundled sample (data/) and the benchmark.
// Every name, id and figure is invented; nothing comes from a real file.

/** mulberry32: a small, fast, seeded PRNG (public domain). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand) {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

const TOWNS = ['Ashbury', 'Brackenford', 'Cressingham', 'Dunmere', 'Elverton', 'Foxhollow', 'Greywater', 'Harrowby', 'Ingleston', 'Juniper Vale', 'Kestrel Bay', 'Larchmont', 'Millbrook', 'Northcote', 'Oakhurst', 'Pennington', 'Quarry Hill', 'Ravensmoor', 'Saltmarsh', 'Thornbury Green', 'Upton Wick', 'Valemouth', 'Westerleigh', 'Yarrowfield'];
const STEMS = ['St Aidan’s', 'St Mary’s', 'Holy Cross', 'Riverside', 'Hilltop', 'Oakfield', 'Meadowbank', 'Kingsmead', 'Beacon', 'Castle View', 'Parkside', 'Brook Lane', 'Fairfield', 'Highcliffe', 'Moorland', 'Lakeside', 'Greenway', 'Orchard', 'Heathside', 'Ridgeway'];
const KINDS = ['Academy', 'High School', 'School', 'Community College', 'Church of England Academy', 'Catholic High School', 'Free School', 'Grammar School'];
export const LAS = [
  { code: '971', name: 'Northmoor', fsm: 32 },
  { code: '972', name: 'Eastwick', fsm: 14 },
  { code: '973', name: 'Southvale', fsm: 22 },
  { code: '974', name: 'Westbury Downs', fsm: 9 },
  { code: '975', name: 'Harbourside', fsm: 40 },
  { code: '976', name: 'Midshire', fsm: 18 },
];

/**
 * Make `n` secondary schools (plus special schools and census-only primaries) with a
 * persistent school effect, so some schools outperform their intake year after year.
 */
export function makeSchools({ n, seed = 2019, specials = Math.round(n * 0.06), primaries = Math.round(n * 0.5) }) {
  const rand = rng(seed);
  const schools = [];
  const used = new Map();
  const name = () => {
    for (;;) {
      const town = TOWNS[Math.floor(rand() * TOWNS.length)];
      const stem = STEMS[Math.floor(rand() * STEMS.length)];
      const kind = KINDS[Math.floor(rand() * KINDS.length)];
      const base = rand() < 0.5 ? `${stem} ${kind}` : `${town} ${stem} ${kind}`;
      const seen = used.get(base) ?? 0;
      used.set(base, seen + 1);
      return seen === 0 ? base : `${base} ${seen === 1 ? 'North' : seen === 2 ? 'South' : seen + 1}`;
    }
  };
  const total = n + specials + primaries;
  for (let i = 0; i < total; i++) {
    const la = LAS[Math.floor(rand() * LAS.length)];
    const kind = i < n ? 'secondary' : i < n + specials ? 'special' : 'primary';
    // % FSM: a skewed spread around the authority's level, one decimal place.
    const fsm = Math.min(85, Math.max(1, la.fsm * Math.exp(0.45 * normal(rand))));
    const eal = Math.min(90, Math.max(0, 6 + 0.4 * fsm + 10 * normal(rand) ** 2 * (rand() < 0.3 ? 1 : 0.2)));
    const sen = Math.min(40, Math.max(2, 12 + 3 * normal(rand)));
    const effect = 3.2 * normal(rand) + (rand() < 0.03 ? 8 : 0);
    schools.push({
      urn: String(130000 + i * 7 + Math.floor(rand() * 7)),
      estab: String(4000 + i),
      la,
      name: kind === 'primary' ? `${TOWNS[i % TOWNS.length]} ${STEMS[i % STEMS.length]} Primary School ${i}` : name(),
      kind,
      fsm,
      eal,
      sen,
      effect,
      cohort: kind === 'special' ? 5 + Math.floor(rand() * 20) : kind === 'primary' ? 0 : Math.round(60 + 240 * rand()),
      easting: Math.round(380000 + 60000 * rand()),
      northing: Math.round(420000 + 60000 * rand()),
      opened: rand() < 0.04 ? 1 : 0, // opens in the second year
    });
  }
  return schools;
}

const KS4_HEADER = ['RECTYPE', 'LEA', 'ESTAB', 'URN', 'SCHNAME', 'ICLOSE', 'NFTYPE', 'TPUP', 'ATT8SCR', 'P8PUP', 'TP8ADJ', 'P8MEA', 'P8CILOW', 'P8CIUPP', 'P8MEA_ORIG', 'P8CILOW_ORIG', 'P8CIUPP_ORIG', 'PTL2BASICS_94', 'PTL2BASICS_95', 'EBACCAPS', 'PTEBACC_E_PTQ_EE', 'PTEBACC_94', 'PTEBACC_95', 'PT5EM_94', 'P8_BANDING'];
const CENSUS_HEADER = ['URN', 'LA', 'ESTAB', 'SCHOOLTYPE', 'NOR', 'NORG', 'NORB', 'PNORG', 'PNORB', 'TSENELSE', 'PSENELSE', 'TSENELK', 'PSENELK', 'NUMEAL', 'NUMENGFL', 'NUMUNCFL', 'PNUMEAL', 'PNUMENGFL', 'PNUMUNCFL', 'NUMFSM', 'NUMFSMEVER', 'PNUMFSMEVER', 'EASTING', 'NORTHING'];

const q = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const f1 = (x) => (Math.round(x * 10) / 10).toFixed(1).replace(/\.0$/, '');
const f2 = (x) => (Math.round(x * 100) / 100).toFixed(2);
const pct = (x) => `${(Math.round(Math.min(100, Math.max(0, x)) * 10) / 10).toFixed(1)}%`;

/** One year's KS4 file (DfE provisional layout): schools, LA total rows, national rows. */
export function ks4File(schools, yearIndex, seed) {
  const rand = rng(seed + 1000 * yearIndex);
  const lines = [KS4_HEADER.join(',')];
  const byLa = new Map();
  for (const s of schools) {
    if (s.kind === 'primary') continue;
    if (s.opened > yearIndex) continue;
    const rectype = s.kind === 'special' ? '2' : '1';
    const drift = 0.8 * normal(rand);
    const fsmNow = Math.min(95, Math.max(0.5, s.fsm + drift));
    const att8 = Math.min(80, Math.max(8, 56 - 0.38 * fsmNow + s.effect + 3.4 * normal(rand) - (s.kind === 'special' ? 35 : 0)));
    const cohort = Math.max(1, Math.round(s.cohort * (0.9 + 0.2 * rand())));
    const p8 = (att8 - (56 - 0.38 * fsmNow)) / 11;
    const half = 1.96 * (1.25 / Math.sqrt(cohort));
    const basics = Math.min(100, Math.max(0, 1.55 * att8 - 10 + 4 * normal(rand)));
    let row;
    if (s.opened === yearIndex && yearIndex > 0) row = ['NE', 'NE', 'NE', 'NE', 'NE', 'NE'];
    else if (cohort < 6) row = ['SUPP', 'SUPP', 'SUPP', 'SUPP', 'SUPP', 'SUPP'];
    else if (rand() < 0.01) row = ['NP', 'NP', 'NP', 'NP', 'NP', 'NP'];
    else row = [f1(att8), f2(p8), f2(p8 - half), f2(p8 + half), pct(basics), f2(att8 / 11.5)];
    const [a8, p8s, lo, hi, bas, ebacc] = row;
    const fields = [rectype, s.la.code, s.estab, s.urn, q(s.name), '0', rectype === '2' ? 'CYS' : 'AC', String(cohort), a8, String(cohort), cohort < 6 ? 'SUPP' : '0', p8s, lo, hi, p8s, lo, hi, bas, bas === 'SUPP' || bas === 'NE' || bas === 'NP' ? bas : pct(parseFloat(bas) - 20), ebacc, pct(40 * rand()), pct(30 * rand()), pct(20 * rand()), bas, rectype === '2' ? '' : String(1 + Math.floor(rand() * 5))];
    // A few rows are cut short, as in real DfE extracts: the missing fields read as blank.
    lines.push((rand() < 0.008 ? fields.slice(0, 7) : fields).join(','));
    const t = byLa.get(s.la.code) ?? { n: 0, sum: 0 };
    if (a8 !== 'SUPP' && a8 !== 'NE' && a8 !== 'NP') {
      t.n += cohort;
      t.sum += cohort * parseFloat(a8);
    }
    byLa.set(s.la.code, t);
  }
  let nn = 0;
  let ns = 0;
  for (const [code, t] of [...byLa].sort()) {
    lines.push(['4', code, '', '', '', '', '', String(t.n), f1(t.sum / t.n), ...Array(KS4_HEADER.length - 9).fill('')].join(','));
    nn += t.n;
    ns += t.sum;
  }
  lines.push(['5', '', '', '', '', '', '', String(nn), f1(ns / nn), ...Array(KS4_HEADER.length - 9).fill('')].join(','));
  lines.push(['7', '', '', '', '', '', '', String(nn), f1(ns / nn), ...Array(KS4_HEADER.length - 9).fill('')].join(','));
  return '\uFEFF' + lines.join('\n') + '\n';
}

/** One year's census file: every school (primaries too), then the national rows. */
export function censusFile(schools, yearIndex, seed) {
  const rand = rng(seed + 5000 + 1000 * yearIndex);
  const lines = [CENSUS_HEADER.join(',')];
  for (const s of schools) {
    if (s.opened > yearIndex) continue;
    const nor = s.kind === 'primary' ? 200 + Math.floor(300 * rand()) : s.kind === 'special' ? 40 + Math.floor(80 * rand()) : Math.round(s.cohort * 5.2);
    const fsm = Math.min(99, Math.max(0, s.fsm + 0.8 * normal(rand)));
    const eal = Math.min(99, Math.max(0, s.eal + normal(rand)));
    const g = Math.round(nor * (0.45 + 0.1 * rand()));
    const fsmCell = rand() < 0.01 ? 'NA' : f1(fsm);
    lines.push([s.urn, s.la.code, s.estab, s.kind === 'primary' ? 'State-funded primary' : s.kind === 'special' ? 'State-funded special school' : 'State-funded secondary', nor, g, nor - g, f1((100 * g) / nor), f1((100 * (nor - g)) / nor), Math.round((nor * s.sen) / 100), f1(s.sen), Math.round((nor * s.sen) / 300), f1(s.sen / 3), Math.round((nor * eal) / 100), nor - Math.round((nor * eal) / 100), 0, f1(eal), f1(100 - eal), '0', Math.round((nor * fsm) / 130), Math.round((nor * fsm) / 100), fsmCell, s.easting, s.northing].join(','));
  }
  lines.push(['NAT', '', 'SEC', 'State-funded secondary', ...Array(CENSUS_HEADER.length - 4).fill('')].join(','));
  lines.push(['NAT', '', 'PRI', 'State-funded primary', ...Array(CENSUS_HEADER.length - 4).fill('')].join(','));
  return '\uFEFF' + lines.join('\n') + '\n';
}
