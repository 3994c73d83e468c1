import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FosError } from '../core/errors.js';
import { globPattern } from './globPattern.js';

/** Who named a path, for the error when there is nothing there. */
export interface NamedBy {
  /** The flag or manifest entry: "--attainment", '"attainment" of 2018 in fos.json'. */
  by: string;
  /** Where the path was taken from when it was given relative ("the current folder, /data"); absent for an absolute path. */
  relativeTo?: string;
}

/**
 * A file argument as the files it names: a folder is every .csv file in it, a name with a
 * pattern (`*`, `?`, `[ab]`, `{a,b}`: globPattern.ts) every file of its folder that
 * matches, anything else itself; in name order, so the same folder always gives the same
 * table. A path that exists is taken as it is, even with a pattern character in its name.
 * Nothing there is an error naming who gave the path.
 */
export function expandFiles(path: string, named: NamedBy): string[] {
  const st = statOf(path);
  if (st && !st.isDirectory()) return [path];
  if (st) {
    const found = list(path, named).filter((f) => f.toLowerCase().endsWith('.csv'));
    if (found.length === 0) throw new FosError('FILE_NOT_FOUND', `no .csv file in this folder (named by ${named.by})`, { file: path }, 'name the files, or a folder that holds them');
    return found.map((f) => join(path, f));
  }
  const pattern = globPattern(basename(path));
  if (!pattern) throw noSuchFile(path, named);
  const dir = dirname(path);
  if (globPattern(dir) && !statOf(dir)) {
    throw new FosError('FILE_NOT_FOUND', `a pattern may name files, not folders (named by ${named.by})`, { file: path }, 'put the pattern in the file name only (folder/*.csv), or name each folder');
  }
  const found = list(dir, named).filter((f) => pattern.test(f) && !statOf(join(dir, f))?.isDirectory());
  if (found.length === 0) {
    throw new FosError('FILE_NOT_FOUND', `no file matches ${basename(path)} (named by ${named.by})`, { file: path }, 'check the pattern and its folder; a pattern may use * (any characters), ? (one), [abc] (one of them) and {a,b} (either)');
  }
  return found.map((f) => join(dir, f));
}

/** A path that must be one file (a joined table, a links file): itself, or the error naming who gave it. */
export function namedFile(path: string, named: NamedBy): string {
  const st = statOf(path);
  if (!st) throw noSuchFile(path, named);
  if (st.isDirectory()) throw new FosError('NOT_A_FILE', `this is a folder, not a file (named by ${named.by})`, { file: path }, 'name a CSV file inside it');
  return path;
}

function noSuchFile(path: string, named: NamedBy) {
  return new FosError('FILE_NOT_FOUND', `no such file (named by ${named.by})`, { file: path }, named.relativeTo ? `check the path: it is relative to ${named.relativeTo}` : 'check the path');
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** A folder's entries in name order, or the error naming who gave the path. */
function list(dir: string, named: NamedBy): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    throw new FosError('FILE_NOT_FOUND', `no such folder (named by ${named.by})`, { file: dir }, named.relativeTo ? `check the path: it is relative to ${named.relativeTo}` : 'check the path');
  }
}
