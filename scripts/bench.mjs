#!/usr/bin/env node
// npm run bench [-- --sizes 3000,20000 --runs 3 --no-peer]
// Times each stage in-process (read and parse, join and clean, families, comparison and
// flags, writing CSV) and the whole command as a user runs it (a new node process for
// `fos outperformers --format csv -o out.csv`), with peak memory, on seeded synthetic
// DfE-format inputs, and on the real national KS4 file when ../shared/data is there.
// Prints a table and writes bench/results.json. A benchmark, not a test: nothing fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchInputs } from './bench-inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const STAGES = args[0] === '--stages';
const arg = (name, def) => (args.includes(name) ? args[args.indexOf(name) + 1] : def);
const sizes = arg('--sizes', '3000,20000,100000,500000').split(',').map(Number);
const runs = Number(arg('--runs', '3'));
const inputs = join(root, 'bench', 'inputs');
const out = join(root, 'bench');
mkdirSync(out, { recursive: true });

const { loadInputs } = await import(join(root, 'dist/io/loadInputs.js'));
const { openTable, parseTable } = await import(join(root, 'dist/io/readTable.js'));
const { eligibility } = await import(join(root, 'dist/core/load/eligibility.js'));
const { buildFamilies } = await import(join(root, 'dist/core/families/buildFamilies.js'));
const { compareFamilies } = await import(join(root, 'dist/core/compare/compareFamilies.js'));
const { robustness } = await import(join(root, 'dist/core/compare/robustness.js'));
const { Scheduler, threadPlan } = await import(join(root, 'dist/parallel/scheduler.js'));
const { formatCsv } = await import(join(root, 'dist/report/formatCsv.js'));
const { FAMILY_COLUMNS, familyRow } = await import(join(root, 'dist/report/familyRow.js'));
const { pick } = await import(join(root, 'dist/report/columns.js'));

