import { workerData, type MessagePort } from 'node:worker_threads';
import { judgeRows, type CandidateRule, type JudgeData } from '../core/compare/compareFamilies.js';
import { NeighbourIndex, searchFamilies, type FamilyRows, type NeighbourIndexArrays } from '../core/families/neighbours.js';
import { isFosError } from '../core/errors.js';
import { readRows, type RowsJob } from '../io/readRows.js';
import { buffersOf, takeRuns } from './runs.js';

/**
 * The helper thread of parallel/helperThread.ts. A job is a share of a neighbour search
 * (runs of `schools` taken from a counter in shared memory, each searched with core's
 * searchFamilies on the index sent in shared memory, kept for the next job on it), some
 * families judged (core's judgeRows), or one file's rows. Every job is answered, with its
 * result, a FosError's parts, or a failure, then the waiting thread is woken.
 */
export type WorkerJob = ({ kind: 'families' } & FamiliesJob) | ({ kind: 'rows' } & RowsJob) | ({ kind: 'judge' } & JudgeJob);

export interface FamiliesJob {
  key: number;
  /** The index's arrays (in shared memory), sent with the first job on it. */
  index?: NeighbourIndexArrays;
  schools: Int32Array;
  sizes: number[];
  tiesAll: boolean;
  /** Runs of `schools` are taken in turn: taken[0] counts those taken by any thread. */
  taken: Int32Array;
  runs: number;
}

export interface JudgeJob {
  data: JudgeData;
  rows: FamilyRows;
  rule: CandidateRule;
}

if (workerData?.done) {
  const { port, done } = workerData as { port: MessagePort; done: Int32Array };
  let cached: { key: number; index: NeighbourIndex } | undefined;
  Atomics.store(done, 1, 1);

  port.on('message', (job: WorkerJob) => {
    try {
      if (job.kind === 'rows') {
        const answer = readRows(job);
        const { numbers } = answer.rows;
        port.postMessage({ answer }, buffersOf([answer.rows.order, answer.rows.lines, ...Object.values(numbers)]));
      } else if (job.kind === 'judge') {
        const answer = judgeRows(job.data, job.rows, job.rule);
        port.postMessage({ answer }, buffersOf(Object.values(answer)));
      } else {
        if (job.index) cached = { key: job.key, index: new NeighbourIndex(job.index) };
        if (!cached || cached.key !== job.key) throw new Error(`no index ${job.key}`);
        const index = cached.index;
        const answer: FamilyRows[][] = [];
        takeRuns(job, (run) => answer.push(searchFamilies(index, run, job.sizes, job.tiesAll)));
        port.postMessage({ answer }, buffersOf(answer.flat().flatMap((f) => [f.offsets, f.members])));
      }
    } catch (e) {
      if (isFosError(e)) port.postMessage({ fosError: { code: e.code, message: e.message, location: e.location, hint: e.hint } });
      else port.postMessage({ failed: String(e) });
    }
    Atomics.add(done, 0, 1);
    Atomics.notify(done, 0);
  });
}
