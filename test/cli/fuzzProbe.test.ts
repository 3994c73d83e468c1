import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { tempDir } from '../helpers/schools.js';
// @ts-expect-error: a plain .mjs script, shared with scripts/fuzz.mjs
import { bases, makeCase, runCase } from '../../scripts/fuzzCases.mjs';

// A few dozen cases of the fuzzer (scripts/fuzz.mjs runs 5,000): seeded mutations of real
// DfE files (../shared/data), each run through check and outperformers in-process. None
// may end in an untyped error, or fail without naming the file (case 17 did: "latest: 1
// eligible school; families need at least 2" named no file).
const SHARED = resolve(__dirname, '../../../shared/data');

describe.skipIf(!existsSync(SHARED))('fuzz probe: mutated real files', () => {
  it('40 seeded cases: typed errors only, each naming the file', async () => {
    const all = bases(SHARED);
    const dir = tempDir();
    const failures: string[] = [];
    for (let k = 0; k < 40; k++) {
      const c = makeCase(all, 1, k);
      for (const f of await runCase(run, c, join(dir, String(k)))) failures.push(`case ${k} [${c.steps.join(', ')}]: ${f}`);
    }
    expect(failures).toEqual([]);
  });
});
