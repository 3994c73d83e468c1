/** The indexes 0 … n − 1, in order (a plain loop: TypedArray.from with a map function is far slower). */
export function range(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
