import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { namedFiles } from './namedFiles.js';

/**
 * The command's start (bin/fos.js imports it; built to dist/fos/launch.js, apart from the
 * rest of fos, so that it loads at once). On inputs of FOS_RESPAWN_BYTES or more (default
 * 20 MB: the files named as paths, not folders or patterns) it runs the command in a child
 * node with V8's `--no-concurrent-recompilation`, which optimises hot functions on the main
 * thread rather than on background threads: less CPU time in all (README "The compiler",
 * bench/NOTES.md). V8 reads the flag only at start-up, and a shebang line cannot carry it
 * everywhere. Otherwise, and if the child cannot be started, the command runs here.
 */
const FLAG = '--no-concurrent-recompilation';
const DEFAULT_BYTES = 20_000_000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const args = process.argv.slice(2);
const asked = Number(process.env.FOS_RESPAWN_BYTES || NaN);
const minBytes = Number.isFinite(asked) ? asked : DEFAULT_BYTES;

/** Whether the files the arguments name hold `enough` bytes. */
function holdBytes(enough: number): boolean {
  let bytes = 0;
  for (const f of namedFiles(args)) {
    try {
      const s = statSync(f);
      if (s.isFile()) bytes += s.size;
    } catch {
      // not a file: an option, a value, a pattern
    }
    if (bytes >= enough) return true;
  }
  return false;
}

/** The command in this process. */
function runHere(): Promise<unknown> {
  // A URL, not a path, so the bundler leaves the import as it is: fos.js is built beside this file.
  return import(new URL('./fos.js', import.meta.url).href);
}

if (process.execArgv.includes(FLAG) || !holdBytes(minBytes)) await runHere();
else {
  const child = spawn(process.execPath, [...process.execArgv, FLAG, process.argv[1], ...args], { stdio: 'inherit' });
  let started = false;
  // A signal sent to this process alone (a job runner's SIGTERM) goes on to the child.
  const pass = (signal: NodeJS.Signals) => child.kill(signal);
  for (const s of SIGNALS) process.on(s, pass);
  child.on('spawn', () => (started = true));
  child.on('error', (e) => {
    if (started) return; // a signal that could not be passed on: the child runs on
    for (const s of SIGNALS) process.off(s, pass);
    process.stderr.write(`fos: could not start a child node (${e.message}); running here\n`);
    runHere().catch((err: unknown) => {
      process.stderr.write(`fos: ${String(err)}\n`);
      process.exit(1);
    });
  });
  child.on('exit', (code, signal) => {
    for (const s of SIGNALS) process.off(s, pass);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
