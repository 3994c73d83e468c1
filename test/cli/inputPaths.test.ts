import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { files, fos, ks4 } from '../helpers/schools.js';

const csv = (s: string) => parse(s, { bom: true, columns: true }) as Record<string, string>[];
const census = (ids: number[]) => 'URN,PNUMFSMEVER\n' + ids.map((k) => `${k},${k * 3}`).join('\n') + '\n';
const rows = (la: string, ids: number[]) => ks4(ids.map((k) => ['1', la, `${k}`, `S${k}`, '30', `${40 + k}`]));

// A folder of three authorities' files with no year in their names, and a census.
const f = files({ 'census.csv': census([1, 2, 3, 4, 5, 6, 7, 8, 9]) });
const split = join(f.dir, 'split');
mkdirSync(split);
writeFileSync(join(split, 'a.csv'), rows('850', [1, 2, 3]));
writeFileSync(join(split, 'b.csv'), rows('936', [4, 5, 6]));
writeFileSync(join(split, 'c.csv'), rows('815', [7, 8, 9]));
const ids = (out: string) => csv(out).map((r) => r.id);
const families = (args: string[]) => fos(['families', ...args, '--size', '3', '--format', 'csv']);

describe('several files for one year: patterns, folders, the manifest', () => {
  it('a pattern may use [ab], ?, and {a,b}, as * already could', async () => {
    const bracket = await families(['--attainment', `2019=${join(split, '[ab].csv')}`, '--fsm', f['census.csv']]);
    expect(bracket.code, bracket.stderr).toBe(0);
    expect(ids(bracket.stdout)).toEqual(['1', '2', '3', '4', '5', '6']);
    const brace = await families(['--attainment', `2019=${join(split, '{a,c}.csv')}`, '--fsm', f['census.csv']]);
    expect(ids(brace.stdout)).toEqual(['1', '2', '3', '7', '8', '9']);
    const one = await families(['--attainment', `2019=${join(split, '?.csv')}`, '--fsm', f['census.csv']]);
    expect(ids(one.stdout)).toHaveLength(9);
    const none = await families(['--attainment', `2019=${join(split, '[xy].csv')}`, '--fsm', f['census.csv']]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no file matches \[xy\]\.csv \(named by --attainment\)/);
  });

  it('a folder whose files name no year: the hint says to write the year before the folder', async () => {
    const r = await fos(['check', '--attainment', 'split'], { cwd: f.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot tell the year of split\/a\.csv \(found by split\)/);
    expect(r.stderr).toMatch(/hint: write the year before the folder or pattern: --attainment YEAR=split/);
    // As the hint says, it works.
    const ok = await fos(['families', '--attainment', '2019=split', '--fsm', 'census.csv', '--size', '3', '--format', 'csv'], { cwd: f.dir });
    expect(ids(ok.stdout)).toHaveLength(9);
  });

  it('the manifest takes a list, a folder or a pattern for a year, as the flags do', async () => {
    const m = (years: unknown, more: object = {}) => {
      const file = join(f.dir, `m${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, JSON.stringify({ years, ...more }));
      return file;
    };
    const list = await families(['--data', m({ 2019: { attainment: ['split/a.csv', 'split/b.csv'], fsm: 'census.csv' } })]);
    expect(list.code, list.stderr).toBe(0);
    expect(ids(list.stdout)).toEqual(['1', '2', '3', '4', '5', '6']);
    const folder = await families(['--data', m({ 2019: { attainment: 'split', fsm: 'census.csv' } })]);
    expect(ids(folder.stdout)).toHaveLength(9);
    const pattern = await families(['--data', m({ 2019: { attainment: 'split/[bc].csv', fsm: ['census.csv'] } })]);
    expect(ids(pattern.stdout)).toEqual(['4', '5', '6', '7', '8', '9']);
    // The same as the flags give.
    const flags = await families(['--attainment', `2019=${join(split, '[bc].csv')}`, '--fsm', f['census.csv']]);
    expect(pattern.stdout).toBe(flags.stdout);
  });

  it('the manifest: a missing file names its entry and the manifest\'s folder; an unknown key is an error listing the keys', async () => {
    const missing = join(f.dir, 'missing.json');
    writeFileSync(missing, JSON.stringify({ years: { 2019: { attainment: 'nope.csv' } } }));
    const r = await fos(['check', '--data', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.csv: no such file \(named by "attainment" of 2019 in missing\.json\)/);
    expect(r.stderr).toMatch(/hint: check the path: it is relative to the manifest's folder/);
    const typo = join(f.dir, 'typo.json');
    writeFileSync(typo, JSON.stringify({ years: { 2019: { attainment: 'split/a.csv' } }, columns: { joinID: 'URN' } }));
    const t = await fos(['check', '--data', typo]);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/"columns" has a key "joinID", which fos does not read\n  hint: did you mean "joinId"\?/);
    writeFileSync(typo, JSON.stringify({ years: { 2019: { attainment: 'split/a.csv', census: 'census.csv' } }, _note: 'a comment' }));
    expect((await fos(['check', '--data', typo])).stderr).toMatch(/year 2019 has a key "census", which fos does not read\n  hint: its keys are: attainment, fsm, join/);
    // A misspelling (one letter out) gets the key meant.
    writeFileSync(typo, JSON.stringify({ years: { 2019: { attainment: 'split/a.csv' } }, colums: { id: 'URN' } }));
    expect((await fos(['check', '--data', typo])).stderr).toMatch(/has a key "colums", which fos does not read\n  hint: did you mean "columns"\?/);
  });
});

describe('no such file', () => {
  it('names the flag, and says "relative to the current folder" only for a relative path', async () => {
    const rel = await fos(['check', '--attainment', 'nope.csv'], { cwd: f.dir });
    expect(rel.code).toBe(2);
    expect(rel.stderr).toBe(`fos: nope.csv: no such file (named by --attainment)\n  hint: check the path: it is relative to the current folder, ${f.dir}\n`);
    const abs = await fos(['check', '--attainment', join(f.dir, 'split', 'a.csv'), '--fsm', '/no/such/census.csv'], { cwd: f.dir });
    expect(abs.stderr).toBe('fos: /no/such/census.csv: no such file (named by --fsm)\n  hint: check the path\n');
    const join_ = await fos(['check', '--attainment', join(split, 'a.csv'), '--join', 'gias.csv'], { cwd: f.dir });
    expect(join_.stderr).toMatch(/^fos: gias\.csv: no such file \(named by --join\)/);
    const links = await fos(['check', '--attainment', join(split, 'a.csv'), '--links', '/no/links.csv']);
    expect(links.stderr).toMatch(/^fos: \/no\/links\.csv: no such file \(named by --links\)/);
    // A pattern in a folder that is not there: the folder, and who named it.
    const folder = await fos(['check', '--attainment', '2019=nodir/ks4_*.csv'], { cwd: f.dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(`fos: nodir: no such folder (named by --attainment)\n  hint: check the path: it is relative to the current folder, ${f.dir}\n`);
  });
});
