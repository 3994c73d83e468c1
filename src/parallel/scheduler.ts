import { availableParallelism } from 'node:os';
import { judgeRows, type CandidateRule, type JudgeData } from '../core/compare/compareFamilies.js';
import { comparisonColumns, placeRows, type ComparisonColumns } from '../core/compare/comparisons.js';
import { LOCAL_ARRAYS, type ArrayMaker } from '../core/families/arrayMaker.js';
import { searchFamilies, type FamilyRows, type NeighbourIndex } from '../core/families/neighbours.js';
import type { Runner } from '../core/runner.js';
import { HelperThread, MIN_FILE_BYTES } from './helperThread.js';
import { SHARED_ARRAYS, takeRuns } from './runs.js';

/** `--threads auto`: the cores, up to this many. */
const AUTO_MAX = 4;
/** `--threads auto` on this many cores or fewer shares only the largest work. */
const FEW_CORES = 2;

/** How much work a second thread is given: a file is read there from `minFileBytes`, a
 * search shared from `minSearch` (schools searched × largest family size × dimensions). */
export interface ThreadPlan {
  /** Threads in all, this one included. */
  threads: number;
  minFileBytes: number;
  minSearch: number;
}

/** Where sharing pays on many cores: files from 4 MB, searches from about 20,000 schools
 * in 3 variables (bench/NOTES.md). */
const SHARE_FROM = { minFileBytes: MIN_FILE_BYTES, minSearch: 1_200_000 };
/** On two cores a second thread costs about as much CPU time as it saves wall time, until
 * the work is very large: files from 40 MB, searches from about 200,000 schools in 3
 * variables (bench/NOTES.md: 100,000 schools run alone, 500,000 share). */
const SHARE_FROM_FEW = { minFileBytes: 40_000_000, minSearch: 20_000_000 };

/** The plan `--threads` asks for on a machine of `cores` cores: n threads as given, or
 * auto: the cores up to 4, and on two cores or fewer a second thread for the largest work only. */
export function threadPlan(threads: number | 'auto', cores = availableParallelism()): ThreadPlan {
  if (threads !== 'auto') return { threads, ...SHARE_FROM };
  if (cores <= 1) return { threads: 1, ...SHARE_FROM };
  return cores <= FEW_CORES ? { threads: 2, ...SHARE_FROM_FEW } : { threads: Math.min(AUTO_MAX, cores), ...SHARE_FROM };
}

export interface SchedulerOptions {
  /** Threads in all, this one included: 1 runs everything here, with core's own functions. */
  threads: number;
  /** Helper threads already made (e.g. started early by bin.ts); the rest are made here. */
  helpers?: HelperThread[];
  /** The least search worth sharing: schools searched × largest family size × dimensions
   * (default: threadPlan's on many cores). */
  minSearch?: number;
  /** The least file worth reading on a helper this scheduler makes (default: threadPlan's on many cores). */
  minFileBytes?: number;
  /** The fewest member values (the families' total size) worth sharing the judging of. */
  minJudged?: number;
}

/** Runs of a shared search: short enough for the threads to end together, long enough to
 * keep each search seeded by the one before (about 1,500 schools a run at 100,000). */
const RUNS = 64;

/**
 * The one place where work is shared between threads: a Runner (core/runner.ts) whose
 * search and judging give what core's own functions give, split between this thread and
 * helper threads when the work is large enough to pay for it. A search is cut into runs,
 * each thread taking the next run not yet taken; its index is built in shared memory
 * (`arrays`) so every thread searches the same one. Judging is cut into one share per
 * thread already running (never worth starting a thread for). One variable is a sorted
 * sweep, too quick to gain from a second thread, so it is never shared. A helper that
 * fails has its share done here.
 */
export class Scheduler implements Runner {
  readonly helpers: HelperThread[];
  readonly arrays: ArrayMaker;
  private readonly minSearch: number;
  private readonly minJudged: number;

  constructor(o: SchedulerOptions) {
    const given = o.helpers ?? [];
    this.helpers = Array.from({ length: Math.max(0, o.threads - 1) }, (_, k) => given[k] ?? new HelperThread(undefined, undefined, o.minFileBytes ?? SHARE_FROM.minFileBytes));
    this.arrays = this.helpers.length ? SHARED_ARRAYS : LOCAL_ARRAYS;
    this.minSearch = o.minSearch ?? SHARE_FROM.minSearch;
    this.minJudged = o.minJudged ?? 200_000;
  }

