/**
 * Numbers added one at a time to a typed array that doubles its room when full: no boxed
 * number per value, and no large JavaScript array growing on the heap for the garbage
 * collector to copy. `make` makes the arrays.
 */
export class Growable<A extends Float64Array | Int32Array> {
  private array: A;
  length = 0;

  constructor(
    private readonly make: (n: number) => A,
    room = 1024,
  ) {
    this.array = make(Math.max(1, room));
  }

  push(x: number): void {
    if (this.length === this.array.length) {
      const bigger = this.make(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = x;
  }

  /** The array, with room for `more` values after the `length` so far: for a caller that
   * writes them there itself, then sets `length`. */
  reserve(more: number): A {
    if (this.length + more > this.array.length) {
      const bigger = this.make(Math.max(2 * this.array.length, this.length + more));
      bigger.set(this.array.subarray(0, this.length));
      this.array = bigger;
    }
    return this.array;
  }

  /** The values so far: a view, not a copy (their buffer may hold room to spare). */
  values(): A {
    return this.array.subarray(0, this.length) as A;
  }
}
