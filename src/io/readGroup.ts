import { readFileSync } from 'node:fs';
import { FosError } from '../core/errors.js';

/** A `--group` file: school ids, one per line (or comma-separated); `#` starts a comment line. */
export function readGroup(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new FosError('FILE_NOT_FOUND', 'cannot read the --group file', { file }, 'give a text file with one school id per line');
  }
  const ids = text.split(/[\r\n,]+/).map((s) => s.trim().replace(/^\uFEFF/, '')).filter((s) => s && !s.startsWith('#'));
  if (ids.length === 0) throw new FosError('BAD_VALUE', 'the --group file lists no school ids', { file }, 'one id per line; lines starting with # are comments');
  return [...new Set(ids)];
}
