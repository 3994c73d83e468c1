import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/schools.js';

const BIN = resolve(__dirname, '../../bin/fos.js');
const built = existsSync(resolve(__dirname, '../../dist/cli/bin.js'));

describe.skipIf(!built)('bin/fos.js: outputs', () => {
  it('-o /dev/stdout writes to the pipe and leaves /dev/stdout alone', () => {
    const r = spawnSync(process.execPath, [BIN, 'families', '--format', 'csv', '-o', '/dev/stdout'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\uFEFFyear,id,name/);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  it('stdout to a full disk (> /dev/full): an output error, exit 4, one message, no stack trace', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" families --format csv > /dev/full`], { encoding: 'utf8' });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^fos: \(stdout\): cannot write the output \(ENOSPC\)$/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('SIGTERM at any moment of a run with -o: no temporary file is left, and the output is the old one or a whole new one', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    const args = [BIN, 'families', '--year', 'all', '--format', 'csv', '-o', out];
    const whole = (() => {
      spawnSync(process.execPath, args);
      return readFileSync(out, 'utf8');
    })();
    for (const delay of [150, 250, 350, 450]) {
      writeFileSync(out, 'old');
      const p = spawn(process.execPath, args, { stdio: 'ignore' });
      setTimeout(() => p.kill('SIGTERM'), delay);
      const [code, signal] = await new Promise<[number | null, string | null]>((r) => p.on('exit', (c, s) => r([c, s])));
      // Killed before the write (the default end of SIGTERM), during it (143), or not at all (0).
      expect(code === 0 || code === 143 || signal === 'SIGTERM', `${code} ${signal}`).toBe(true);
      expect(readdirSync(dir)).toEqual(['out.csv']);
      expect(['old', whole]).toContain(readFileSync(out, 'utf8'));
    }
  });
});
