import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MessagePort, Worker } from 'node:worker_threads';
import { FosError, type ErrorCode, type Location } from '../core/errors.js';
import type { ComparisonColumns } from '../core/compare/comparisons.js';
import type { FamilyRows, NeighbourIndex } from '../core/families/neighbours.js';
import type { FileRows, RowsJob } from '../io/readRows.js';
import type { FamiliesJob, JudgeJob, WorkerJob } from './helperWorker.js';

/** worker_threads, loaded when a thread is first needed (most runs never need one). */
const threads = () => createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');

type Reply = { answer?: unknown; fosError?: { code: ErrorCode; message: string; location: Location; hint?: string }; failed?: string };

/** How long to wait for the helper to start, and then to answer, before doing its share here. */
const START_MS = 5_000;
/** Reading a file on the helper pays from about this size, on many cores (bench/NOTES.md). */
export const MIN_FILE_BYTES = 4_000_000;
const PATIENCE_MS = 120_000;

/**
 * A second thread: it reads one input file while this thread reads the other, takes runs
 * of a large neighbour search, and judges a share of many families (for the scheduler,
 * parallel/scheduler.ts). The thread starts when first needed; each search index is sent
 * to it once, in shared memory. Waiting blocks this thread (Atomics.wait) until the helper
 * has answered, and the answer is read synchronously, so the steps stay synchronous. A
 * helper that fails or never answers is given up and its job done here: results are the
 * same either way. A data error it finds (a FosError) is the caller's to report, as if
 * found here. Answers are read in the order the jobs were given.
 */
export class HelperThread {
  /** Reading a file on the helper pays from about this size (bench/NOTES.md). */
  readonly minFileBytes: number;
  private worker?: Worker;
  private port?: MessagePort;
  /** [jobs answered, whether the thread has started]: written by the thread. */
  private readonly done = new Int32Array(new SharedArrayBuffer(8));
  private asked = 0;
  private received = 0;
  private broken = false;
  private readonly keys = new WeakMap<object, number>();
  /** The index the thread holds. */
  private sent = -1;
  private nextKey = 0;

  constructor(
    private readonly script = new URL('./helperWorker.js', import.meta.url),
    private readonly startMs = START_MS,
    minFileBytes = MIN_FILE_BYTES,
  ) {
    this.minFileBytes = minFileBytes;
  }

  /** Whether the thread has been started (and not given up). */
  get running(): boolean {
    return this.worker !== undefined && !this.broken;
  }

  /** Take runs of a shared search (see FamiliesJob) with `index` (in shared memory); the
   * function returned waits for the rows of each run taken (undefined: the helper failed). */
  families(index: NeighbourIndex, job: Omit<FamiliesJob, 'key' | 'index'>): () => FamilyRows[][] | undefined {
    let key = this.keys.get(index);
    if (key === undefined) this.keys.set(index, (key = this.nextKey++));
    const fresh = key !== this.sent;
    const wait = this.ask({ kind: 'families', ...job, key, ...(fresh ? { index: index.arrays } : {}) });
    this.sent = key;
    return wait as () => FamilyRows[][] | undefined;
  }

  /** Judge rows of families on the helper (undefined: judge them here). */
  judge(job: JudgeJob): () => ComparisonColumns | undefined {
    return this.ask({ kind: 'judge', ...job }) as () => ComparisonColumns | undefined;
  }

  /** Whether a file is large enough to gain from being read on the helper. */
  takes(file: string): boolean {
    try {
      return !this.broken && statSync(file).size >= this.minFileBytes;
    } catch {
      return false;
    }
  }

  /**
   * Read a file's rows on the helper; the function returned waits for them (undefined:
   * read them here). It throws the FosError the helper met, as reading here would have.
   */
  readRows(job: RowsJob): () => FileRows | undefined {
    return this.ask({ kind: 'rows', ...job }) as () => FileRows | undefined;
  }

  /** Start the thread now, so it is ready when a job comes. */
  warm(): void {
    if (this.worker || this.broken) return;
    try {
      // (No thread without its script, e.g. when run from the TypeScript sources.)
      if (!existsSync(this.script)) throw new Error('no helper script');
      const { MessageChannel, Worker } = threads();
      const { port1, port2 } = new MessageChannel();
      this.worker = new Worker(this.script, { workerData: { port: port2, done: this.done }, transferList: [port2] });
      // The thread never keeps the process alive, and its failure is handled by waiting.
      this.worker.unref();
      this.worker.on('error', () => (this.broken = true));
      port1.unref();
      this.port = port1;
    } catch {
      this.broken = true;
    }
  }

  private ask(job: WorkerJob): () => unknown {
    this.warm();
    if (this.broken) return () => undefined;
    try {
      this.port!.postMessage(job);
    } catch {
      this.broken = true;
      return () => undefined;
    }
    const ticket = ++this.asked;
    return () => this.wait(ticket);
  }

  private wait(ticket: number): unknown {
    const since = Date.now();
    for (let seen = Atomics.load(this.done, 0); seen < ticket; seen = Atomics.load(this.done, 0)) {
      // A thread that never starts (e.g. its script is missing) cannot say so while this one waits.
      const patience = Atomics.load(this.done, 1) ? PATIENCE_MS : this.startMs;
      if (this.broken || Date.now() - since > patience) return this.giveUp();
      Atomics.wait(this.done, 0, seen, 100);
    }
    // Answers come in the order asked; one never waited for (its caller stopped at an
    // error) is passed over.
    let reply: Reply | undefined;
    for (; this.received < ticket; this.received++) reply = threads().receiveMessageOnPort(this.port!)?.message as Reply | undefined;
    if (reply?.fosError) {
      const e = reply.fosError;
      throw new FosError(e.code, e.message, e.location, e.hint);
    }
    return reply?.answer ?? this.giveUp();
  }

  private giveUp(): undefined {
    this.broken = true;
    void this.worker?.terminate();
    return undefined;
  }

  /** How many jobs the thread has answered. */
  get answered(): number {
    return Atomics.load(this.done, 0);
  }

  /** Stop the thread (the process can also simply exit). */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
