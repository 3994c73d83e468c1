import { workerData, type MessagePort } from 'node:worker_threads';
import { judgeRows, type JudgeJob } from '../core/compare/compareFamilies.js';
import { comparisonColumns } from '../core/compare/comparisons.js';
import { familiesOf, NeighbourIndex, type NeighbourIndexArrays, type NeighbourJob } from '../core/families/neighbours.js';
import { isFosError } from '../core/errors.js';
import { readRows, type RowsJob } from './readRows.js';

/**
 * The helper thread of io/helperThread.ts. A job is a share of a neighbour search (its
 * families, found with the index sent in shared memory, kept for the next job on it),
 * some families judged, or one file's rows. Every job is answered, with its result, a
 * FosError's parts, or a failure, then the waiting thread is woken.
 */
export type WorkerJob = ({ kind: 'families' } & FamiliesJob) | ({ kind: 'rows' } & RowsJob) | ({ kind: 'judge' } & JudgeJob);

export interface FamiliesJob extends NeighbourJob {
  key: number;
  /** The index's arrays (in shared memory), sent with the first job on it. */
  index?: NeighbourIndexArrays;
}

const { port, done } = workerData as { port: MessagePort; done: Int32Array };
let cached: { key: number; index: NeighbourIndex } | undefined;
Atomics.store(done, 1, 1);

port.on('message', (job: WorkerJob) => {
  try {
    if (job.kind === 'rows') {
      const answer = readRows(job);
      const { numbers } = answer.rows;
      port.postMessage({ answer }, [answer.rows.order.buffer as ArrayBuffer, answer.rows.lines.buffer as ArrayBuffer, ...Object.values(numbers).map((c) => c.buffer as ArrayBuffer)]);
    } else if (job.kind === 'judge') {
      const n = job.rows.schools.length;
      const answer = comparisonColumns(n);
      judgeRows(job, job.rows, job.rule, answer, 0, n);
      port.postMessage({ answer }, Object.values(answer).map((c: Uint8Array) => c.buffer as ArrayBuffer));
    } else {
      if (job.index) cached = { key: job.key, index: new NeighbourIndex(job.index) };
      if (cached?.key !== job.key) throw new Error(`no index ${job.key}`);
      // A shared search writes its families to shared memory: they go back as they are.
      port.postMessage({ answer: familiesOf(cached.index, job) });
    }
  } catch (e) {
    if (isFosError(e)) port.postMessage({ fosError: { code: e.code, message: e.message, location: e.location, hint: e.hint } });
    else port.postMessage({ failed: String(e) });
  }
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});
