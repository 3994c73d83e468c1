// The cases of the fuzzer (scripts/fuzz.mjs): real DfE files from ../shared/data, and
// seeded mutations of them. Shared with the cheap probe in test/cli/fuzzProbe.test.ts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { rng } from './sample-generator.mjs';

export { rng };

/** The real files each case starts from: [attainment, fsm or undefined]. */
export function bases(SHARED) {
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
export const MUTATIONS = {
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
    if (ls.length < 2) return b;
    const i = 1 + pick(r, ls.length - 1);
    const ctl = ['\u001b[31m', '\u0007', '\u000c', '\u001b]0;x\u0007', '\u0000'][pick(r, 5)];
    ls[i] = ls[i].replace(/([A-Za-z]) /, `$1${ctl} `);
    return join1(ls);
  },
};
const NAMES = Object.keys(MUTATIONS);

/** Case k: which base, which file, which mutations (all from the seed and k). */
export function makeCase(all, seed, k) {
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


/**
 * Run `check` and `outperformers` on a case's files (written into `dir`) with `run` (the
 * CLI's run(argv, io)), and say what is wrong: an untyped error (exit 3, "internal
 * error"), a failure whose message names no input file, or a message without a file.
 */
export async function runCase(run, c, dir, onExit = () => {}) {
  mkdirSync(dir, { recursive: true });
  const att = join(dir, `att_${c.base.name}.csv`);
  const fsm = c.base.fsm ? join(dir, `fsm_${c.base.name}.csv`) : undefined;
  writeFileSync(att, c.target === 'att' ? c.bytes : c.base.att);
  if (fsm) writeFileSync(fsm, c.target === 'fsm' ? c.bytes : c.base.fsm);
  const names = [basename(att), ...(fsm ? [basename(fsm)] : [])];
  const failures = [];
  for (const cmd of [['check'], ['outperformers', '--size', '10']]) {
    let err = '';
    const io = { stdout: () => {}, stderr: (t) => (err += t), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: dir };
    const code = await run([...cmd, '--attainment', att, ...(fsm ? ['--fsm', fsm] : []), '--format', 'csv'], io);
    const messages = err.split('\n').filter((l) => l.startsWith('fos: '));
    const what = `${cmd[0]} exit ${code}`;
    const named = (m) => names.some((n) => m.includes(n));
    if (code === 3 || /internal error/.test(err)) failures.push(`${what}: untyped error: ${err.trim()}`);
    else if (code !== 0 && !messages.some(named)) failures.push(`${what}: no file named: ${err.trim()}`);
    else if (messages.some((m) => !named(m))) failures.push(`${what}: a message without a file: ${messages.find((m) => !named(m))}`);
    // The kind of message, without the file, line and value, for the summary.
    const first = code === 0 ? undefined : messages[0]?.replace(/^fos: [^:]*?(, line \d+)?(, column [^,:]*)?(, value "[^"]*")?: /, 'fos: ').replace(/\d+/g, 'N').slice(0, 100);
    onExit(cmd[0], code, first);
  }
  return failures;
}
