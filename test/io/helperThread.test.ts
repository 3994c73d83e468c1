import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareFamilies } from '../../src/core/compare/compareFamilies.js';
import { buildFamilies } from '../../src/core/families/buildFamilies.js';
import { neighbours } from '../../src/core/families/neighbours.js';
import { HelperThread } from '../../src/io/helperThread.js';
import { bySchool } from '../helpers/ownFamilies.js';
import { school } from '../helpers/schools.js';

// The thread runs the built worker (npm test builds dist/ first).
const script = new URL('../../dist/io/helperWorker.js', import.meta.url);

/** n points in 3 dimensions on a coarse grid, so many share a place or a distance (seeded). */
function space(n: number) {
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const coords = Float64Array.from({ length: n * 3 }, () => Math.round(next() * 400) / 100);
  const idRank = Int32Array.from({ length: n }, (_, i) => i);
  return { sp: { vars: [], stats: [], dims: 3, coords, index: new Float64Array(n) }, idRank };
}

describe.runIf(existsSync(script))('HelperThread', () => {
  it('shares a search with a second thread and gives the same families, twice on one space', () => {
    const { sp, idRank } = space(20_000);
    const thread = new HelperThread(script);
    try {
      const alone = neighbours(sp, idRank, 20, false);
      for (let k = 0; k < 2; k++) {
        const shared = neighbours(sp, idRank, 20, false, thread);
        expect(bySchool(shared)).toEqual(bySchool(alone));
      }
      expect(thread.answered).toBe(2);
    } finally {
      thread.close();
    }
  });

  it('judges half of many families on the thread once it runs, with the same comparisons', () => {
    let seed = 11;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const schools = Array.from({ length: 12_000 }, (_, k) => {
      const measure = Math.round(next() * 600) / 10;
      return school(String(100000 + k), Math.round(next() * 500) / 10, measure, { ciLow: k % 7 ? measure - 3 : null, ciHigh: measure + 3 });
    });
    const yf = buildFamilies('2019', schools, { method: 'neighbours', size: 20, tiesAll: false, bands: [0, 100], groups: 1, context: [{ name: 'fsm', weight: 1 }] });
    const rule = { threshold: 1, lowerIsBetter: false, hasBounds: true };
    const alone = compareFamilies(yf, rule);
    const thread = new HelperThread(script);
    try {
      compareFamilies(yf, rule, undefined, thread);
      expect(thread.answered).toBe(0); // not worth starting the thread for
      thread.warm();
      const shared = compareFamilies(yf, rule, undefined, thread);
      expect(thread.answered).toBe(1);
      expect(schools.map((_, i) => shared.get(i))).toEqual(schools.map((_, i) => alone.get(i)));
    } finally {
      thread.close();
    }
  });

  // A helper that starts but never answers: test/io/loadInputs.test.ts ("never answers").
  it('falls back to one thread when the helper has no script', () => {
    const { sp, idRank } = space(20_000);
    const alone = bySchool(neighbours(sp, idRank, 20, false));
    for (const bad of [new URL('./no-such-worker.js', script)]) {
      const thread = new HelperThread(bad, 300);
      try {
        expect(bySchool(neighbours(sp, idRank, 20, false, thread))).toEqual(alone);
        expect(thread.answered).toBe(0);
      } finally {
        thread.close();
      }
    }
  });
});
