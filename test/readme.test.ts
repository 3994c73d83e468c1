import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_COLUMNS, MANIFEST_KEYS, YEAR_KEYS } from '../src/io/manifest.js';

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

  it('shows every key of the manifest in its example, and says what each is', () => {
    const example = /- \*\*Manifest\*\*[\s\S]*?```json\n([\s\S]*?)```/.exec(README)![1];
    const m = JSON.parse(example);
    expect(Object.keys(m).filter((k) => !k.startsWith('_')).sort()).toEqual([...MANIFEST_KEYS].sort());
    expect(Object.keys(m.columns).sort()).toEqual([...MANIFEST_COLUMNS].sort());
    expect(Object.keys(m.years['2019']).sort()).toEqual([...YEAR_KEYS].sort());
    // A row of the table for each key, and each column key named in the "columns" row.
    for (const k of Object.keys(m).filter((x) => !x.startsWith('_'))) expect(README).toContain(`\n  | \`${k}\` |`);
    const row = /\n {2}\| `columns` \|.*/.exec(README)![0];
    for (const k of MANIFEST_COLUMNS) expect(row).toContain(`\`${k}\``);
  });
});
