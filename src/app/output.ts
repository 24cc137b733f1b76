// Where a job's output goes. One function, so that the output-path rules (see i11's
// reliability work) apply to every file zhdeck writes: atomically (a temporary file renamed
// into place), never onto an input, `-` for standard output.
import { realpathSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../util/errors.js';
import { writeFileAtomic } from '../util/fs.js';

/** The same file, following links; a path that does not exist yet is only itself. */
function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/** Refuses an output that is one of the inputs (an article, the collection): it would be lost. */
export function checkOutput(output: string, inputs: readonly string[]): void {
  if (output === '-') return;
  const input = inputs.find((i) => sameFile(i, output));
  if (input !== undefined) throw new UserError('is an input of this command: choose another output file (-o)', output);
}

/** Writes an output file atomically, or to standard output for `-`; a failure is a one-line user error naming the file. */
export function writeOutput(output: string, data: string | Uint8Array, inputs: readonly string[] = []): void {
  checkOutput(output, inputs);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    if (output === '-') {
      for (let off = 0; off < bytes.length; ) off += writeSync(1, bytes, off);
      return;
    }
    writeFileAtomic(output, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && ['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOENT', 'ENAMETOOLONG'].includes(code)) {
      throw new UserError(`cannot be written (${code})`, output);
    }
    throw e;
  }
}