  searchFamilies = (index: NeighbourIndex, schools: Int32Array, sizes: readonly number[], tiesAll: boolean): FamilyRows[] => {
    const { dims, pc } = index.arrays;
    const work = schools.length * Math.max(...sizes) * dims;
    if (!this.helpers.length || dims < 2 || work < this.minSearch || !(pc.buffer instanceof SharedArrayBuffer)) return searchFamilies(index, schools, sizes, tiesAll);
    const job = { schools: SHARED_ARRAYS.int32(schools.length), sizes: [...sizes], tiesAll, taken: SHARED_ARRAYS.int32(1), runs: Math.min(RUNS, schools.length) };
    job.schools.set(schools);
    const waits = this.helpers.map((h) => h.families(index, job));
    const parts: FamilyRows[][] = [];
    takeRuns(job, (run) => parts.push(searchFamilies(index, run, sizes, tiesAll)));
    let failed = false;
    for (const wait of waits) {
      const theirs = wait();
      if (theirs) parts.push(...theirs);
      else failed = true;
    }
    if (failed) parts.push(searchFamilies(index, notFound(schools, parts, index.pointOf.length), sizes, tiesAll));
    return sizes.map((_, s) => joinRows(parts.map((p) => p[s])));
  };

  judgeRows = (data: JudgeData, rows: FamilyRows, rule: CandidateRule): ComparisonColumns => {
    const n = rows.schools.length;
    const helpers = this.helpers.filter((h) => h.running);
    if (!helpers.length || rows.offsets[n] - rows.offsets[0] < this.minJudged) return judgeRows(data, rows, rule);
    const cut = Array.from({ length: helpers.length + 2 }, (_, p) => Math.floor((n * p) / (helpers.length + 1)));
    const waits = helpers.map((h, p) => h.judge({ data, rows: rowsBetween(rows, cut[p + 1], cut[p + 2]), rule }));
    const out = comparisonColumns(n);
    placeRows(out, judgeRows(data, rowsBetween(rows, 0, cut[1]), rule), 0);
    waits.forEach((wait, p) => placeRows(out, wait() ?? judgeRows(data, rowsBetween(rows, cut[p + 1], cut[p + 2]), rule), cut[p + 1]));
    return out;
  };

  /** Stop the helper threads (the process can also simply exit). */
  close(): void {
    for (const h of this.helpers) h.close();
  }
}

/** The schools of `all` with no row in `parts` yet (schools of 0 .. n − 1). */
function notFound(all: Int32Array, parts: FamilyRows[][], n: number): Int32Array {
  const seen = new Uint8Array(n);
  for (const p of parts) for (const i of p[0].schools) seen[i] = 1;
  return all.filter((i) => !seen[i]);
}

/** Rows end to end, as one set of rows. */
function joinRows(parts: FamilyRows[]): FamilyRows {
  if (parts.length === 1) return parts[0];
  let count = 0;
  let size = 0;
  for (const p of parts) {
    count += p.schools.length;
    size += p.offsets[p.schools.length] - p.offsets[0];
  }
  const out = { schools: new Int32Array(count), offsets: new Int32Array(count + 1), members: new Int32Array(size) };
  let k = 0;
  for (const p of parts) {
    const m = p.schools.length;
    const base = out.offsets[k] - p.offsets[0];
    out.schools.set(p.schools, k);
    for (let j = 1; j <= m; j++) out.offsets[k + j] = p.offsets[j] + base;
    out.members.set(p.members.subarray(p.offsets[0], p.offsets[m]), out.offsets[k]);
    k += m;
  }
  return out;
}

/** Rows from .. to on their own (copies, offsets from 0), to hand to another thread
 * without the rest (a view would take its whole buffer with it). */
function rowsBetween(rows: FamilyRows, from: number, to: number): FamilyRows {
  const base = rows.offsets[from];
  const offsets = rows.offsets.slice(from, to + 1);
  for (let k = 0; k < offsets.length; k++) offsets[k] -= base;
  return { schools: rows.schools.slice(from, to), offsets, members: rows.members.slice(base, rows.offsets[to]) };
}
