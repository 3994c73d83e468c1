#!/usr/bin/env node
// Fuzz fos with mutated real files: each case takes a real DfE file (North Yorkshire, or a
// slice of the national files in ../shared/data), applies one to three seeded mutations
// (byte flips, truncations, duplicated lines, deleted quotes, NULs, header renames, mixed
// line ends, Windows-1252 and UTF-16 re-encodings, a BOM mid-file, a quoted line break in a
// header name), and runs `check` and `outperformers` on it in-process (run(argv, io) of
// the built dist/). A run fails when it exits 3 or says "internal error", when it takes
// longer than the timeout (a hang), or when it fails without naming the mutated file.
//
//   npm run build && node scripts/fuzz.mjs [--cases 5000] [--seed 1] [--timeout 20000]
//
// Cases run in a child process watched by this one: a case that does not finish in time
// is a hang; the child is killed and the run goes on from the next case. Deterministic: the
// same seed gives the same cases. Prints a summary and each failure (with the case number,
// so `--only N` reruns it and `--keep DIR` writes its files).
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '..');
const SHARED = resolve(root, '../shared/data');

function args() {
  const a = process.argv.slice(2);
  const get = (name, d) => {
    const i = a.indexOf(`--${name}`);
    return i >= 0 ? a[i + 1] : d;
  };
  return { cases: Number(get('cases', 5000)), seed: Number(get('seed', 1)), timeout: Number(get('timeout', 20000)), only: get('only'), keep: get('keep'), child: a.includes('--child'), from: Number(get('from', 0)) };
}

/** mulberry32: a small seeded generator, the same numbers on every machine. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The real files each case starts from: [attainment, fsm or undefined]. */
function bases() {
  const N = join(SHARED, 'north-yorkshire');
  const E = join(SHARED, 'england-2019');
  const read = (f) => readFileSync(f);
  const out = [
    { name: 'ny2019', att: read(join(N, '815_2019_ks4provisional.csv')), fsm: read(join(N, '815_2019_census.csv')) },
    { name: 'ny2018', att: read(join(N, '815_2018_ks4final.csv')), fsm: read(join(N, '815_2018_census.csv')) },
    { name: 'ny2017', att: read(join(N, '815_2017_ks4final.csv')) },
  ];
  // Slices of the national files: the header and 150 schools (the census rows of the same
  // schools, so the two files join).
  const ks4 = read(join(E, 'england_ks4provisional.csv')).toString('latin1').split('\n');
  const census = read(join(E, 'england_census.csv')).toString('latin1').split('\n');
  const urnAt = ks4[0].replace(/^\u00ef\u00bb\u00bf/, '').split(',').indexOf('URN');
  const cUrnAt = census[0].replace(/^\u00ef\u00bb\u00bf/, '').split(',').indexOf('URN');
  const byUrn = new Map(census.slice(1).map((l) => [l.split(',')[cUrnAt], l]));
  for (const start of [1, 1500, 3000]) {
    const rows = ks4.slice(start, start + 150);
    const urns = rows.map((l) => l.split(',')[urnAt]);
    const crow = urns.map((u) => byUrn.get(u)).filter(Boolean);
    out.push({ name: `england${start}`, att: Buffer.from([ks4[0], ...rows].join('\n') + '\n', 'latin1'), fsm: Buffer.from([census[0], ...crow].join('\n') + '\n', 'latin1') });
  }
  return out;
}

const lines = (b) => b.toString('latin1').split(/(?<=\n)/);
const join1 = (ls) => Buffer.from(ls.join(''), 'latin1');
const pick = (r, n) => Math.floor(r() * n);

