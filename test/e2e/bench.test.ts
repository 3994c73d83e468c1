import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script, without types
import { benchInputs } from '../../scripts/bench-inputs.mjs';
import { tempDir } from '../helpers/schools.js';

const bench = fileURLToPath(new URL('../../scripts/bench.mjs', import.meta.url));

describe('npm run bench', () => {
  it('times every stage on generated inputs (its child mode, which the full run spawns per case)', () => {
    const files = benchInputs(tempDir(), 400) as { ks4: string; census: string };
    for (const vars of ['1', '3']) {
      const child = spawnSync(process.execPath, [bench, '--stages', files.ks4, files.census, vars], { encoding: 'utf8' });
      expect(child.stderr).toBe('');
      const stages = JSON.parse(child.stdout);
      expect(Object.keys(stages)).toEqual(['read', 'load', 'families', 'compare', 'csv', 'schools']);
      expect(stages.schools).toBeGreaterThan(300);
    }
  });
});
