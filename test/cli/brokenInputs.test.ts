import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFosError } from '../../src/core/errors.js';
import { loadInputs } from '../../src/io/loadInputs.js';
import { fos, tempDir } from '../helpers/schools.js';

// Every command over every file of the broken-input corpus (test/fixtures/broken/, made by
// make.mjs there): the exit code and the one message expected.json gives, never a stack trace.
const DIR = resolve(__dirname, '../fixtures/broken');
const expected: Record<string, { exit: number; stderr?: string; fsmFor?: string; strict?: { exit: number; stderr: string } }> = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
const COMMANDS = [['check'], ['families', '--size', '5'], ['report', '100002', '--size', '5'], ['outperformers', '--size', '5'], ['odds'], ['partners', '100002', '--size', '5'], ['trend', '100002', '--size', '5']];

function inputs(name: string): string[] {
  // A folder is read as its .csv files: one with none is said so.
  if (name === '(a folder)') return ['--attainment', mkdtempSync(join(tmpdir(), 'fos-empty-'))];
  if (name === '(no such file)') return ['--attainment', join(DIR, 'nope.csv')];
  const e = expected[name];
  return e.fsmFor ? ['--attainment', e.fsmFor, '--fsm', name] : ['--attainment', name];
}

describe('broken inputs: every command gets a clear answer', () => {
  for (const [name, e] of Object.entries(expected)) {
    it(name, async () => {
      for (const cmd of COMMANDS) {
        const r = await fos([...cmd, ...inputs(name), '--format', 'csv'], { cwd: DIR });
        expect(r.code, `${cmd[0]} on ${name}: ${r.stderr}`).toBe(e.exit);
        if (e.stderr) expect(r.stderr).toMatch(new RegExp(e.stderr));
        expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
        if (e.exit !== 0) {
          expect(r.stdout).toBe('');
          expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('fos:'))).toHaveLength(1);
        }
      }
      if (e.strict) {
        const r = await fos(['check', ...inputs(name), '--strict'], { cwd: DIR });
        expect(r.code).toBe(e.strict.exit);
        expect(r.stderr).toMatch(new RegExp(e.strict.stderr));
      }
    });
  }
});

describe('fuzz: arbitrary bytes never make the loader throw anything but the typed error', () => {
  const dir = tempDir();
  const file = join(dir, 'fuzz.csv');
  const runs = Number(process.env.FOS_FUZZ_RUNS ?? 1500);
  const header = 'URN,SCHNAME,ATT8SCR,PTFSM6CLA1A\n';
  const load = () => loadInputs([{ year: '2019', attainment: file }], { columns: { context: {}, subjects: [] }, where: [], strict: false });

  const tryLoad = (bytes: Uint8Array) => {
    writeFileSync(file, bytes);
    try {
      load();
    } catch (e) {
      if (!isFosError(e)) throw e;
    }
  };

  it(`random bytes (${runs} runs)`, () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => tryLoad(b)), { numRuns: runs });
  });

  it(`a valid header then random text (${runs} runs)`, () => {
    const cell = fc.oneof(fc.constantFrom('', 'NA', 'SUPP', '47.2', '12%', '-3', '"', '""', '1e9', 'x', '\uFEFF', '\r', ';'), fc.string({ maxLength: 5 }));
    const row = fc.array(cell, { maxLength: 6 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r'), (rows, eol) => tryLoad(Buffer.from(header + rows.join(eol)))),
      { numRuns: runs },
    );
  });
});
