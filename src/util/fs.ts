import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { UserError } from './errors.js';

/**
 * What a failed write says, by its code: the failures that are the user's to fix (a folder they
 * cannot write, a file where a folder should be, a full disk). Anything else is a bug.
 */
const WRITE_FAILURES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EISDIR: 'is a folder',
  // mkdir of a path one of whose parts is a file: EEXIST for the part itself, ENOTDIR below it.
  EEXIST: 'a part of the path is a file, not a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'its folder does not exist',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
};

/** Runs a write, turning the user's failures into one line naming the file. */
export function writingFile<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const what = code && WRITE_FAILURES[code];
    if (what) throw new UserError(`cannot be written: ${what} (${code})`, path);
    throw e;
  }
}

/**
 * Temporary files not yet renamed into place, removed when the process exits however it ends
 * short of a kill (an error, Ctrl-C handled by the CLI): an interrupted write leaves nothing.
 */
const temporaries = new Set<string>();
let cleaning = false;

function temporaryFor(path: string): string {
  if (!cleaning) {
    cleaning = true;
    process.on('exit', () => {
      for (const tmp of temporaries) rmSync(tmp, { force: true });
    });
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  temporaries.add(tmp);
  return tmp;
}

function discard(tmp: string): void {
  rmSync(tmp, { force: true });
  temporaries.delete(tmp);
}

/**
 * Writes a file so that readers see either the old content or the new, never a half:
 * a temporary file beside it, flushed, then renamed over it.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const file = openAtomic(path);
  try {
    file.write(data);
    file.commit();
  } catch (e) {
    file.abort();
    throw e;
  }
}

/** A file being written in parts (a deck as it is made): nothing is seen at its path until commit. */
export interface AtomicFile {
  write(data: string | Uint8Array): void;
  /** Flushes the file and renames it over the path. */
  commit(): void;
  /** Removes what was written: the path stays as it was. */
  abort(): void;
}

/** A temporary file beside the path, written in parts, flushed and renamed over it on commit. */
export function openAtomic(path: string): AtomicFile {
  const tmp = temporaryFor(path);
  let fd: number | null;
  try {
    fd = openSync(tmp, 'w');
  } catch (e) {
    discard(tmp);
    throw e;
  }
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  return {
    write(data) {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let off = 0;
      while (off < bytes.length) off += writeSync(fd!, bytes, off, bytes.length - off);
    },
    commit() {
      fsyncSync(fd!);
      close();
      renameSync(tmp, path);
      temporaries.delete(tmp);
    },
    abort() {
      try {
        close();
      } finally {
        discard(tmp);
      }
    },
  };
}
