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
  const withoutFlags = (stderr: string) => stderr.replace(/^execArgv .*\n/gm, '');

  it('gives the same output, messages and exit code as a run in this process', () => {
    const here = runAt('1e15', args);
    const child = runAt('1', args);
    expect(here.stderr.match(/^execArgv .*$/gm)).toEqual([expect.not.stringContaining('--no-concurrent-recompilation')]);
    expect(child.stderr.match(/^execArgv .*$/gm)).toEqual([expect.not.stringContaining('--no-concurrent'), expect.stringContaining('--no-concurrent-recompilation')]);
    expect(here.status).toBe(0);
    expect(child.status).toBe(0);
    expect(child.stdout).toBe(here.stdout);
    expect(withoutFlags(child.stderr)).toBe(withoutFlags(here.stderr));
    expect(child.stdout.length).toBeGreaterThan(1000);
  });

  it('passes on a failure: the same message and exit code', () => {
    const bad = [...args.slice(0, 3), '--fsm', `${sample}/no-such-file.csv`];
    const here = runAt('1e15', bad);
    const child = runAt('1', bad);
    expect(here.status).toBe(2);
    expect(child.status).toBe(2);
    expect(withoutFlags(child.stderr)).toBe(withoutFlags(here.stderr));
  });

  it('runs in this process below the size (the default is 20 MB; the sample is far smaller)', () => {
    const r = runAt(undefined, args);
    expect(r.status).toBe(0);
    expect(r.stderr.match(/^execArgv .*$/gm)).toHaveLength(1);
  });
});
