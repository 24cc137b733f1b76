// Issue 11: a learner's collection is never damaged or lost. Each test makes its own small
// collection through the CLI, damages or constrains it, and runs the commands a learner would.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { asUserError, Collection, DamagedCollection, MIGRATIONS, retained, type Backup } from '../../src/collection/index.js';
import { UserError } from '../../src/util/errors.js';
import { localDate } from '../../src/util/clock.js';
import { fixture, root, scratch, zhdeck } from '../helpers.js';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const DAY = 86_400_000;
const at = (t: number) => ({ ZHDECK_NOW: String(t) });
const REVIEWS = "SELECT count(*) FROM revlog r WHERE kind = 'review' AND NOT EXISTS (SELECT 1 FROM revlog u WHERE u.undoes = r.id)";

/** A collection of the market article with two ratings, in a folder of its own. */
function collection(): string {
  const file = join(scratch(), 'c.db');
  expect(zhdeck(['add', fixture('market.tsv'), '--collection', file], { env: at(T0) }).status).toBe(0);
  expect(zhdeck(['review', '--collection', file, '--limit', '2'], { input: '3\n3\n', env: at(T0) }).status).toBe(0);
  return file;
}

/** A copy in a folder of its own (no backups, no seal). */
function copyOf(file: string): string {
  const to = join(scratch(), 'c.db');
  copyFileSync(file, to);
  return to;
}

const sql = (file: string, text: string) => {
  const d = new Database(file);
  try {
    const st = d.prepare(text);
    return st.reader ? st.pluck().get() : st.run();
  } finally {
    d.close();
  }
};

const pageSize = (file: string) => {
  const n = readFileSync(file).readUInt16BE(16);
  return n === 1 ? 65536 : n;
};

const patch = (file: string, edit: (bytes: Buffer) => void) => {
  const bytes = readFileSync(file);
  edit(bytes);
  writeFileSync(file, bytes);
};

/** The ways a file goes bad, each a reproduction from issue 11. */
const DAMAGE: [string, (file: string) => void][] = [
  ['a page zeroed', (f) => patch(f, (b) => b.fill(0, pageSize(f), 2 * pageSize(f)))],
  ['a byte cut off the end', (f) => truncateSync(f, readFileSync(f).length - 1)],
  ['bytes flipped', (f) => patch(f, (b) => {
    for (let i = pageSize(f); i < pageSize(f) + 16; i++) b[i] = b[i]! ^ 0xff;
  })],
  ['schema version 0 with its tables', (f) => sql(f, 'PRAGMA user_version = 0')],
  ['an unknown file format in the header', (f) => patch(f, (b) => b.fill(3, 18, 20))],
  ['a table gone', (f) => sql(f, 'DROP TABLE known_words')],
];

