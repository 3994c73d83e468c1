import { expect } from 'vitest';
import { familiesOf, NeighbourIndex, ownFamily, searchRuns, type NeighbourHelper, type OwnFamilies } from '../../src/core/families/neighbours.js';

/** Every school's family (itself first, then nearest first), in school order: rows can
 * come in any order and parts, so two searches are compared this way. */
export const bySchool = (f: OwnFamilies): number[][] => Array.from(f.rowOf, (_, i) => Array.from(ownFamily(f, i)));

/**
 * A neighbour helper in this thread: when started it takes `runs` runs of the search (as
 * a thread quicker off the mark would) and finds their families from the index it is
 * given, which must be in shared memory (so a thread could be given it); the caller then
 * takes the runs left. With `fails`, it then gives no answer, as a failed thread.
 */
export const inProcessHelper = (runs: number, fails: boolean): NeighbourHelper & { jobs: number; readied: number } => ({
  minWork: 0,
  jobs: 0,
  readied: 0,
  ready() {
    this.readied++;
  },
  start(given, job) {
    this.jobs++;
    expect(given.shared).toBe(true);
    const index = new NeighbourIndex(given.arrays);
    const took: number[] = [];
    for (const run of searchRuns(index.inSearchOrder(job.schools), job.taken)) {
      took.push(...run);
      if (took.length && --runs <= 0) break;
    }
    const f = familiesOf(index, { ...job, schools: Int32Array.from(took), taken: undefined });
    return () => (fails ? undefined : f);
  },
});
