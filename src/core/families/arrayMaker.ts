/**
 * How a search index makes its arrays: plain, or in shared memory, so that another
 * thread given the arrays searches the very same index, with nothing copied or built twice.
 */
export interface ArrayMaker {
  int32(n: number): Int32Array;
  float64(n: number): Float64Array;
}

export const LOCAL_ARRAYS: ArrayMaker = {
  int32: (n) => new Int32Array(n),
  float64: (n) => new Float64Array(n),
};

export const SHARED_ARRAYS: ArrayMaker = {
  int32: (n) => new Int32Array(new SharedArrayBuffer(4 * n)),
  float64: (n) => new Float64Array(new SharedArrayBuffer(8 * n)),
};
