import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FosError } from '../core/errors.js';

/** The files a run reads, by any path: compared by device and inode, so a symlink, `./x` or a hard link to an input is caught. */
function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Refuse an output path that is one of the files the run reads (inputs, manifest, group
 * file): an export must never overwrite data. Paths are compared as files (device and
 * inode), so a symlink, a hard link or another spelling of the path is caught too.
 */
export function assertNotInput(output: string, inputs: readonly string[], flag = '-o'): void {
  const out = statOrUndefined(output);
  if (!out) return; // a file that does not exist yet is no input
  for (const input of inputs) {
    const st = statOrUndefined(input);
    if (st && sameFile(st, out)) {
      throw new FosError('OUTPUT_IS_INPUT', 'the output file is one of the input files', { file: output }, `choose another name for ${flag}; inputs are never overwritten`);
    }
  }
}

/** Thrown when SIGINT or SIGTERM arrives during a write: the temporary file is gone, the target untouched. */
export class Interrupted extends Error {
  constructor(readonly signal: 'SIGINT' | 'SIGTERM') {
    super(`interrupted by ${signal}`);
  }
  /** The shell's code for a death by this signal: 128 + its number (SIGINT 2, SIGTERM 15). */
  get exitCode(): number {
    return this.signal === 'SIGINT' ? 130 : 143;
  }
}

/** Where signals come from: the process, or a test's emitter. */
export interface SignalSource {
  on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

export interface WriteOptions {
  signals?: SignalSource;
  /** Bytes written between two looks for a signal. */
  chunk?: number;
}

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

function writeFailed(file: string, e: unknown): FosError {
  const code = (e as { code?: string }).code;
  const hint =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full: free some space or write elsewhere; nothing was written'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the folder or file is not writable: choose another place; nothing was written'
        : code === 'EISDIR'
          ? 'this is a folder: name a file inside it'
          : 'check the folder exists and is writable; nothing was written';
  return new FosError('WRITE_FAILED', `cannot write the output (${code ?? (e as Error).message})`, { file }, hint);
}

/**
 * Write the output. A regular file (or a new one) is written atomically: the data goes to
 * a temporary file in the same folder, is flushed to disk (fsync), takes the old file's
 * permissions, and is renamed over the target, and the folder is flushed, so a failure or
 * a crash leaves the old file (or none), never a half-written one. A symlink is followed
 * and the file it points to is replaced (the link stays). Anything that is not a regular
 * file — a device such as /dev/null or /dev/full, a pipe, /dev/stdout, anything under
 * /dev or /proc — is written straight through, never replaced, and a full disk is an
 * error. SIGINT or SIGTERM during the write removes the temporary file and throws
 * `Interrupted`.
 */
export async function writeOutput(file: string, data: string | Uint8Array, o: WriteOptions = {}): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let link: Stats | undefined;
  try {
    link = lstatSync(file);
  } catch {
    link = undefined;
  }
  const target = link?.isSymbolicLink() ? realOrUndefined(file) : file;
  const st = link?.isSymbolicLink() ? (target ? statOrUndefined(target) : undefined) : link;
  if (st?.isDirectory()) throw writeFailed(file, Object.assign(new Error('a folder'), { code: 'EISDIR' }));
  const special = /^\/(dev|proc)\//.test(resolve(file)) || (target !== undefined && /^\/(dev|proc)\//.test(target)) || (st !== undefined && !st.isFile());
  if (special || target === undefined) return writeThrough(file, bytes, o);
  return writeAtomic(target, bytes, st, o, file);
}

function realOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined; // a dangling link: written through, which creates its target
  }
}

/** The descriptor a path names: /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N. */
function descriptorOf(file: string): number | undefined {
  const m = /^\/(?:dev\/(stdout|stderr)|dev\/fd\/(\d+)|proc\/self\/fd\/(\d+))$/.exec(resolve(file));
  if (!m) return undefined;
  return m[1] === 'stdout' ? 1 : m[1] === 'stderr' ? 2 : Number(m[2] ?? m[3]);
}

