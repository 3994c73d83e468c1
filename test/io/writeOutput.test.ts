import { execFileSync, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { chmodSync, existsSync, linkSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Interrupted, writeOutput } from '../../src/io/writeOutput.js';
import { files, fos, ks4, tempDir } from '../helpers/schools.js';

const school = (k: number) => ['1', '900', String(100 + k), `S${k}`, '100', String(40 + k)];
const input = () => files({ 'a.csv': ks4(Array.from({ length: 6 }, (_, k) => school(k))) });
const run = (f: { 'a.csv': string }, ...rest: string[]) => fos(['families', '--attainment', f['a.csv'], '--fsm-col', 'TPUP', '--size', '3', ...rest]);

describe('outputs never overwrite what the run reads', () => {
  it('refuses an input as -o by any path: ./, a symlink, a hard link', async () => {
    const f = input();
    const before = readFileSync(f['a.csv'], 'utf8');
    symlinkSync(f['a.csv'], join(f.dir, 'link.csv'));
    linkSync(f['a.csv'], join(f.dir, 'hard.csv'));
    for (const out of [f['a.csv'], join(f.dir, '.', 'a.csv'), join(f.dir, 'link.csv'), join(f.dir, 'hard.csv')]) {
      const r = await run(f, '-o', out, '--format', 'csv');
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(/one of the input files/);
    }
    expect(readFileSync(f['a.csv'], 'utf8')).toBe(before);
  });

  it('refuses the manifest as -o and as --chart, and the group file as -o', async () => {
    const f = files({ 'ks4.csv': ks4(Array.from({ length: 6 }, (_, k) => school(k))), 'fos.json': JSON.stringify({ years: { 2019: { attainment: 'ks4.csv' } }, columns: { fsm: 'TPUP' } }), 'ids.txt': '100\n101\n' });
    const manifest = readFileSync(f['fos.json'], 'utf8');
    const out = await fos(['outperformers', '--data', f['fos.json'], '--size', '3', '--format', 'json', '-o', f['fos.json']]);
    expect(out.code).toBe(2);
    const chart = await fos(['report', '100', '--data', f['fos.json'], '--size', '3', '-o', join(f.dir, 'r.html'), '--chart', f['fos.json']]);
    expect(chart.code).toBe(2);
    expect(chart.stderr).toMatch(/choose another name for --chart/);
    const group = await fos(['trend', '--group', f['ids.txt'], '--data', f['fos.json'], '--size', '3', '-o', f['ids.txt'], '--format', 'csv']);
    expect(group.code).toBe(2);
    expect(readFileSync(f['fos.json'], 'utf8')).toBe(manifest);
    expect(readFileSync(f['ids.txt'], 'utf8')).toBe('100\n101\n');
  });
});

describe('writeOutput', () => {
  it('writes a pipe (a FIFO) straight through, never replacing it with a file', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // A reader on the other end (cat), as a shell's process substitution would be.
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d) => (got += d));
    const closed = new Promise((r) => reader.on('close', r));
    await writeOutput(fifo, 'hello\n');
    await closed;
    expect(got).toBe('hello\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('/dev/null stays the device; /dev/full is an error (exit 4), and stays the device', async () => {
    const f = input();
    const r = await run(f, '-o', '/dev/null', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const full = await run(f, '-o', '/dev/full', '--format', 'csv');
    expect(full.code).toBe(4);
    expect(full.stderr).toMatch(/\/dev\/full: cannot write the output \(ENOSPC\)[\s\S]*disk is full/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').some((n) => n.includes('.tmp-'))).toBe(false);
  });

  it('keeps the permissions of the file it replaces, and writes through a symlink (the link stays)', async () => {
    const dir = tempDir();
    const file = join(dir, 'out.csv');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await writeOutput(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    const link = join(dir, 'link.csv');
    symlinkSync(file, link);
    await writeOutput(link, 'newer');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('newer');
    expect(readdirSync(dir).sort()).toEqual(['link.csv', 'out.csv']);
  });

  it('SIGINT or SIGTERM during a write: the temporary file is removed, the old file kept, Interrupted with 130 / 143', async () => {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const dir = tempDir();
      const file = join(dir, 'out.csv');
      writeFileSync(file, 'old');
      const signals = new EventEmitter();
      // The signal arrives after the first chunk is written (one turn of the event loop later).
      setImmediate(() => signals.emit(signal));
      const e = await writeOutput(file, 'x'.repeat(100), { signals, chunk: 10 }).catch((x) => x);
      expect(e).toBeInstanceOf(Interrupted);
      expect(e.exitCode).toBe(code);
      expect(readFileSync(file, 'utf8')).toBe('old');
      expect(readdirSync(dir)).toEqual(['out.csv']);
      expect(signals.listenerCount(signal)).toBe(0);
    }
  });

  it('write failures exit 4 with the file named: no folder, a folder, no permission', async () => {
    const f = input();
    const missing = await run(f, '-o', join(f.dir, 'nothing', 'x.csv'));
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/x\.csv: cannot write the output \(ENOENT\)/);
    const folder = await run(f, '-o', f.dir, '--format', 'csv');
    expect(folder.code).toBe(4);
    expect(folder.stderr).toMatch(/cannot write the output \(EISDIR\)/);
    expect(existsSync(join(f.dir, 'nothing'))).toBe(false);
  });

  it('-o - writes to stdout', async () => {
    const f = input();
    const r = await run(f, '-o', '-', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\uFEFFyear,id/);
    expect(existsSync(join(process.cwd(), '-'))).toBe(false);
  });
});
