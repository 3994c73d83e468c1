import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, type AnalysisOptions } from '../../src/core/analyse.js';
import { robustness } from '../../src/core/compare/robustness.js';
import { HelperThread } from '../../src/parallel/helperThread.js';
import { runOf, takeRuns } from '../../src/parallel/runs.js';
import { Scheduler, threadPlan } from '../../src/parallel/scheduler.js';
import type { YearData } from '../../src/core/types.js';
import { school, table } from '../helpers/schools.js';

// The thread runs the built worker (npm test builds dist/ first).
const script = new URL('../../dist/parallel/helperWorker.js', import.meta.url);

/** n schools in 3 variables on a coarse grid, so many share a place or a distance (seeded). */
function year(n: number): YearData {
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows = Array.from({ length: n }, (_, k) => {
    const measure = Math.round(next() * 600) / 10;
    return school(String(100000 + 3 * k), Math.round(next() * 40) / 2, measure, { ciLow: k % 7 ? measure - 3 : null, ciHigh: measure + 3, context: { eal: Math.round(next() * 20), sen: Math.round(next() * 10) } });
  });
  return { year: '2019', schools: table(rows), files: [], join: { matched: n, attainmentOnly: 0, fsmOnly: 0, sameFile: true } };
}

const options: AnalysisOptions = {
  eligibility: { minCohort: 11, includeSpecial: false, contextVars: ['eal', 'sen'] },
  families: { method: 'neighbours', size: 20, tiesAll: false, bands: [0, 100], groups: 1, context: ['fsm', 'eal', 'sen'].map((name) => ({ name, weight: 1 })) },
  rule: { threshold: 1, lowerIsBetter: false, hasBounds: true },
};

/** Everything an analysis gives per school: its family and its comparison, then robustness. */
function results(years: YearData[], run?: Scheduler) {
  const [a] = analyse(years, options, undefined, run);
  const f = a.families.families;
  if (f.kind !== 'own') throw new Error('neighbours expected');
  const candidates = a.families.schools.id.map((_, i) => i).filter((i) => a.comparisons.candidate(i));
  return {
    offsets: Array.from(f.offsets),
    members: Array.from(f.members),
    comparisons: a.families.schools.id.map((_, i) => a.comparisons.get(i)),
    robust: [...robustness(a.families, candidates, options.rule, run)],
  };
}

describe.runIf(existsSync(script))('Scheduler', () => {
  const data = [year(3000)];
  const alone = results(data);

  it('shares the search and the judging with helper threads and gives what one thread gives', () => {
    // Thresholds at 0, so even 3,000 schools take the shared path.
    const run = new Scheduler({ threads: 3, minSearch: 0, minJudged: 0, helpers: [new HelperThread(script), new HelperThread(script)] });
    try {
      expect(results(data, run)).toEqual(alone);
      // Each helper: the year's search, its judging, the robustness search and its two judgings.
      expect(run.helpers.map((h) => h.answered)).toEqual([5, 5]);
    } finally {
      run.close();
    }
  });

  it('with one thread, or below its thresholds, uses no helper', () => {
    for (const run of [new Scheduler({ threads: 1 }), new Scheduler({ threads: 2, helpers: [new HelperThread(script)] })]) {
      try {
        expect(results(data, run)).toEqual(alone);
        expect(run.helpers.map((h) => h.answered)).toEqual(run.helpers.map(() => 0));
      } finally {
        run.close();
      }
    }
  });

  it('does a helper’s share itself when the helper has no script, or starts but never answers', () => {
    for (const bad of [new URL('./no-such-worker.js', script), new URL('../fixtures/workers/silent.mjs', import.meta.url)]) {
      const run = new Scheduler({ threads: 2, minSearch: 0, minJudged: 0, helpers: [new HelperThread(bad, 300)] });
      try {
        expect(results(data, run)).toEqual(alone);
        expect(run.helpers[0].answered).toBe(0);
      } finally {
        run.close();
      }
    }
  });
});

describe('takeRuns', () => {
  it('cuts a search into runs that cover it once, in order, and takes those not yet taken (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 80 }), fc.nat(), (n, wanted, r0) => {
        const schools = Int32Array.from({ length: n }, (_, k) => 7 * k);
        const runs = Math.min(wanted, n);
        const all = Array.from({ length: runs }, (_, r) => Array.from(runOf(schools, runs, r)));
        expect(all.flat()).toEqual(Array.from(schools));
        // Another thread has taken the first r runs: this one takes the rest, in order.
        const r = runs ? r0 % (runs + 1) : 0;
        const taken = new Int32Array(new SharedArrayBuffer(4));
        taken[0] = r;
        const got: number[][] = [];
        takeRuns({ schools, taken, runs }, (run) => got.push(Array.from(run)));
        expect(got).toEqual(all.slice(r));
      }),
    );
    // Worked by hand: 128 schools in 64 runs are runs of 2.
    expect(Array.from(runOf(Int32Array.from({ length: 128 }, (_, k) => k), 64, 1))).toEqual([2, 3]);
  });

  it('--threads auto: the cores up to 4, one on one core, and on two cores a second thread only for the largest work; a number as asked', () => {
    expect([1, 2, 3, 4, 8].map((cores) => threadPlan('auto', cores).threads)).toEqual([1, 2, 3, 4, 4]);
    expect(threadPlan(2, 1).threads).toBe(2);
    expect(threadPlan(1, 8).threads).toBe(1);
    // The bench inputs (bench/NOTES.md): at 100,000 schools the census (13 MB) and the search
    // (100,000 × 40, the largest robustness family, × 3 = 12,000,000) stay on one thread on
    // two cores; at 500,000 (68 MB; 60,000,000) they are shared. On four cores both are shared.
    const two = threadPlan('auto', 2);
    const four = threadPlan('auto', 4);
    expect([13_462_799 >= two.minFileBytes, 12_000_000 >= two.minSearch]).toEqual([false, false]);
    expect([68_097_496 >= two.minFileBytes, 60_000_000 >= two.minSearch]).toEqual([true, true]);
    expect([13_462_799 >= four.minFileBytes, 12_000_000 >= four.minSearch]).toEqual([true, true]);
  });
});
