import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README as a newcomer reads it: examples that run as typed after `npm ci`.
const README = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
const commands = blocks.flatMap((b) => b.split('\n')).filter((l) => /^\s*(npx )?fos /.test(l));
const N = resolve(__dirname, '../../shared/data/north-yorkshire');

describe('README', () => {
  it('runs fos as `npx fos` in its shell examples (fos is not on the PATH after npm ci) and says how to link it', () => {
    expect(commands.length).toBeGreaterThan(5);
    for (const line of commands) expect(line.trim()).toMatch(/^npx fos /);
    expect(README).toMatch(/npm link/);
  });

  it('explains why the real-data tests are skipped on a fresh clone', () => {
    expect(README).toMatch(/fresh clone vitest reports them as \*skipped\*/);
  });

  it.skipIf(!existsSync(N))('names a URN for the trend example that is in every 815 KS4 file', () => {
    const urn = /npx fos trend (\d+)/.exec(README)![1];
    for (const f of ['815_2017_ks4final.csv', '815_2018_ks4final.csv', '815_2019_ks4provisional.csv']) {
      expect(readFileSync(join(N, f), 'utf8')).toMatch(new RegExp(`,${urn},`));
    }
  });
});
