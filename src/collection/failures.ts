import { UserError } from '../util/errors.js';

/** What every refusal of a damaged collection says to do next. */
export const CHECK_HINT = 'zhdeck left it as it is: `zhdeck check` says what is wrong, `zhdeck check --restore` puts back the last good backup';

/** A collection that is not sound: nothing is written to it (STANDARDS §6). */
export class DamagedCollection extends UserError {}

export const damaged = (path: string, what: string): DamagedCollection => new DamagedCollection(`is damaged (${what}); ${CHECK_HINT}`, path);

const BUSY = 'the collection is busy: another zhdeck is writing to it; try again in a moment';
const UNSAVED = 'the change was not saved';

/**
 * SQLite's result codes by family (better-sqlite3 gives the extended name, SQLITE_IOERR_FSYNC
 * and the like), each with the line a learner can act on. The first family that matches wins.
 */
const FAMILIES: [RegExp, (code: string) => string][] = [
  [/^SQLITE_(BUSY|LOCKED)/, () => BUSY],
  [
    /^SQLITE_READONLY_(ROLLBACK|RECOVERY)/,
    (code) => `holds an unfinished write that only a writable folder can undo (${code}): make the file and its folder writable and run the command again`,
  ],
  [/^SQLITE_READONLY/, (code) => `cannot be written: the file or its folder is read-only (${code}); make them writable (stats, decks, export and check only read)`],
  [/^SQLITE_FULL/, () => `cannot be written: the disk is full; free some space and run the command again (${UNSAVED})`],
  [/^SQLITE_IOERR/, (code) => `could not be read or written: a disk error (${code}); check the disk and run the command again (${UNSAVED})`],
  [/^SQLITE_CANTOPEN/, (code) => `cannot be opened (${code}): check that the file and its folder exist and are readable and writable`],
  [/^SQLITE_(PERM|AUTH)/, (code) => `cannot be opened: permission denied (${code}); check the file's and its folder's permissions`],
  [/^SQLITE_NOMEM/, () => 'cannot be read: out of memory; close other programs and run the command again'],
  [/^SQLITE_NOLFS/, () => 'is too large for this system (no large file support)'],
  [/^SQLITE_PROTOCOL/, (code) => `could not be locked (${code}): another program is using it oddly; try again in a moment`],
];

/**
 * What reading data back can raise when the file holds what zhdeck did not write: a table or
 * column gone (an old or foreign schema), a value of the wrong type, malformed JSON.
 */
const DATA = /no such (table|column)|malformed JSON|datatype mismatch|JSON cannot hold BLOB/i;

/** Marks a value read back that is not what zhdeck writes (garbled JSON, a field of the wrong shape). */
export class BadData extends Error {
  override readonly name = 'BadData';
}

/** Parses a JSON column, checking its shape: a garbled row is a damaged collection, not a crash. */
export function parseStored<T>(text: unknown, what: string, valid: (v: unknown) => v is T): T {
  let v: unknown;
  try {
    v = JSON.parse(String(text));
  } catch {
    throw new BadData(`${what} is not JSON`);
  }
  if (!valid(v)) throw new BadData(`${what} is not what zhdeck writes`);
  return v;
}

/** Turns SQLite's failures, and data read back that zhdeck did not write, into one-line user errors; anything else is returned as it is (a bug). */
export function asUserError(e: unknown, path: string): unknown {
  if (e instanceof UserError) return e;
  if (e instanceof BadData) return damaged(path, e.message);
  const { code, message } = e as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return damaged(path, `SQLite: ${code}`);
    const family = FAMILIES.find(([re]) => re.test(code));
    if (family) return new UserError(family[1](code), path);
    if (typeof message === 'string' && DATA.test(message)) return damaged(path, message);
  }
  return e;
}
