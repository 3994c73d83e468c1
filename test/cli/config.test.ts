import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toConfig } from '../../src/cli/config.js';
import { keyOf, OPTIONS } from '../../src/cli/options.js';
import { files, fos, tempDir } from '../helpers/schools.js';

const env = { cwd: process.cwd(), isTTY: false, env: {}, samplePath: resolve(__dirname, '../../data/fos.json') };
const defaultOf = (flag: string) => OPTIONS.find((o) => o.flags.split(' ')[0] === flag)!.default;

describe('toConfig', () => {
  it('takes every default from OPTIONS, and nests families, rule and eligibility', () => {
    const c = toConfig('outperformers', {}, env);
    expect(c.families).toEqual({ method: defaultOf('--method'), size: defaultOf('--size'), tiesAll: false, bands: defaultOf('--bands'), groups: defaultOf('--groups'), context: defaultOf('--context'), match: [] });
    expect(c.rule).toEqual({ threshold: defaultOf('--threshold'), lowerIsBetter: false });
    expect(c.eligibility).toEqual({ minCohort: defaultOf('--min-cohort'), includeSpecial: false, contextVars: [] });
    expect([c.consistent, c.highFsm, c.encoding]).toEqual([defaultOf('--consistent'), defaultOf('--high-fsm'), defaultOf('--encoding')]);
  });

  it('parses each value given as text with its option\'s parse function', () => {
    const c = toConfig('outperformers', { size: '7', context: 'fsm=2,eal=1', contextCol: ['eal=PNUMEAL'], minCohort: '5', threshold: '1.5' }, env);
    expect(c.families).toMatchObject({ size: 7, context: [{ name: 'fsm', weight: 2 }, { name: 'eal', weight: 1 }] });
    // --bands with neighbours does not apply (a usage error), so it is parsed where it does: odds.
    expect(toConfig('odds', { bands: '0,10,100' }, env).families.bands).toEqual([0, 10, 100]);
    expect(c.eligibility).toEqual({ minCohort: 5, includeSpecial: false, contextVars: ['eal'] });
    expect(c.columns.context).toEqual({ eal: 'PNUMEAL', sen: 'PSENELK' }); // sen from the sample's manifest
    expect(c.rule.threshold).toBe(1.5);
    // Every option has a value key commander gives it.
    expect(new Set(OPTIONS.map(keyOf)).size).toBe(OPTIONS.length);
  });
});

describe('year labels: every spelling of a year is its end year (core/load/yearLabel.ts)', () => {
  it('manifest years, --year and --keep-families as YEAR=FILE: "2018-19" is 2019; two spellings of one year are an error', () => {
    // (The files must be there: a manifest's paths are checked as it is read.)
    const f = files({ 'a.csv': '', 'b.csv': '', 'fos.json': JSON.stringify({ years: { '2017/18': { attainment: 'a.csv' }, '2018-19': { attainment: 'b.csv' } } }) });
    const c = toConfig('families', { data: f['fos.json'], year: '2018-19', keepFamilies: '201718' }, env);
    expect(c.inputs.map((y) => y.year)).toEqual(['2018', '2019']);
    expect([c.year, c.keepFamilies]).toEqual(['2019', '2018']);
    expect(toConfig('families', { data: f['fos.json'], year: 'all' }, env).year).toBe('all');
    const g = files({ 'a.csv': '', 'b.csv': '', 'fos.json': JSON.stringify({ years: { '2019': { attainment: 'a.csv' }, '2018-19': { attainment: 'b.csv' } } }) });
    expect(() => toConfig('families', { data: g['fos.json'] }, env)).toThrow(/years "2019" and "2018-19" are the same year \(2019\)/);
  });
});

describe('option values that cannot apply are usage errors (issue 17, item 17)', () => {
  const cases: [string[], RegExp][] = [
    [['partners', 'x', '--max-km', '-1'], /invalid value for --max-km: "-1"[\s\S]*above 0/],
    [['partners', 'x', '--max-km', '0'], /invalid value for --max-km/],
    [['odds', '--high-fsm', '200'], /invalid value for --high-fsm: "200"[\s\S]*0 to below 100/],
    [['odds', '--bands', '0,50,200'], /invalid value for --bands/],
    [['families', '-o', 'x.foo'], /cannot tell the format of x\.foo[\s\S]*--format/],
    [['families', '--size', '1'], /invalid value for --size/],
  ];
  for (const [argv, message] of cases) {
    it(argv.join(' '), async () => {
      const r = await fos(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }

  it('-o with an unknown extension is fine with --format', async () => {
    const r = await fos(['check', '-o', resolve(tempDir(), 'check.foo'), '--format', 'csv']);
    expect(r.code).toBe(0);
  });
});

describe('sizes that leave nothing to compare are said on stderr (issue 17, item 17)', () => {
  it('--size at least the eligible schools: one family of all of them', async () => {
    const r = await fos(['families', '--size', '1000000', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/--size 1000000 is not below the eligible schools \(280 in 2017: ks4_2017.csv \+ census_2017.csv, 278 in 2018: ks4_2018.csv \+ census_2018.csv, 297 in 2019: ks4_2019.csv \+ census_2019.csv\): every school's family is all of them/);
    expect((await fos(['families', '--method', 'size', '--size', '1000000', '--format', 'csv'])).stderr).toMatch(/one family holds all of them/);
    expect((await fos(['families', '--size', '20', '--format', 'csv'])).stderr).not.toMatch(/--size/);
  });

  it('--groups beyond a third of the schools: families too small to compare', async () => {
    const r = await fos(['families', '--method', 'quantiles', '--groups', '100000', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/--groups 100000 over the eligible schools \(280 in 2017: ks4_2017.csv \+ census_2017.csv, 278 in 2018: ks4_2018.csv \+ census_2018.csv, 297 in 2019: ks4_2019.csv \+ census_2019.csv\) gives families of fewer than 3 schools/);
    expect((await fos(['families', '--method', 'ckmeans', '--groups', '5', '--format', 'csv'])).stderr).not.toMatch(/--groups/);
  });
});
