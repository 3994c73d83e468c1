#!/usr/bin/env node
// Fuzz fos with mutated real files: each case takes a real DfE file (North Yorkshire, or a
// slice of the national files in ../shared/data), applies one to three seeded mutations
// (byte flips, truncations, duplicated lines, deleted quotes, NULs, header renames, mixed
// line ends, Windows-1252 and UTF-16 re-encodings, a BOM mid-file, a quoted line break in a
// header name), and runs `check` and `outperformers` on it in-process (run(argv, io) of
// the built dist/). A run fails when it exits 3 or says "internal error", when it takes
// longer than the timeout (a hang), or when it fails without naming the mutated file.
//
//   npm run build && node scripts/fuzz.mjs [--cases 5000] [--seed 1] [--timeout 20000] [--dist DIR]
//
// (--dist: the build to fuzz, dist/ by default; e.g. another checkout's, to compare.)
//
// Cases run in a child process watched by this one: a case that does not finish in time
// is a hang; the child is killed and the run goes on from the next case. Deterministic: the
// same seed gives the same cases. Prints a summary and each failure (with the case number,
// so `--only N` reruns it and `--keep DIR` writes its files).
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { bases, makeCase, runCase } from './fuzzCases.mjs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
  return { dist: get('dist', resolve(root, 'dist')), cases: Number(get('cases', 5000)), seed: Number(get('seed', 1)), timeout: Number(get('timeout', 20000)), only: get('only'), keep: get('keep'), child: a.includes('--child'), from: Number(get('from', 0)) };
}

async function child(o) {
  const { run } = await import(resolve(o.dist, 'cli/main.js'));
  const all = bases(SHARED);
  const dir = mkdtempSync(join(tmpdir(), 'fos-fuzz-'));
  const from = o.from;
  const to = o.only !== undefined ? Number(o.only) + 1 : o.cases;
  for (let k = o.only !== undefined ? Number(o.only) : from; k < to; k++) {
    process.send({ type: 'start', k });
    const c = makeCase(all, o.seed, k);
    const caseDir = o.keep ? resolve(o.keep, String(k)) : dir;
    const failures = await runCase(run, c, caseDir, (cmd, code, message) => process.send({ type: 'exit', k, cmd, code, message }));
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
  const kinds = {};
  let done = 0;
  let next = o.only !== undefined ? Number(o.only) : 0;
  const end = o.only !== undefined ? Number(o.only) + 1 : o.cases;
  while (next < end) {
    await new Promise((resolveRun) => {
      const passOn = ['--child', '--dist', o.dist, '--seed', String(o.seed), '--cases', String(end), '--from', String(next)];
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
          if (m.message) kinds[m.message] = (kinds[m.message] ?? 0) + 1;
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
  console.log('fuzz: the commonest messages of failed runs:');
  for (const [m, n] of Object.entries(kinds).sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${String(n).padStart(5)}  ${m}`);
  for (const f of failures.slice(0, 50)) console.log(`  case ${f.k}: ${f.failure.slice(0, 600)}`);
  process.exitCode = failures.length ? 1 : 0;
}

const o = args();
if (o.child) await child(o);
else await parent(o);
