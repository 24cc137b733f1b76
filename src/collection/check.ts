// `zhdeck check`'s reading of a file: everything open checks, and what is too slow for every
// start: the full integrity_check, every JSON value, and the counts the triggers keep.
import type Database from 'better-sqlite3';
import { openDatabase } from '../util/sqlite.js';
import { existsSync, statSync } from 'node:fs';
import { asUserError } from './failures.js';
import { APPLICATION_ID, judgeHeader, pageProblem, readHead, schemaProblem } from './integrity.js';
import { APP_ID, SCHEMA_VERSION } from './schema.js';

export interface FileReport {
  file: string;
  /** What is wrong, one line each; empty: sound. */
  problems: string[];
  version?: number;
  notes?: number;
  cards?: number;
  /** Ratings that stand (not undone). */
  reviews?: number;
  /** When the last of them was made (ms), null with none. */
  lastReview?: number | null;
}

/** Rows that are not what zhdeck writes, as (what, SQL counting them). */
const DATA_CHECKS: [string, string][] = [
  ['notes whose fields are not a JSON array', "SELECT count(*) FROM notes WHERE NOT json_valid(fields) OR json_type(fields) != 'array'"],
  ['reviews whose states are not JSON objects', "SELECT count(*) FROM revlog WHERE NOT json_valid(state_before) OR NOT json_valid(state_after) OR json_type(state_before) != 'object' OR json_type(state_after) != 'object'"],
  [
    'cards whose scheduling is not numbers',
    `SELECT count(*) FROM cards WHERE ${['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state']
      .map((k) => `typeof(${k}) NOT IN ('integer', 'real')`)
      .join(' OR ')}`,
  ],
  ['settings that are not JSON', 'SELECT count(*) FROM config WHERE NOT json_valid(value)'],
  ['cards of notes that are not there', 'SELECT count(*) FROM cards c WHERE NOT EXISTS (SELECT 1 FROM notes n WHERE n.id = c.note_id)'],
  ['reviews of cards that are not there', 'SELECT count(*) FROM revlog r WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.id = r.card_id)'],
];

/** The counts the triggers keep (schema.ts, 2 → 3), each as (table, the counts made afresh, the counts kept). */
const COUNT_CHECKS: [string, string, string][] = [
  ['card_counts', 'SELECT state, suspended, count(*) FROM cards GROUP BY state, suspended', 'SELECT state, suspended, n FROM card_counts WHERE n != 0'],
  [
    'due_days',
    "SELECT date(due / 1000, 'unixepoch', 'localtime') AS d, count(*) FROM cards WHERE suspended = 0 AND state != 0 GROUP BY d",
    'SELECT day, n FROM due_days WHERE n != 0',
  ],
  [
    'review_days',
    `SELECT date(time / 1000, 'unixepoch', 'localtime') AS d, count(*), total(s = 0), total(s = 2), total(s = 2 AND rating > 1)
     FROM (SELECT r.time, r.rating, coalesce(json_extract(r.state_before, '$.state'), -1) AS s FROM revlog r
           WHERE r.kind = 'review' AND NOT EXISTS (SELECT 1 FROM revlog u WHERE u.undoes = r.id)) GROUP BY d`,
    'SELECT day, reviews, learned, mature, passed FROM review_days WHERE reviews != 0',
  ],
];

const STANDING = "kind = 'review' AND NOT EXISTS (SELECT 1 FROM revlog u WHERE u.undoes = revlog.id)";

/** Reads a file as check does, never writing to it (read-only): every problem found, and what it holds. */
export function inspectFile(file: string): FileReport {
  const report: FileReport = { file, problems: [] };
  if (!existsSync(file)) return { ...report, problems: ['there is no file here'] };
  if (statSync(file).isDirectory()) return { ...report, problems: ['is a directory'] };
  const { head, size } = readHead(file);
  const verdict = judgeHeader(head, size);
  if (verdict.kind === 'empty') return { ...report, problems: ['the file is empty'] };
  if (verdict.kind !== 'ok') return { ...report, problems: [verdict.why] };
  let db: Database.Database | undefined;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    report.version = version;
    if (version > SCHEMA_VERSION) return { ...report, problems: [`made by a newer zhdeck (schema ${version}; this one reads ${SCHEMA_VERSION})`] };
    if (version === 0) {
      const appId = db.pragma('application_id', { simple: true }) as number;
      return { ...report, problems: [appId === APPLICATION_ID ? 'its schema version is 0: its tables are gone or not recorded' : 'not a zhdeck collection'] };
    }
    const pages = pageProblem(db, true);
    if (pages) report.problems.push(pages);
    const schema = schemaProblem(db, version);
    if (schema) return { ...report, problems: [...report.problems, schema] };
    if (db.prepare("SELECT value FROM meta WHERE key = 'app'").pluck().get() !== APP_ID) report.problems.push('its meta table does not say it is a zhdeck collection');
    const count = (sql: string) => db!.prepare(sql).pluck().get() as number;
    for (const [what, sql] of DATA_CHECKS) {
      const n = count(sql);
      if (n) report.problems.push(`${n} ${what}`);
    }
    if (version >= 3) {
      for (const [table, fresh, kept] of COUNT_CHECKS) {
        if (count(`SELECT count(*) FROM (${fresh} EXCEPT ${kept})`) + count(`SELECT count(*) FROM (${kept} EXCEPT ${fresh})`)) {
          report.problems.push(`the counts in ${table} disagree with the cards and the log`);
        }
      }
    }
    report.notes = count('SELECT count(*) FROM notes');
    report.cards = count('SELECT count(*) FROM cards');
    report.reviews = count(`SELECT count(*) FROM revlog WHERE ${STANDING}`);
    report.lastReview = db.prepare(`SELECT max(time) FROM revlog WHERE ${STANDING}`).pluck().get() as number | null;
  } catch (e) {
    const mapped = asUserError(e, file);
    report.problems.push(mapped instanceof Error ? mapped.message.replace(`${file}: `, '') : String(e));
  } finally {
    db?.close();
  }
  return report;
}

/** Ratings that stand made after `time` in a file (null when it cannot be read): what a restore from a backup of then loses. */
export function reviewsAfter(file: string, time: number): number | null {
  try {
    const db = openDatabase(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(`SELECT count(*) FROM revlog WHERE time > ? AND ${STANDING}`).pluck().get(time) as number;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