/**
 * Write to a device, pipe or other non-file as it is: open, write every byte, close. A
 * descriptor that cannot be opened again (a socket, as a parent process's pipe often is:
 * ENXIO) is written to as it is.
 */
function writeThrough(file: string, bytes: Buffer, o: WriteOptions): Promise<void> {
  let fd: number;
  let own = true;
  try {
    fd = openSync(file, 'w');
  } catch (e) {
    const inherited = descriptorOf(file);
    if ((e as { code?: string }).code !== 'ENXIO' || inherited === undefined) throw writeFailed(file, e);
    fd = inherited;
    own = false;
  }
  return watch(o, async (interrupted) => {
    try {
      await writeAll(fd, bytes, o, interrupted);
    } catch (e) {
      if (e instanceof Interrupted) throw e;
      throw writeFailed(file, e);
    } finally {
      if (own) closeSync(fd);
    }
  });
}

async function writeAtomic(target: string, bytes: Buffer, old: Stats | undefined, o: WriteOptions, shown: string): Promise<void> {
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  let fd: number | undefined;
  const drop = () => {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      fd = undefined;
    }
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
  };
  return watch(o, async (interrupted) => {
    try {
      fd = openSync(tmp, 'wx', old ? old.mode & 0o7777 : 0o666);
      if (old) {
        // Keep the old file's permissions (the umask would change them) and owner.
        chmodSync(tmp, old.mode & 0o7777);
        try {
          chownSync(tmp, old.uid, old.gid);
        } catch {
          // only the owner or root may give a file away: keep ours
        }
      }
      await writeAll(fd, bytes, o, interrupted);
      fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
      if (interrupted()) throw new Interrupted(interrupted()!);
      renameSync(tmp, target);
    } catch (e) {
      drop();
      if (e instanceof Interrupted) throw e;
      throw writeFailed(shown, e);
    }
    syncFolder(dir);
  });
}

/** Flush a folder, so the rename is on disk too (not every system can: then nothing). */
function syncFolder(dir: string) {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // e.g. EISDIR or EINVAL where folders cannot be synced
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function writeAll(fd: number, bytes: Buffer, o: WriteOptions, interrupted: () => Interrupted['signal'] | undefined) {
  const chunk = o.chunk ?? 1 << 20;
  for (let at = 0; at < bytes.length; ) {
    const end = Math.min(bytes.length, at + chunk);
    while (at < end) {
      try {
        at += writeSync(fd, bytes, at, end - at);
      } catch (e) {
        // A non-blocking pipe that is full: wait for the reader.
        if ((e as { code?: string }).code !== 'EAGAIN') throw e;
        await new Promise((r) => setTimeout(r, 1));
      }
    }
    // A signal is delivered between two turns of the event loop: look for it.
    await nextTurn();
    const s = interrupted();
    if (s) throw new Interrupted(s);
  }
  if (bytes.length === 0) await nextTurn();
}

/** Run `write` with SIGINT and SIGTERM caught: `interrupted()` says which arrived, if one did. */
async function watch(o: WriteOptions, write: (interrupted: () => Interrupted['signal'] | undefined) => Promise<void>): Promise<void> {
  const signals = o.signals ?? process;
  let got: Interrupted['signal'] | undefined;
  const onInt = () => (got ??= 'SIGINT');
  const onTerm = () => (got ??= 'SIGTERM');
  signals.on('SIGINT', onInt);
  signals.on('SIGTERM', onTerm);
  try {
    await write(() => got);
    // A signal that came during the last synchronous step (the rename) is still honoured.
    await nextTurn();
    if (got) throw new Interrupted(got);
  } finally {
    signals.off('SIGINT', onInt);
    signals.off('SIGTERM', onTerm);
  }
}
