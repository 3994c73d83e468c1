import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILY_METHODS } from '../../src/core/families/buildFamilies.js';
import { COMMAND_NAMES, COMMANDS, defaultShown, METHODS, OPTIONS, optionsFor } from '../../src/cli/options.js';
import { fos } from '../helpers/schools.js';

const ROOT = resolve(__dirname, '../..');
const built = existsSync(resolve(ROOT, 'dist/cli/options.js'));

describe('OPTIONS, the one list of options', () => {
  it('gives each default as its parse function reads the text shown in --help', () => {
    for (const o of OPTIONS.filter((x) => x.parse && x.default !== undefined)) {
      expect(o.parse!(defaultShown(o)!, o.flags), o.flags).toEqual(o.default);
    }
  });

  it('lists the family methods core knows, and each default among its choices', () => {
    expect(METHODS).toEqual(FAMILY_METHODS);
    expect(COMMANDS.map((c) => c.name)).toEqual(COMMAND_NAMES);
    for (const o of OPTIONS.filter((x) => x.choices && x.default !== undefined)) expect(o.choices, o.flags).toContain(o.default);
  });

  it.skipIf(!built)('is the README options table, as scripts/options-table.mjs prints it', () => {
    const table = execFileSync(process.execPath, [resolve(ROOT, 'scripts/options-table.mjs')], { encoding: 'utf8' });
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('**Inputs**');
    expect(readme.slice(start, start + table.trimEnd().length)).toBe(table.trimEnd());
  });
});

describe('--help', () => {
  it('shows every default of a command\'s options, and its examples', async () => {
    for (const c of COMMANDS) {
      const help = (await fos([c.name, '--help'])).stdout.replace(/\s+/g, ' ');
      for (const o of optionsFor(c.name)) {
        const shown = defaultShown(o);
        if (shown !== undefined) expect(help, `${c.name} ${o.flags}`).toContain(`(default: ${shown.replace(/\s+/g, ' ')})`);
      }
      expect(c.examples.length).toBeGreaterThanOrEqual(2);
      for (const e of c.examples) expect(help).toContain(e);
    }
    expect((await fos(['families', '--help'])).stdout).toMatch(/--size <n>\s+family size N \(neighbours, size\) \(default: 20\)/);
  });

  it('takes its examples from the README', () => {
    // Continued lines joined and runs of spaces made one, as a shell reads them.
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8').replace(/\\\n\s*/g, ' ').replace(/[ \t]+/g, ' ');
    for (const c of COMMANDS) for (const e of c.examples) expect(readme, e).toContain(e);
  });
});
