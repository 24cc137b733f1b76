// Backups as Anki keeps them: a copy of the collection before a schema migration and before the
// first write of each day, in backups/ beside it, a bounded number kept.
import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../util/errors.js';
import { backupFolder } from './integrity.js';

export interface Backup {
  file: string;
  /** The local day it was made, YYYY-MM-DD. */
  day: string;
  /** The schema version it was made before migrating from, if it was. */
  beforeSchema?: number;
}

const stemOf = (path: string) => basename(path, extname(path));

export const backupName = (path: string, day: string, beforeSchema?: number): string =>
  join(backupFolder(path), `${stemOf(path)}-${day}${beforeSchema === undefined ? '' : `-schema${beforeSchema}`}${extname(path) || '.db'}`);

/** The backups of a collection, newest first (by day, a day's pre-migration copy after its daily one: it is older). */
export function listBackups(path: string): Backup[] {
  const dir = backupFolder(path);
  if (!existsSync(dir)) return [];
  const stem = stemOf(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ext = (extname(path) || '.db').replace('.', '\\.');
  const re = new RegExp(`^${stem}-(\\d{4}-\\d{2}-\\d{2})(?:-schema(\\d+))?${ext}$`);
  return readdirSync(dir)
    .flatMap((name): Backup[] => {
      const m = re.exec(name);
      return m ? [{ file: join(dir, name), day: m[1]!, ...(m[2] === undefined ? {} : { beforeSchema: Number(m[2]) }) }] : [];
    })
    .sort((a, b) => b.day.localeCompare(a.day) || Number(a.beforeSchema !== undefined) - Number(b.beforeSchema !== undefined));
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / DAY);

/**
 * Which backups to keep on `today`: every one of the last 7 days, the newest of each week
 * before that up to 5 weeks back, and the newest made before a migration (whatever its age).
 * Newest first in, the rest out.
 */
export function retained(backups: Backup[], today: string): Set<string> {
  const keep = new Set<string>();
  const weeks = new Set<number>();
  const migration = backups.find((b) => b.beforeSchema !== undefined);
  if (migration) keep.add(migration.file);
  for (const b of backups) {
    const age = daysBetween(b.day, today);
    if (age < 7) keep.add(b.file);
    else if (age < 35 && !weeks.has(Math.floor(age / 7))) {
      weeks.add(Math.floor(age / 7));
      keep.add(b.file);
    }
  }
  return keep;
}

/**
 * Copies the open database to `to`: VACUUM INTO a name of this process's own, then renamed, so
 * that a backup is whole or absent, and two processes backing up at once do not meet.
 */
export function copyInto(db: Database.Database, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  const tmp = `${to}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    renameSync(tmp, to);
  } finally {
    rmSync(tmp, { force: true });
  }
}

const FS_PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'backups beside it is a file, not a folder',
  EEXIST: 'backups beside it is a file, not a folder',
};

/** Makes the backup, unless it exists, then drops the backups no longer kept. Returns whether it made one. Nothing is written to the collection when it cannot be made. */
export function backUp(db: Database.Database, path: string, day: string, beforeSchema?: number): boolean {
  const to = backupName(path, day, beforeSchema);
  if (existsSync(to)) return false;
  try {
    copyInto(db, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why = FS_PROBLEMS[code] ?? (/^(SQLITE_|E[A-Z]+$)/.test(code) ? code : undefined);
    if (!why) throw e;
    throw new UserError(`cannot make today's backup in ${dirname(to)} (${why}), so it was not changed: make that folder writable`, path);
  }
  const all = listBackups(path);
  const keep = retained(all, day);
  for (const b of all) if (!keep.has(b.file)) rmSync(b.file, { force: true });
  return true;
}
