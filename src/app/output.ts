// Where a job's output goes. One place, so that the output-path rules apply to every file
// zhdeck writes: atomically (a temporary file renamed into place), never onto an input, `-` for
// standard output, and every problem with the path one line before any work is done.
import { realpathSync, statSync, writeSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { UserError } from '../util/errors.js';
import { writeFileAtomic, writingFile } from '../util/fs.js';

interface Identity {
  real: string;
  /** Device and inode, for a file that exists: a hard link is the same file under another name. */
  node?: string;
}

function identity(path: string): Identity {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    real = resolve(path); // not there (yet): only itself
  }
  try {
    const s = statSync(path);
    return { real, node: `${s.dev}:${s.ino}` };
  } catch {
    return { real };
  }
}

const same = (a: Identity, b: Identity) => a.real === b.real || (a.node !== undefined && a.node === b.node);

/** The input that `output` is (the same path, a link to it, or a hard link), if any. */
function inputAt(output: string, inputs: readonly string[]): string | undefined {
  const at = identity(output);
  return inputs.find((i) => i !== '-' && same(identity(i), at));
}

/** The collection's files: SQLite keeps a collection in up to three. */
export const collectionFiles = (path: string): string[] => [path, `${path}-wal`, `${path}-shm`];

/**
 * Refuses an output that is one of the inputs (an article, a word list, the collection): it
 * would be lost. Refuses a folder, and a path under a file, before anything is built.
 */
export function checkOutput(output: string, inputs: readonly string[], flag = '-o'): void {
  if (output === '-') return;
  if (!output) throw new UserError('expects a file name (or - for standard output)', flag);
  const input = inputAt(output, inputs);
  if (input !== undefined) throw new UserError(`is ${input === output ? 'an input' : `${input}, an input`} of this command: choose another file (${flag})`, output);
  try {
    if (statSync(output).isDirectory()) throw new UserError(`is a folder: name the file to write (${flag} FILE)`, output);
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && (e as NodeJS.ErrnoException).code !== 'ENOTDIR') throw e;
  }
  // The nearest part of the path that exists must be a folder (mkdir makes the rest).
  for (let dir = dirname(resolve(output)); ; dir = dirname(dir)) {
    let isFolder: boolean;
    try {
      isFolder = statSync(dir).isDirectory();
    } catch {
      if (dir === dirname(dir)) return;
      continue;
    }
    if (!isFolder) throw new UserError(`cannot be written: ${dir} is a file, not a folder`, output);
    return;
  }
}

/**
 * A default output that is no input: `path` itself, else `name.deck.ext`, then `name.deck-2.ext`
 * and so on (a table `words.csv` built as CSV gets `words.deck.csv`).
 */
export function unusedOutput(path: string, inputs: readonly string[]): string {
  const ext = extname(path);
  const stem = path.slice(0, path.length - ext.length);
  for (let k = 0; ; k++) {
    const candidate = k === 0 ? path : `${stem}.deck${k === 1 ? '' : `-${k}`}${ext}`;
    if (inputAt(candidate, inputs) === undefined) return candidate;
  }
}

/** Writes an output file atomically, or to standard output for `-`; a failure is a one-line user error naming the file. */
export function writeOutput(output: string, data: string | Uint8Array, inputs: readonly string[] = []): void {
  checkOutput(output, inputs);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (output !== '-') return writingFile(output, () => writeFileAtomic(output, bytes));
  for (let off = 0; off < bytes.length; ) {
    try {
      off += writeSync(1, bytes, off);
    } catch (e) {
      // A non-blocking pipe that is full: wait for the reader (a deck is written once, at the end).
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}
