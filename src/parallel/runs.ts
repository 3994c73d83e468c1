/** The runs a thread takes from a shared search (`schools` cut into `runs` runs): the
 * next run not yet taken by any thread (taken[0], in shared memory, counts them), until
 * none is left. A thread that starts late or runs slow simply takes fewer. */
export function takeRuns(job: { schools: Int32Array; taken: Int32Array; runs: number }, each: (run: Int32Array) => void): void {
  const { schools, taken, runs } = job;
  for (let r = Atomics.add(taken, 0, 1); r < runs; r = Atomics.add(taken, 0, 1)) each(runOf(schools, runs, r));
}

/** Run r of `schools` cut into `runs` runs of (nearly) equal length. */
export function runOf(schools: Int32Array, runs: number, r: number): Int32Array {
  return schools.subarray(Math.floor((schools.length * r) / runs), Math.floor((schools.length * (r + 1)) / runs));
}

/** The buffers of some typed arrays, to hand to another thread without a copy (those in
 * shared memory are shared anyway, and are left out). */
export function buffersOf(arrays: Iterable<ArrayBufferView>): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) if (!(a.buffer instanceof SharedArrayBuffer)) out.add(a.buffer as ArrayBuffer);
  return [...out];
}

/** Typed arrays in shared memory, so another thread given them reads the very same arrays. */
export const SHARED_ARRAYS = {
  int32: (n: number) => new Int32Array(new SharedArrayBuffer(4 * n)),
  float64: (n: number) => new Float64Array(new SharedArrayBuffer(8 * n)),
};
