import { expect } from 'vitest';
import { FosError } from '../../src/core/errors.js';

/** The FosError `fn` throws (the test fails if it throws nothing, or anything else). */
export function thrown(fn: () => unknown): FosError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FosError);
    return e as FosError;
  }
  throw new Error('expected an error');
}