describe('a damaged collection is never written to', () => {
  const good = collection();
  it.each(DAMAGE)('%s: stats, review and add exit 2 naming zhdeck check, the file unchanged', (_, damage) => {
    const file = copyOf(good);
    damage(file);
    const before = readFileSync(file);
    for (const args of [['stats'], ['review'], ['add', fixture('market.interleaved.txt')]]) {
      const r = zhdeck([...args, '--collection', file], { input: '3\n', env: at(T0 + DAY) });
      expect(r.status, `${args[0]}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/zhdeck check/);
      expect(readFileSync(file).equals(before), args[0]).toBe(true);
    }
  });

  it("a file with zhdeck's application id but no tables is not taken for a new collection", () => {
    const file = join(scratch(), 'c.db');
    const d = new Database(file);
    d.pragma(`application_id = ${0x7a686463}`);
    d.close();
    const before = readFileSync(file);
    const r = zhdeck(['add', fixture('market.tsv'), '--collection', file], { env: at(T0) });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no tables.*zhdeck check/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a garbled JSON field read back: exit 2 naming zhdeck check, the file unchanged', () => {
    const file = copyOf(good);
    sql(file, "UPDATE notes SET fields = '[\"unclosed' ");
    const before = readFileSync(file);
    for (const args of [['review'], ['export', '-o', join(scratch(), 'out.apkg')]]) {
      const r = zhdeck([...args, '--collection', file], { input: '3\n', env: at(T0 + DAY) });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/fields is not JSON.*zhdeck check/);
      expect(readFileSync(file).equals(before)).toBe(true);
    }
  });
});

describe('SQLite failures are classified by family', () => {
  const path = '/x/c.db';
  it.each([
    ['SQLITE_IOERR_FSYNC', /disk error/],
    ['SQLITE_IOERR_SHORT_READ', /disk error/],
    ['SQLITE_IOERR_NOMEM', /disk error/],
    ['SQLITE_FULL', /disk is full/],
    ['SQLITE_READONLY_DIRECTORY', /read-only/],
    ['SQLITE_READONLY_DBMOVED', /read-only/],
    ['SQLITE_READONLY_ROLLBACK', /unfinished write/],
    ['SQLITE_CANTOPEN_ISDIR', /cannot be opened/],
    ['SQLITE_BUSY_SNAPSHOT', /busy/],
    ['SQLITE_LOCKED_SHAREDCACHE', /busy/],
    ['SQLITE_CORRUPT_INDEX', /damaged.*zhdeck check/],
    ['SQLITE_NOTADB', /damaged.*zhdeck check/],
    ['SQLITE_PERM', /permission/],
  ])('%s → a user error saying what to do', (code, message) => {
    const e = asUserError(Object.assign(new Error('sqlite says'), { code }), path);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(message);
    expect((e as Error).message.startsWith(path)).toBe(true);
  });

  it('a table or column gone, or malformed JSON in SQL, is a damaged collection; anything else a bug', () => {
    for (const message of ['no such column: c.position', 'no such table: meta', 'malformed JSON']) {
      expect(asUserError(Object.assign(new Error(message), { code: 'SQLITE_ERROR' }), path)).toBeInstanceOf(DamagedCollection);
    }
    const bug = Object.assign(new Error('near "SELEC": syntax error'), { code: 'SQLITE_ERROR' });
    expect(asUserError(bug, path)).toBe(bug);
  });

  it('a full disk during a write: a user error, the file unchanged', () => {
    const file = copyOf(collection());
    const c = Collection.open(file, { now: T0 });
    try {
      // The disk full at the file's present size: any page more fails (SQLITE_FULL).
      const db = (c as unknown as { db: Database.Database }).db;
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
      // Today's backup first: it is made before the write, and goes elsewhere.
      c.markKnown(['一'], true, T0);
      const before = readFileSync(file);
      const words = Array.from({ length: 3000 }, (_, i) => `詞${String.fromCodePoint(0x4e00 + i)}`.repeat(20));
      expect(() => c.markKnown(words, true, T0)).toThrow(/disk is full/);
      expect(readFileSync(file).equals(before)).toBe(true);
    } finally {
      c.close();
    }
  });
});

/** Runs as a user other than root when root (root writes anywhere), else as this user. */
const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

describe('a collection in a read-only folder', () => {
  it('stats reads it; review and add say it cannot be written, exit 2, the file unchanged', () => {
    const dir = scratch();
    const file = join(dir, 'c.db');
    copyFileSync(collection(), file);
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    try {
      const before = readFileSync(file);
      const stats = zhdeck(['stats', '--collection', file, '--json'], { ...asOther, env: at(T0) });
      expect(stats.status, stats.stderr).toBe(0);
      expect(JSON.parse(stats.stdout).reviews).toBe(2);
      for (const args of [['review'], ['add', fixture('market.interleaved.txt')]]) {
        const r = zhdeck([...args, '--collection', file], { ...asOther, input: '3\n', env: at(T0 + DAY) });
        expect(r.status, r.stderr).toBe(2);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(/read-only/);
      }
      expect(readFileSync(file).equals(before)).toBe(true);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe('ratings are in the file itself', () => {
  it('deleting the journal files during a session, then a kill, loses no rating', async () => {
    const file = copyOf(collection());
    const child = spawn(process.execPath, [join(root, 'bin/zhdeck.js'), 'review', '--collection', file], {
      env: { ...process.env, NO_COLOR: '1', ...at(T0 + 10 * DAY) },
    });
    let out = '';
    let rated = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        // A card's rating line: rate it; at the second card, take the logs away and kill.
        if (!/1 again .*4 easy/.test(out)) return;
        out = '';
        if (rated === 1) {
          for (const suffix of ['-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
          child.kill('SIGKILL');
          return;
        }
        rated++;
        child.stdin.write('3\n');
      });
      child.on('exit', () => resolve());
    });
    expect(rated).toBe(1);
    expect(sql(file, REVIEWS)).toBe(3);
  });
});

describe('backups', () => {
  it('one before the first write of each day, in backups/ beside the collection, holding the day before it', () => {
    const file = collection(); // add (a new collection: nothing to back up), then a review on T0
    const dir = join(file, '..', 'backups');
    const day0 = join(dir, `c-${localDate(T0)}.db`);
    expect(existsSync(day0)).toBe(true);
    expect(sql(day0, REVIEWS)).toBe(0); // made before the first rating
    expect(zhdeck(['review', '--collection', file, '--limit', '1'], { input: '3\n', env: at(T0 + 60_000) }).status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.db'))).toEqual([`c-${localDate(T0)}.db`]);
    expect(zhdeck(['review', '--collection', file, '--limit', '1'], { input: '3\n', env: at(T0 + DAY) }).status).toBe(0);
    const day1 = join(dir, `c-${localDate(T0 + DAY)}.db`);
    expect(sql(day1, REVIEWS)).toBe(3);
    // stats only reads: no backup for a day with no write.
    expect(zhdeck(['stats', '--collection', file], { env: at(T0 + 2 * DAY) }).status).toBe(0);
    expect(existsSync(join(dir, `c-${localDate(T0 + 2 * DAY)}.db`))).toBe(false);
  });

  it('one before a schema migration', () => {
    const file = join(scratch(), 'old.db');
    const d = new Database(file);
    for (const m of MIGRATIONS.slice(0, 3)) d.exec(m);
    d.prepare("INSERT INTO meta (key, value) VALUES ('app', 'zhdeck-collection'), ('created', '0')").run();
    d.pragma('user_version = 3');
    d.close();
    Collection.open(file, { now: T0 }).close();
    expect(sql(file, 'PRAGMA user_version')).toBe(4);
    expect(sql(join(file, '..', 'backups', `old-${localDate(T0)}-schema3.db`), 'PRAGMA user_version')).toBe(3);
  });

  it('keeps every day of the last week, a week each for a month, and the newest before a migration', () => {
    const today = '2026-03-01';
    const backups: Backup[] = Array.from({ length: 60 }, (_, k) => ({ file: `d${k}`, day: localDate(Date.parse(`${today}T12:00:00`) - k * DAY) }));
    backups.splice(20, 0, { file: 'm', day: backups[20]!.day, beforeSchema: 3 });
    const kept = retained(backups, today);
    for (let k = 0; k < 7; k++) expect(kept.has(`d${k}`)).toBe(true);
    // Days 7–34: the newest of each of four weeks.
    expect([...kept].filter((f) => /^d\d+$/.test(f) && Number(f.slice(1)) >= 7)).toEqual(['d7', 'd14', 'd21', 'd28']);
    expect(kept.has('m')).toBe(true);
    expect(kept.size).toBe(12);
  });
});

describe('zhdeck check', () => {
  it('a sound collection: exit 0, every card as its review log gives', () => {
    const file = collection();
    const r = zhdeck(['check', '--collection', file, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ sound: true, problems: [], reviews: 2 });
    expect(report.history.mismatched).toBe(0);
    expect(report.history.cards).toBe(report.cards);
  });

  it('a card whose state its log does not give: exit 2, named', () => {
    const file = copyOf(collection());
    const id = sql(file, 'SELECT min(card_id) FROM revlog');
    sql(file, `UPDATE cards SET lapses = 5 WHERE id = ${id}`);
    const r = zhdeck(['check', '--collection', file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`card ${id}: its lapses is not what its last review left`));
  });

  it('--restore puts back the newest sound backup, keeps the damaged file aside, says what was lost', () => {
    const file = collection(); // backup of T0 made before its two ratings
    sql(file, "UPDATE notes SET fields = 'garbled'");
    const damagedBytes = readFileSync(file);
    const plain = zhdeck(['check', '--collection', file]);
    expect(plain.status).toBe(2);
    expect(plain.stdout).toMatch(/notes whose fields are not a JSON array/);
    const r = zhdeck(['check', '--collection', file, '--restore', '--json'], { env: at(T0 + DAY) });
    expect(r.status, r.stderr).toBe(0);
    const { restored } = JSON.parse(r.stdout);
    expect(restored).toMatchObject({ day: localDate(T0), reviewsLost: 2 });
    expect(readFileSync(restored.damagedAside).equals(damagedBytes)).toBe(true);
    expect(zhdeck(['check', '--collection', file]).status).toBe(0);
    expect(zhdeck(['stats', '--collection', file]).status).toBe(0);
  });

  it('--restore with no sound backup: exit 2, nothing changed', () => {
    const file = copyOf(collection());
    mkdirSync(join(file, '..', 'backups'));
    patch(file, (b) => b.fill(0, pageSize(file), 2 * pageSize(file)));
    const before = readFileSync(file);
    const r = zhdeck(['check', '--collection', file, '--restore']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no backup of it passes/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
