import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

// The built CLI as a user runs it (npm test builds dist/ first).
const BIN = resolve(__dirname, '../../bin/fos.js');
const built = existsSync(resolve(__dirname, '../../dist/cli/bin.js'));

describe.skipIf(!built)('bin/fos.js end to end', () => {
  it('runs the main job on the bundled sample: outperformers as csv', () => {
    const r = spawnSync(process.execPath, [BIN, 'outperformers', '--format', 'csv'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/bundled synthetic sample/);
    const rows = parse(r.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(5);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['candidate', 'years_candidate', 'years_loaded', 'consistent', 'robust']));
  });

  it('prints help and version, exits 0', () => {
    expect(execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' })).toMatch(/outperformers/);
    expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('a usage error exits 2 with one message and no stack trace', () => {
    const r = spawnSync(process.execPath, [BIN, 'report', '999999999'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^fos: /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('exits quietly when the reader closes the pipe', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" families --year all --format csv | head -1`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});
