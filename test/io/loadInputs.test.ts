import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FosError } from '../../src/core/errors.js';
import { HelperThread } from '../../src/parallel/helperThread.js';
import { loadInputs, type LoadOptions } from '../../src/io/loadInputs.js';

// The thread runs the built worker (npm test builds dist/ first).
const script = new URL('../../dist/parallel/helperWorker.js', import.meta.url);
const data = new URL('../../data/', import.meta.url).pathname;
const options: LoadOptions = { columns: { context: { eal: 'PNUMEAL', sen: 'PSENELK' }, subjects: [] }, where: [], strict: false };
const years = ['2017', '2018', '2019'].map((year) => ({ year, attainment: join(data, `ks4_${year}.csv`), fsm: join(data, `census_${year}.csv`) }));

/** Run `test` with a helper thread (by default one that takes every file, however small), then stop it. */
function withThread(test: (thread: HelperThread) => void, thread = new HelperThread(script, 5_000, 0)) {
  try {
    test(thread);
  } finally {
    thread.close();
  }
}

describe.runIf(existsSync(script))('loadInputs with a helper thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fos-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads each FSM file on the helper and gives the same years as one thread', () => {
    withThread((thread) => {
      const shared = loadInputs(years, options, thread);
      expect(thread.answered).toBe(3);
      expect(shared).toEqual(loadInputs(years, options));
    });
  });

  it('reports a bad FSM file as one thread would: same code, file, line and value', () => {
    const att = join(dir, 'ks4.csv');
    const fsm = join(dir, 'census.csv');
    writeFileSync(att, 'URN,SCHNAME,ATT8SCR,TPUP\n1,A,50,100\n2,B,40,100\n');
    writeFileSync(fsm, 'URN,PNUMFSMEVER\n1,10\n2,20\n1,30\n');
    const error = (h?: HelperThread) => {
      try {
        loadInputs([{ year: '2019', attainment: att, fsm }], { ...options, columns: { context: {}, subjects: [] } }, h);
      } catch (e) {
        return e;
      }
      throw new Error('no error');
    };
    withThread((thread) => {
      const away = error(thread) as FosError;
      expect(thread.answered).toBe(1);
      expect(away).toBeInstanceOf(FosError);
      const here = error() as FosError;
      expect(here.code).toBe('DUPLICATE_ID');
      expect([away.code, away.message, away.location, away.hint]).toEqual([here.code, here.message, here.location, here.hint]);
      // The error came from the helper, which still takes the next file.
      loadInputs(years.slice(2), options, thread);
      expect(thread.answered).toBe(2);
    });
  });

  it('passes over the answer of a file whose year stopped at an error, and reads the next year right', () => {
    const att = join(dir, 'ks4-bad.csv');
    const fsm = join(dir, 'census-good.csv');
    writeFileSync(att, 'URN,SCHNAME,ATT8SCR,TPUP\n1,A,50,100\n1,B,40,100\n');
    writeFileSync(fsm, 'URN,PNUMFSMEVER\n1,10\n2,20\n');
    withThread((thread) => {
      expect(() => loadInputs([{ year: '2019', attainment: att, fsm }], { ...options, columns: { context: {}, subjects: [] } }, thread)).toThrow(/appears twice/);
      expect(loadInputs(years.slice(1, 2), options, thread)).toEqual(loadInputs(years.slice(1, 2), options));
    });
  });

  it('reads the file itself when the helper never answers', () => {
    withThread((thread) => {
      expect(loadInputs(years.slice(2), options, thread)).toEqual(loadInputs(years.slice(2), options));
      expect(thread.answered).toBe(0);
    }, new HelperThread(new URL('../fixtures/workers/silent.mjs', import.meta.url), 300, 0));
  });
});