/** The mutations: each takes the bytes and a generator and gives new bytes. */
const MUTATIONS = {
  byteFlip(b, r) {
    const out = Buffer.from(b);
    for (let k = 0, n = 1 + pick(r, 8); k < n; k++) out[pick(r, out.length)] = pick(r, 256);
    return out;
  },
  truncate(b, r) {
    return b.subarray(0, pick(r, b.length));
  },
  duplicateLines(b, r) {
    const ls = lines(b);
    for (let k = 0, n = 1 + pick(r, 3); k < n; k++) {
      const i = pick(r, ls.length);
      ls.splice(pick(r, ls.length), 0, ls[i]);
    }
    return join1(ls);
  },
  deleteQuote(b, r) {
    const t = b.toString('latin1');
    const quotes = [];
    for (let i = t.indexOf('"'); i >= 0; i = t.indexOf('"', i + 1)) quotes.push(i);
    if (quotes.length === 0) {
      // No quote to delete: add a stray one.
      const at = pick(r, t.length);
      return Buffer.from(t.slice(0, at) + '"' + t.slice(at), 'latin1');
    }
    const at = quotes[pick(r, quotes.length)];
    return Buffer.from(t.slice(0, at) + t.slice(at + 1), 'latin1');
  },
  nul(b, r) {
    const out = Buffer.from(b);
    for (let k = 0, n = 1 + pick(r, 3); k < n; k++) out[pick(r, out.length)] = 0;
    return out;
  },
  headerRename(b, r) {
    const ls = lines(b);
    const names = ls[0].split(',');
    const i = pick(r, names.length);
    const choices = ['', 'X', names[i].toLowerCase(), names[i] + ' ', '"' + names[i] + '"', names[(i + 1) % names.length], '\u001b[2J', 'P8\nBANDING'];
    names[i] = choices[pick(r, choices.length)];
    ls[0] = names.join(',');
    return join1(ls);
  },
  mixedLineEnds(b, r) {
    const ls = b.toString('latin1').split(/\r?\n/);
    const ends = ['\n', '\r\n', '\r'];
    return Buffer.from(ls.map((l) => l + ends[pick(r, 3)]).join(''), 'latin1');
  },
  win1252(b) {
    // UTF-8 text re-encoded as Windows-1252 (as Excel's plain "CSV" does).
    const text = b.toString('utf8').replace(/^\uFEFF/, '');
    const out = Buffer.alloc(text.length);
    let n = 0;
    for (const ch of text) {
      const c = ch.codePointAt(0);
      out[n++] = c === 0x2019 ? 0x92 : c === 0x2018 ? 0x91 : c === 0x2013 ? 0x96 : c < 256 ? c : 0x3f;
    }
    return out.subarray(0, n);
  },
  utf16(b, r) {
    // Excel's "Unicode text": UTF-16 LE with a BOM (sometimes without).
    const text = b.toString('utf8').replace(/^\uFEFF/, '');
    const body = Buffer.from(text, 'utf16le');
    return r() < 0.8 ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
  },
  bomMidFile(b, r) {
    const ls = lines(b);
    const at = 1 + pick(r, Math.max(1, ls.length - 1));
    ls.splice(at, 0, '\u00ef\u00bb\u00bf' + ls[0]);
    return join1(ls);
  },
  quotedNewlineInHeader(b, r) {
    const ls = lines(b);
    const names = ls[0].split(',');
    const i = pick(r, names.length);
    const name = names[i].replace(/\r?\n$/, '');
    const end = names[i].slice(name.length);
    names[i] = `"${name.slice(0, Math.ceil(name.length / 2))}\n${name.slice(Math.ceil(name.length / 2))}"${end}`;
    ls[0] = names.join(',');
    return join1(ls);
  },
  controlInName(b, r) {
    const ls = lines(b);
    const i = 1 + pick(r, Math.max(1, ls.length - 1));
    const ctl = ['\u001b[31m', '\u0007', '\u000c', '\u001b]0;x\u0007', '\u0000'][pick(r, 5)];
    ls[i] = ls[i].replace(/([A-Za-z]) /, `$1${ctl} `);
    return join1(ls);
  },
};
const NAMES = Object.keys(MUTATIONS);

/** Case k: which base, which file, which mutations (all from the seed and k). */
function makeCase(all, seed, k) {
  const r = rng(seed * 1000003 + k);
  const base = all[pick(r, all.length)];
  const target = base.fsm && r() < 0.35 ? 'fsm' : 'att';
  const steps = [];
  let bytes = base[target];
  for (let s = 0, n = 1 + pick(r, 3); s < n; s++) {
    const m = NAMES[pick(r, NAMES.length)];
    steps.push(m);
    bytes = MUTATIONS[m](bytes, r);
  }
  return { k, base, target, steps, bytes };
}

