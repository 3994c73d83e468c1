import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built library as `import ... from 'fos'` gives it (package.json "main": dist/index.js).
const ROOT = resolve(__dirname, '../..');
const INDEX = resolve(ROOT, 'dist/index.js');
// Skipped only when nothing is built (npm test builds first); a build without index.js fails.
const built = existsSync(resolve(ROOT, 'dist/cli/main.js'));

describe.skipIf(!built)('dist/index.js, the library entry', () => {
  it('is what package.json names, and exports run, loadInputs, analyse and the commands', async () => {
    const pkg = await import(pathToFileURL(resolve(ROOT, 'package.json')).href, { with: { type: 'json' } });
    expect(resolve(ROOT, pkg.default.main)).toBe(INDEX);
    const fos = await import(pathToFileURL(INDEX).href);
    for (const name of ['run', 'loadInputs', 'analyse', 'toConfig', 'render', 'check', 'families', 'report', 'outperformers', 'odds', 'partners', 'trend']) {
      expect(typeof fos[name], name).toBe('function');
    }
  });

  it('loadInputs + analyse give the families the CLI prints', async () => {
    const fos = await import(pathToFileURL(INDEX).href);
    const year = { year: '2019', attainment: resolve(ROOT, 'data/ks4_2019.csv'), fsm: resolve(ROOT, 'data/census_2019.csv') };
    const { years, map } = fos.loadInputs([year], { columns: { context: {}, subjects: [] }, where: [], strict: false });
    const config = fos.toConfig('families', {}, { cwd: ROOT, isTTY: false, env: {}, samplePath: resolve(ROOT, 'data/fos.json') });
    const [a] = fos.analyse(years, { eligibility: config.eligibility, families: config.families, rule: { ...config.rule, hasBounds: map.ci !== undefined } });
    const medians = a.families.schools.id.map((id: string, i: number) => [id, a.comparisons.get(i).median]);
    // The same figures as the built bin's csv (a separate process: what a user runs).
    const cli = spawnSync(process.execPath, [resolve(ROOT, 'bin/fos.js'), 'families', '--attainment', year.attainment, '--fsm', year.fsm, '--format', 'json'], { encoding: 'utf8' });
    const rows = JSON.parse(cli.stdout).tables.families as { id: string; family_median: number }[];
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.map((r) => [r.id, r.family_median])).toEqual(medians.map(([id, m]: [string, number]) => [id, Math.round(m * 1e4) / 1e4]));
    // trendOf's points carry only what is set (no unread englandPublished, no `weighted`
    // that called the published figures plain means): the sample's 2019 file has its
    // LEA rows (RECTYPE 4), so the school's LA figure is the published one.
    const [point] = fos.trendOf([a], a.families.schools.id[0]);
    expect(Object.keys(point).sort()).toEqual(['eligible', 'englandAverage', 'familyMedian', 'familySize', 'id', 'joined', 'label', 'laAverage', 'laPublished', 'left', 'measure', 'rank', 'year'].sort());
    expect(point.laPublished).toBe(true);
  });
});
