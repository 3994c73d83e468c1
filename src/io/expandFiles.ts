import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FosError } from '../core/errors.js';

/**
 * A file argument as the files it names: a folder is every .csv file in it, a name with
 * `*` or `?` every file of its folder that matches, anything else itself; in name order,
 * so the same folder always gives the same table.
 */
export function expandFiles(path: string): string[] {
  const name = basename(path);
  if (/[*?]/.test(name)) {
    const dir = dirname(path);
    const re = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    const found = list(dir).filter((f) => re.test(f));
    if (found.length === 0) throw new FosError('FILE_NOT_FOUND', `no file matches ${name}`, { file: path }, 'check the pattern and its folder');
    return found.map((f) => join(dir, f));
  }
  let folder = false;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    return [path];
  }
  if (!folder) return [path];
  const found = list(path).filter((f) => f.toLowerCase().endsWith('.csv'));
  if (found.length === 0) throw new FosError('FILE_NOT_FOUND', 'no .csv file in this folder', { file: path }, 'name the files, or a folder that holds them');
  return found.map((f) => join(path, f));
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    throw new FosError('FILE_NOT_FOUND', 'no such folder', { file: dir }, 'check the path');
  }
}
