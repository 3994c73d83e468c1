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

// bin/fos.js runs itself again in a child node with V8's compiler on the main thread when
// the files named hold FOS_RESPAWN_BYTES or more (default 20 MB). A preload that prints
// each process's node flags shows which ran: the parent, the child, or both.
describe.skipIf(!built)('bin/fos.js on large inputs: the same run in a child node', () => {
  const sample = resolve(__dirname, '../../data');
  const flagsOf = resolve(__dirname, '../fixtures/printExecArgv.mjs');
  const runAt = (minBytes: string | undefined, args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, FOS_RESPAWN_BYTES: minBytes, NODE_OPTIONS: `--import=${flagsOf}` } });
  const args = ['outperformers', '--attainment', `${sample}/ks4_2019.csv`, '--fsm', `${sample}/census_2019.csv`, '--format', 'csv'];
  const flagLines = (stderr: string) => stderr.match(/^execArgv .*$/gm);
  const withoutFlags = (stderr: string) => stderr.replace(/^execArgv .*\n/gm, '');

  it('gives the same output and messages as a run in this process (the default below 20 MB, as the sample is)', () => {
    const here = runAt(undefined, args);
    const child = runAt('1', args);
    expect(flagLines(here.stderr)).toEqual([expect.not.stringContaining('--no-concurrent-recompilation')]);
    expect(flagLines(child.stderr)).toEqual([expect.not.stringContaining('--no-concurrent'), expect.stringContaining('--no-concurrent-recompilation')]);
    expect([here.status, child.status]).toEqual([0, 0]);
    expect(child.stdout).toBe(here.stdout);
    expect(withoutFlags(child.stderr)).toBe(withoutFlags(here.stderr));
    expect(child.stdout.length).toBeGreaterThan(1000);
  });

  it("passes on the child's failure: its message and exit code", () => {
    const r = runAt('1', [...args.slice(0, 3), '--fsm', `${sample}/no-such-file.csv`]);
    expect(flagLines(r.stderr)).toHaveLength(2);
    expect(r.status).toBe(2);
    expect(withoutFlags(r.stderr)).toMatch(/^fos: .*no-such-file\.csv: no such file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});