async function child(o) {
  const { run } = await import(resolve(root, 'dist/cli/main.js'));
  const all = bases();
  const dir = mkdtempSync(join(tmpdir(), 'fos-fuzz-'));
  const from = o.from;
  const to = o.only !== undefined ? Number(o.only) + 1 : o.cases;
  for (let k = o.only !== undefined ? Number(o.only) : from; k < to; k++) {
    const c = makeCase(all, o.seed, k);
    const caseDir = o.keep ? resolve(o.keep, String(k)) : dir;
    mkdirSync(caseDir, { recursive: true });
    const att = join(caseDir, `att_${c.base.name}.csv`);
    const fsm = c.base.fsm ? join(caseDir, `fsm_${c.base.name}.csv`) : undefined;
    writeFileSync(att, c.target === 'att' ? c.bytes : c.base.att);
    if (fsm) writeFileSync(fsm, c.target === 'fsm' ? c.bytes : c.base.fsm);
    const mutated = basename(c.target === 'att' ? att : fsm);
    process.send({ type: 'start', k });
    const failures = [];
    for (const cmd of [['check'], ['outperformers', '--size', '10']]) {
      let err = '';
      const io = { stdout: () => {}, stderr: (t) => (err += t), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: caseDir };
      const argv = [...cmd, '--attainment', att, ...(fsm ? ['--fsm', fsm] : []), '--format', 'csv'];
      const code = await run(argv, io);
      const messages = err.split('\n').filter((l) => l.startsWith('fos: '));
      const what = `${cmd[0]} exit ${code}`;
      if (code === 3 || /internal error/.test(err)) failures.push(`${what}: untyped error: ${err.trim()}`);
      else if (code !== 0 && !messages.some((m) => m.includes(mutated) || (fsm && m.includes(basename(fsm))) || m.includes(basename(att)))) failures.push(`${what}: no file named: ${err.trim()}`);
      else if (messages.some((m) => !m.includes('.csv') && !/^fos: wrote /.test(m))) failures.push(`${what}: a message without a file: ${messages.find((m) => !m.includes('.csv'))}`);
      process.send({ type: 'exit', k, cmd: cmd[0], code });
    }
    process.send({ type: 'done', k, steps: c.steps, base: c.base.name, target: c.target, failures });
  }
  if (!o.keep) rmSync(dir, { recursive: true, force: true });
  process.send({ type: 'end' });
}

async function parent(o) {
  if (!existsSync(SHARED)) {
    console.error(`fuzz: ${SHARED} is not there; nothing to fuzz`);
    process.exit(0);
  }
  const t0 = Date.now();
  const failures = [];
  const exits = {};
  let done = 0;
  let next = o.only !== undefined ? Number(o.only) : 0;
  const end = o.only !== undefined ? Number(o.only) + 1 : o.cases;
  while (next < end) {
    await new Promise((resolveRun) => {
      const passOn = ['--child', '--seed', String(o.seed), '--cases', String(end), '--from', String(next)];
      if (o.only !== undefined) passOn.push('--only', String(o.only));
      if (o.keep) passOn.push('--keep', o.keep);
      const p = fork(fileURLToPath(import.meta.url), passOn, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      let current;
      let timer;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          failures.push({ k: current, failure: `hang: no answer in ${o.timeout} ms` });
          next = current + 1;
          done++;
          p.kill('SIGKILL');
        }, o.timeout);
      };
      p.on('message', (m) => {
        if (m.type === 'start') {
          current = m.k;
          arm();
        } else if (m.type === 'exit') {
          exits[`${m.cmd} ${m.code}`] = (exits[`${m.cmd} ${m.code}`] ?? 0) + 1;
          arm();
        } else if (m.type === 'done') {
          clearTimeout(timer);
          done++;
          next = m.k + 1;
          for (const f of m.failures) failures.push({ k: m.k, failure: `${f} [${m.base} ${m.target}: ${m.steps.join(', ')}]` });
          if (done % 500 === 0) console.error(`fuzz: ${done} cases, ${failures.length} failures, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
        } else if (m.type === 'end') next = end;
      });
      p.on('exit', (code) => {
        clearTimeout(timer);
        if (code !== 0 && code !== null && next <= (current ?? next)) {
          failures.push({ k: current, failure: `the child process died (exit ${code})` });
          next = (current ?? next) + 1;
        }
        resolveRun();
      });
    });
  }
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`fuzz: ${done} cases (${done * 2} runs of check and outperformers), seed ${o.seed}, in ${s} s: ${failures.length} failure${failures.length === 1 ? '' : 's'}`);
  console.log(`fuzz: exit codes: ${Object.entries(exits).sort().map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  for (const f of failures.slice(0, 50)) console.log(`  case ${f.k}: ${f.failure.slice(0, 600)}`);
  process.exitCode = failures.length ? 1 : 0;
}

const o = args();
if (o.child) await child(o);
else await parent(o);
