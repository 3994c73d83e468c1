import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { NeighbourHelper, SomeFamilies } from '../core/families/neighbours.js';
import type { WorkerJob } from './neighbourWorker.js';

/** How long to wait for the helper to start, and then to answer, before doing its share here. */
const START_MS = 5_000;
const PATIENCE_MS = 120_000;

/**
 * A second thread for neighbour searches (core/families/neighbours.ts, NeighbourHelper),
 * so a large search uses two cores. The thread starts on first use; each space is sent to
 * it once. Waiting blocks this thread (Atomics.wait) until the helper has answered, and
 * the answer is read synchronously, so core stays synchronous. A helper that fails or
 * never answers is given up and its share done here: results are the same either way.
 */
export class NeighbourThread implements NeighbourHelper {
  /** Sharing pays from about 20,000 schools in 3 variables (measured: 100k schools, 0.78 s
   * alone, 0.62 s shared; 500k, 3.5 s and 2.5 s). */
  readonly minWork = 60_000;
  private worker?: Worker;
  private port?: MessagePort;
  /** [jobs answered, whether the thread has started]: written by the thread. */
  private readonly done = new Int32Array(new SharedArrayBuffer(8));
  private asked = 0;
  private broken = false;
  private readonly keys = new WeakMap<object, number>();
  /** The space the thread holds an index for. */
  private sent = -1;
  private nextKey = 0;

  constructor(
    private readonly script = new URL('./neighbourWorker.js', import.meta.url),
    private readonly startMs = START_MS,
  ) {}

  start(space: { dims: number; coords: Float64Array }, idRank: Int32Array, job: Omit<WorkerJob, 'key' | 'space'>): () => SomeFamilies[] | undefined {
    if (this.broken) return () => undefined;
    try {
      if (!this.worker) {
        const { port1, port2 } = new MessageChannel();
        this.worker = new Worker(this.script, { workerData: { port: port2, done: this.done }, transferList: [port2] });
        // The thread never keeps the process alive, and its failure is handled by waiting.
        this.worker.unref();
        this.worker.on('error', () => (this.broken = true));
        port1.unref();
        this.port = port1;
      }
      let key = this.keys.get(space);
      if (key === undefined) this.keys.set(space, (key = this.nextKey++));
      const message: WorkerJob = { ...job, key, ...(key !== this.sent ? { space: { dims: space.dims, coords: space.coords, idRank } } : {}) };
      this.port!.postMessage(message);
      this.sent = key;
    } catch {
      this.broken = true;
      return () => undefined;
    }
    const ticket = ++this.asked;
    return () => this.wait(ticket);
  }

  private wait(ticket: number): SomeFamilies[] | undefined {
    const since = Date.now();
    for (let seen = Atomics.load(this.done, 0); seen < ticket; seen = Atomics.load(this.done, 0)) {
      // A thread that never starts (e.g. its script is missing) cannot say so while this one waits.
      const patience = Atomics.load(this.done, 1) ? PATIENCE_MS : this.startMs;
      if (this.broken || Date.now() - since > patience) return this.giveUp();
      Atomics.wait(this.done, 0, seen, 100);
    }
    const answer = receiveMessageOnPort(this.port!)?.message as { families?: SomeFamilies[]; error?: string } | undefined;
    return answer?.families ?? this.giveUp();
  }

  private giveUp(): undefined {
    this.broken = true;
    void this.worker?.terminate();
    return undefined;
  }

  /** How many shares the thread has answered. */
  get answered(): number {
    return Atomics.load(this.done, 0);
  }

  /** Stop the thread (the process can also simply exit). */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
