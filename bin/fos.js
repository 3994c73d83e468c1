#!/usr/bin/env node
// The fos command. On large inputs it runs itself again in a child node with V8's
// optimising compiler on the main thread (--no-concurrent-recompilation): at 100,000
// schools that costs about a sixth fewer instructions in all (bench/NOTES.md, "V8's
// compiler on the main thread"), more than the child's start costs. V8 reads the flag only
// at start-up, and a shebang cannot carry it everywhere (`env -S` is missing from Alpine's
// busybox, the BSDs and npm's Windows shims). FOS_RESPAWN_BYTES sets the size (for tests).
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FLAG = '--no-concurrent-recompilation';
const args = process.argv.slice(2);
const asked = Number(process.env.FOS_RESPAWN_BYTES || NaN);
const minBytes = Number.isFinite(asked) ? asked : 20_000_000;

/** Whether the files the arguments name (FILE, --opt=FILE or YEAR=FILE) hold `enough` bytes. */
function namesBytes(enough) {
  let bytes = 0;
  for (const a of args) {
    for (const f of a.includes('=') ? [a, a.slice(a.indexOf('=') + 1)] : [a]) {
      try {
        const s = statSync(f);
        if (s.isFile()) bytes += s.size;
      } catch {
        // not a file: an option, a value or a pattern
      }
      if (bytes >= enough) return true;
    }
  }
  return false;
}

if (!process.execArgv.includes(FLAG) && namesBytes(minBytes)) {
  const child = spawn(process.execPath, [...process.execArgv, FLAG, fileURLToPath(import.meta.url), ...args], { stdio: 'inherit' });
  // A signal sent to this process alone (a job runner's SIGTERM) goes on to the child.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  // Not started (no such node any more): run here.
  child.on('error', () => import('../dist/fos/fos.js'));
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
} else {
  await import('../dist/fos/fos.js');
}