const CONTEXT = {
  1: { flags: [], peer: [], vars: [{ name: 'fsm', weight: 1 }], cols: {} },
  3: { flags: ['--context-col', 'eal=PNUMEAL', '--context-col', 'sen=PSENELK', '--context', 'fsm=1,eal=1,sen=1'], peer: ['--context-col', 'eal=PNUMEAL', '--context-col', 'sen=PSENELK'], vars: ['fsm', 'eal', 'sen'].map((name) => ({ name, weight: 1 })), cols: { eal: 'PNUMEAL', sen: 'PSENELK' } },
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => performance.now() - t0;

function stages(files, ctx) {
  const t = {};
  let t0 = performance.now();
  for (const f of [files.ks4, files.census]) {
    const src = openTable(f);
    parseTable(src, src.header.slice(0, 6)).scan(() => {});
  }
  t.read = ms(t0);
  t0 = performance.now();
  const { years } = loadInputs([{ year: 'b', attainment: files.ks4, fsm: files.census }], { columns: { context: ctx.cols, subjects: [] }, where: [], strict: false }, runner?.helpers[0]);
  const el = eligibility('b', years[0].schools, { minCohort: 11, includeSpecial: false, contextVars: ctx.vars.map((v) => v.name).filter((n) => n !== 'fsm') });
  t.load = ms(t0);
  t0 = performance.now();
  const yf = buildFamilies('b', el.eligible, { method: 'neighbours', size: 20, tiesAll: false, bands: [0, 100], groups: 5, context: ctx.vars }, runner);
  t.families = ms(t0);
  t0 = performance.now();
  const rule = { threshold: 1, lowerIsBetter: false, hasBounds: false };
  const cmp = compareFamilies(yf, rule, undefined, runner);
  // The flags: candidates, and how robust each is to other family definitions.
  const candidates = [];
  for (let i = 0; i < cmp.length; i++) if (cmp.candidate(i)) candidates.push(i);
  robustness(yf, candidates, rule, runner);
  t.compare = ms(t0);
  t0 = performance.now();
  const a = { year: 'b', families: yf, comparisons: cmp };
  const rows = candidates.map((i) => familyRow(a, i));
  formatCsv({ title: '', summary: [], tables: [{ id: 'x', columns: pick(FAMILY_COLUMNS, { measure: 'm', digits: 1 }), rows }], notes: [], charts: [], meta: {} });
  t.csv = ms(t0);
  return { ...t, schools: el.eligible.length };
}

// The peer (../shared/bench/peer.py, pandas + scikit-learn) on the same files, when it and
// its libraries are there: run in turn with fos, each run of fos followed by one of it.
const peerScript = join(root, '..', 'shared', 'bench', 'peer.py');
const python = '/usr/bin/python3';
const peer = !STAGES && !args.includes('--no-peer') && existsSync(peerScript) && spawnSync(python, ['-c', 'import pandas, sklearn'], { stdio: 'ignore' }).status === 0;

/** Wall seconds, CPU seconds (user + sys) and peak RSS of one command, from /usr/bin/time. */
function timed(cmd, argv) {
  const t0 = performance.now();
  const p = spawnSync('/usr/bin/time', ['-f', 'RSS %M CPU %U %S', cmd, ...argv], { encoding: 'utf8' });
  const wall = ms(t0) / 1000;
  if (p.status !== 0) throw new Error(p.stderr);
  const m = /RSS (\d+) CPU ([\d.]+) ([\d.]+)/.exec(p.stderr);
  return { wall, cpu: m ? Number(m[2]) + Number(m[3]) : NaN, rss: m ? Number(m[1]) / 1024 : 0 };
}

function whole(files, ctx, withPeer) {
  const fos = [];
  const theirs = [];
  for (let r = 0; r < runs; r++) {
    fos.push(timed(process.execPath, [join(root, 'bin/fos.js'), 'outperformers', '--attainment', files.ks4, '--fsm', files.census, ...ctx.flags, '--format', 'csv', '-o', join(out, 'out.csv')]));
    if (withPeer) theirs.push(timed(python, [peerScript, '--attainment', files.ks4, '--fsm', files.census, '--measure', 'ATT8SCR', '--fsm-col', 'PNUMFSMEVER', '--cohort', 'TPUP', ...ctx.peer, '--out', join(out, 'out-peer.csv')]));
  }
  const med = (xs, k) => median(xs.map((x) => x[k]));
  return { seconds: med(fos, 'wall'), cpu: med(fos, 'cpu'), peakMB: Math.max(...fos.map((x) => x.rss)), peer: theirs.length ? { seconds: med(theirs, 'wall'), cpu: med(theirs, 'cpu') } : undefined };
}

const cases = [];
const shared = join(root, '..', 'shared', 'data', 'england-2019');
if (existsSync(shared)) cases.push({ name: 'real national KS4 2019', files: { ks4: join(shared, 'england_ks4provisional.csv'), census: join(shared, 'england_census.csv') }, vars: 1 });
for (const n of sizes) for (const vars of [1, 3]) cases.push({ name: `synthetic ${n.toLocaleString('en-GB')}`, n, vars });

// The threads a large search is shared with, as in the command (--threads auto).
const runner = STAGES ? new Scheduler(threadPlan('auto')) : undefined;
if (STAGES) {
  // Child mode: time the stages in a fresh process and print them as JSON.
  const files = { ks4: args[1], census: args[2] };
  stages(files, CONTEXT[args[3]]); // warm-up: the JIT, the file cache and the thread
  console.log(JSON.stringify(stages(files, CONTEXT[args[3]])));
  process.exit(0);
}

const results = [];
console.error(`fos benchmark on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), node ${process.version}; median of ${runs} runs for the whole command`);
if (!STAGES) mkdirSync(inputs, { recursive: true });
// Inputs are written first (in a child process), so the generator's garbage does not weigh on the timings.
for (const n of STAGES ? [] : sizes) {
  if (!existsSync(join(inputs, `ks4_${n}.csv`))) process.stderr.write(`generating ${n.toLocaleString('en-GB')} schools…\n`);
  const g = spawnSync(process.execPath, ['-e', `import('${join(root, 'scripts/bench-inputs.mjs')}').then((m) => m.benchInputs(${JSON.stringify(inputs)}, ${n}))`], { stdio: 'inherit' });
  if (g.status !== 0) process.exit(1);
}
for (const c of cases) {
  const files = c.files ?? benchInputs(inputs, c.n);
  const ctx = CONTEXT[c.vars];
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--stages', files.ks4, files.census, String(c.vars)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  const s = JSON.parse(child.stdout);
  const w = whole(files, ctx, peer && c.n !== undefined);
  const row = { case: c.name, vars: c.vars, schools: s.schools, ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'schools').map(([k, v]) => [`${k}_ms`, Math.round(v)])), whole_s: Number(w.seconds.toFixed(2)), cpu_s: Number(w.cpu.toFixed(2)), ...(w.peer ? { peer_s: Number(w.peer.seconds.toFixed(2)), peer_cpu_s: Number(w.peer.cpu.toFixed(2)) } : {}), us_per_school: Number(((w.seconds * 1e6) / s.schools).toFixed(1)), peak_mb: Math.round(w.peakMB) };
  results.push(row);
  console.error(`  ${c.name}, ${c.vars} var: ${row.whole_s} s`);
}
const cols = ['case', 'vars', 'schools', 'read_ms', 'load_ms', 'families_ms', 'compare_ms', 'csv_ms', 'whole_s', 'cpu_s', 'us_per_school', 'peak_mb', ...(peer ? ['peer_s', 'peer_cpu_s'] : [])];
const width = cols.map((k) => Math.max(k.length, ...results.map((r) => String(r[k] ?? '').length)));
console.log(cols.map((k, i) => k.padEnd(width[i])).join('  '));
for (const r of results) console.log(cols.map((k, i) => (typeof r[k] === 'number' ? String(r[k]).padStart(width[i]) : String(r[k] ?? '').padEnd(width[i]))).join('  '));
writeFileSync(join(out, 'results.json'), JSON.stringify({ machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version }, runs, results }, null, 2) + '\n');
console.error('read_ms: decode and split both files; load_ms: read, clean, join and eligibility; compare_ms: comparisons, candidates and their robustness; whole_s, cpu_s (user + sys): the command from process start; peer_s, peer_cpu_s: ../shared/bench/peer.py on the same files, run in turn. Written to bench/results.json');
