import { randomBytes } from 'node:crypto';
import { realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FosError } from '../core/errors.js';

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** Refuse an output path that is one of the inputs: an export must never overwrite data. */
export function assertNotInput(output: string, inputs: readonly string[]) {
  const out = real(output);
  const hit = inputs.find((i) => real(i) === out);
  if (hit) throw new FosError('OUTPUT_IS_INPUT', 'the output file is one of the input files', { file: output }, 'choose another name for -o; inputs are never overwritten');
}

/**
 * Write a file atomically: the data goes to a temporary name in the same folder, which is
 * then renamed over the target, so a failure leaves the old file (or none) and never a
 * half-written one.
 */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    const code = (e as { code?: string }).code;
    throw new FosError('WRITE_FAILED', `cannot write the output (${code ?? (e as Error).message})`, { file }, 'check the folder exists and is writable; nothing was written');
  }
}
