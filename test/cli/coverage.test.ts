import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, no types
import { newYorkFiles } from '../../scripts/newyork-fixture.mjs';
import { looksNational } from '../../src/report/looksNational.js';
import { files, fos } from '../helpers/schools.js';

// The New York fixture: 60 schools in 6 districts, so by the rule (more than 100 LAs) not a
// whole system's file; --coverage whole says it is (a city's file is all of its schools).
describe('--coverage: whether the files loaded are a whole system', () => {
  const f = files(newYorkFiles());
  const manifest = JSON.parse(readFileSync(f['fos.json'], 'utf8'));
  const withManifest = (extra: Record<string, unknown>) => {
    const g = files({ 'nyc_2018.csv': readFileSync(f['nyc_2018.csv']), 'nyc_2019.csv': readFileSync(f['nyc_2019.csv']), 'fos.json': JSON.stringify({ ...manifest, ...extra }) });
    return g['fos.json'];
  };
  const odds = async (args: string[]) => {
    const r = await fos(['odds', ...args, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { summary: string[]; notes: string[]; meta: { options: Record<string, unknown> } };
  };

  it('odds: "New York City quartile" with whole, "over the loaded schools" by default (6 districts)', async () => {
    const auto = await odds(['--data', f['fos.json']]);
    expect(auto.summary.join('\n')).toMatch(/^Quartile cuts over the loaded schools \(not a New York City file\) of Mean scale score/m);
    expect(auto.notes.join('\n')).toContain('Quartile 1 is the best quarter of the loaded schools.');
    expect(auto.meta.options.coverage).toBeUndefined();
    const whole = await odds(['--data', f['fos.json'], '--coverage', 'whole']);
    expect(whole.summary.join('\n')).toMatch(/^New York City quartile cuts of Mean scale score, over all 60 eligible schools/m);
    expect(whole.notes.join('\n')).toContain('Quartile 1 is the best quarter in New York City.');
    expect(whole.meta.options.coverage).toBe('whole');
    // The cuts are the same numbers: only the words change.
    const cuts = (j: { summary: string[] }) => j.summary.join('\n').match(/schools: ([\d., ]+) \(25th/)![1];
    expect(cuts(whole)).toBe(cuts(auto));
  });

  it('the manifest can say it ("coverage": "whole"); the flag wins; a bad value is a usage error', async () => {
    const m = withManifest({ coverage: 'whole' });
    expect((await odds(['--data', m])).summary.join('\n')).toMatch(/New York City quartile cuts/);
    expect((await odds(['--data', m, '--coverage', 'part'])).summary.join('\n')).toMatch(/Quartile cuts over the loaded schools/);
    const bad = await fos(['odds', '--data', withManifest({ coverage: 'city' })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid value for "coverage" in .*fos\.json: "city"/);
    expect(bad.stderr).toMatch(/expected one of auto, whole, part/);
    const flag = await fos(['odds', '--data', f['fos.json'], '--coverage', 'city']);
    expect(flag.code).toBe(2);
  });

  it('trend: without a published figure, "all loaded" is the average of the whole city, not "not a New York City file"', async () => {
    // 2018 alone: the fixture's 2018 file has no city total row.
    const m = withManifest({ years: { 2018: { attainment: 'nyc_2018.csv' } } });
    const summary = async (extra: string[]) => JSON.parse((await fos(['trend', '01M100', '--data', m, ...extra, '--format', 'json'])).stdout).summary.join('\n');
    expect(await summary([])).toContain('the files loaded are not a New York City file, so the average of all of them is not New York City’s');
    expect(await summary(['--coverage', 'whole'])).toContain('the files carry no published New York City figure, so "all loaded" is the average of every school loaded, not New York City’s published one');
  });

  it('looksNational: the rule, unless the coverage is said', () => {
    // 101 authorities are a national file by the rule; 1 is not.
    const many = Array.from({ length: 101 }, (_, k) => String(k));
    expect([looksNational(many), looksNational(['1'])]).toEqual([true, false]);
    expect([looksNational(many, 'part'), looksNational(['1'], 'whole'), looksNational(['1'], 'auto')]).toEqual([false, true, false]);
  });
});
