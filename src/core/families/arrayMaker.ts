/** How a search index makes its arrays (plain ones here; a Runner may make others). */
export interface ArrayMaker {
  int32(n: number): Int32Array;
  float64(n: number): Float64Array;
}

export const LOCAL_ARRAYS: ArrayMaker = {
  int32: (n) => new Int32Array(n),
  float64: (n) => new Float64Array(n),
};
