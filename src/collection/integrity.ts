// What makes a file a sound zhdeck collection, checked before anything is written to it: the
// SQLite header (cheap: 100 bytes and the file's size), the tables, columns, indexes and
// triggers the code uses (one query), and the pages themselves (quick_check: 170–240 ms at
// 100,000 cards, so only when the file changed since zhdeck last closed it; see Seal).
import type Database from 'better-sqlite3';
import { openDatabase } from '../util/sqlite.js';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MIGRATIONS } from './schema.js';

/** "zhdc", in the header's application_id: a zhdeck collection is known before it is opened. */
export const APPLICATION_ID = 0x7a686463;
const SQLITE_MAGIC = 'SQLite format 3\0';

/** The header fields zhdeck decides by (https://sqlite.org/fileformat2.html#the_database_header). */
export interface Header {
  applicationId: number;
  userVersion: number;
  pageSize: number;
}

export type HeaderVerdict =
  | { kind: 'empty' }
  | { kind: 'foreign'; why: string }
  | { kind: 'damaged'; why: string }
  | { kind: 'ok'; header: Header };

/** Reads the file's first 100 bytes and its size. */
export function readHead(path: string): { head: Buffer; size: number } {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(100);
    const n = readSync(fd, head, 0, 100, 0);
    return { head: head.subarray(0, n), size: statSync(path).size };
  } finally {
    closeSync(fd);
  }
}

/**
 * What the header says, against the file's size: an SQLite database at all, one whose format
 * this SQLite reads, whole pages, as many as the header counts (a cut file has fewer).
 */
export function judgeHeader(head: Buffer, size: number, appId = APPLICATION_ID): HeaderVerdict {
  if (size === 0) return { kind: 'empty' };
  if (head.length < 100 || head.toString('latin1', 0, 16) !== SQLITE_MAGIC) return { kind: 'foreign', why: 'not an SQLite database' };
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return { kind: 'damaged', why: `its header gives a page size of ${raw}` };
  const write = head[18]!;
  const read = head[19]!;
  if (read < 1 || read > 2 || write < 1 || write > 2) return { kind: 'damaged', why: `its header gives an unknown file format (${write}/${read})` };
  if (head[21] !== 64 || head[22] !== 32 || head[23] !== 32) return { kind: 'damaged', why: 'its header is garbled (payload fractions)' };
  if (size % pageSize !== 0) return { kind: 'damaged', why: `its size (${size} bytes) is not a whole number of ${pageSize}-byte pages: it was cut or added to` };
  // The page count is valid when written by the same change as the counter (SQLite ≥ 3.7.0).
  const pages = head.readUInt32BE(28);
  if (pages > 0 && head.readUInt32BE(92) === head.readUInt32BE(24) && size < pages * pageSize) {
    return { kind: 'damaged', why: `it holds ${size / pageSize} of its ${pages} pages: it was cut` };
  }
  const applicationId = head.readUInt32BE(68);
  if (applicationId !== appId && applicationId !== 0) return { kind: 'foreign', why: 'an SQLite database, but not a zhdeck collection' };
  return { kind: 'ok', header: { applicationId, userVersion: head.readUInt32BE(60), pageSize } };
}

type Objects = Map<string, Set<string>>;

/** Every table (with its columns), index and trigger of a database, by "type name". */
function objectsOf(db: Database.Database): Objects {
  const rows = db
    .prepare(
      `SELECT m.type || ' ' || m.name AS object, p.name AS col FROM sqlite_schema m
       LEFT JOIN pragma_table_info(m.name) p ON m.type = 'table' WHERE m.name NOT LIKE 'sqlite_%'`,
    )
    .all() as { object: string; col: string | null }[];
  const objects: Objects = new Map();
  for (const r of rows) {
    let cols = objects.get(r.object);
    if (!cols) objects.set(r.object, (cols = new Set()));
    if (r.col) cols.add(r.col);
  }
  return objects;
}

const expected = new Map<number, Objects>();

/** The objects the migrations make up to `version`, from a database in memory (under a millisecond). */
function expectedAt(version: number): Objects {
  let objects = expected.get(version);
  if (!objects) {
    const db = openDatabase(':memory:');
    try {
      for (const sql of MIGRATIONS.slice(0, version)) db.exec(sql);
      objects = objectsOf(db);
    } finally {
      db.close();
    }
    expected.set(version, objects);
  }
  return objects;
}

/** What the schema lacks for its version (a table, column, index or trigger zhdeck uses), or undefined. Extra objects are allowed. */
export function schemaProblem(db: Database.Database, version: number): string | undefined {
  if (version === 0) return undefined; // see Collection.open: empty, damaged or foreign
  const have = objectsOf(db);
  for (const [object, cols] of expectedAt(version)) {
    const got = have.get(object);
    if (!got) return `${object} is missing (schema version ${version})`;
    for (const c of cols) if (!got.has(c)) return `${object} has no column ${c} (schema version ${version})`;
  }
  return undefined;
}

/** The first problem quick_check (or integrity_check) finds, or undefined when the pages are sound. */
export function pageProblem(db: Database.Database, full = false): string | undefined {
  const rows = db.pragma(`${full ? 'integrity' : 'quick'}_check(20)`, { simple: false }) as Record<string, string>[];
  const lines = rows.map((r) => Object.values(r)[0]!);
  return lines.length === 1 && lines[0] === 'ok' ? undefined : `SQLite's ${full ? 'integrity' : 'quick'}_check: ${lines.join('; ')}`;
}

/**
 * A file's identity after zhdeck last closed it, sound: while it is unchanged (size, times,
 * inode), an open need not read every page again. Anything else that writes the file (a
 * crash mid-write, another program, a disk that flips bits and tells, a copy) changes one of
 * them, and the next open checks the pages before anything is written.
 */
interface Seal {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** The folder beside a collection where its backups and seal live. */
export const backupFolder = (path: string): string => join(dirname(path), 'backups');
const sealPath = (path: string) => join(backupFolder(path), `${basename(path)}.checked`);

const identity = (path: string): Seal => {
  const s = statSync(path);
  return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
};

const leftover = (file: string) => {
  try {
    return statSync(file).size > 0;
  } catch {
    return false;
  }
};

/** Whether the file is as zhdeck last left it, sound; a write-ahead log or a hot journal beside it holds pages no seal covers. */
export function isSealed(path: string): boolean {
  if (leftover(`${path}-wal`) || leftover(`${path}-journal`)) return false;
  try {
    const seal = JSON.parse(readFileSync(sealPath(path), 'utf8')) as Seal;
    const now = identity(path);
    return seal.size === now.size && seal.mtimeMs === now.mtimeMs && seal.ctimeMs === now.ctimeMs && seal.ino === now.ino;
  } catch {
    return false;
  }
}

/** Records that the file, as it is now, was left sound by zhdeck. Best effort: a read-only folder just means the next open checks again. */
export function seal(path: string): void {
  try {
    const to = sealPath(path);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(`${to}.tmp`, JSON.stringify(identity(path)));
    renameSync(`${to}.tmp`, to);
  } catch {
    // unwritable: no seal, and the next open reads every page
  }
}
