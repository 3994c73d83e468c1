import { workerData, type MessagePort } from 'node:worker_threads';
import { familiesOf, NeighbourIndex, type NeighbourJob } from '../core/families/neighbours.js';

/**
 * The helper thread of io/neighbourHelper.ts: for each job, the families of its share,
 * found with an index built from the space sent (kept for the next job on that space).
 * Every job is answered, with its families or an error, then the waiting thread is woken.
 */
export interface WorkerJob extends NeighbourJob {
  key: number;
  space?: { dims: number; coords: Float64Array; idRank: Int32Array };
}

const { port, done } = workerData as { port: MessagePort; done: Int32Array };
let cached: { key: number; index: NeighbourIndex } | undefined;
Atomics.store(done, 1, 1);

port.on('message', (job: WorkerJob) => {
  try {
    if (job.space) cached = { key: job.key, index: new NeighbourIndex(job.space, job.space.idRank) };
    if (cached?.key !== job.key) throw new Error(`no index for space ${job.key}`);
    const families = familiesOf(cached.index, job);
    const buffers = new Set(families.flatMap((f) => [f.schools.buffer, f.offsets.buffer, f.members.buffer] as ArrayBuffer[]));
    port.postMessage({ families }, [...buffers]);
  } catch (e) {
    port.postMessage({ error: String(e) });
  }
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});
