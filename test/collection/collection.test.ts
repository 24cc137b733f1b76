import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import { collectionPath } from '../../src/stages.js';
import { fixture, root, scratch, zhdeck } from '../helpers.js';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;

function freshCollection(...inputs: string[]): string {
  const file = join(scratch(), 'collection.db');
  const r = zhdeck(['add', ...(inputs.length ? inputs : [fixture('market.tsv')]), '--collection', file], { env: { ZHDECK_NOW: String(T0) } });
  expect(r.status).toBe(0);
  return file;
}

const review = (file: string, input: string, at: number, extra: string[] = []) =>
  zhdeck(['review', '--collection', file, ...extra], { input, env: { ZHDECK_NOW: String(at) } });

const db = (file: string) => new Database(file, { readonly: true });
const count = (file: string, sql: string) => {
  const d = db(file);
  try {
    return d.prepare(sql).pluck().get() as number;
  } finally {
    d.close();
  }
};
const REVIEWS = "SELECT count(*) FROM revlog r WHERE kind = 'review' AND NOT EXISTS (SELECT 1 FROM revlog u WHERE u.undoes = r.id)";

describe('zhdeck add', () => {
  it('adds the same article twice without changing cards or history', () => {
    const file = freshCollection();
    const cards = count(file, 'SELECT count(*) FROM cards');
    expect(cards).toBeGreaterThan(5);
    expect(review(file, '3\n3\n', T0, ['--limit', '2']).status).toBe(0);
    const before = readFileSync(file).length > 0 && count(file, REVIEWS);
    const again = zhdeck(['add', fixture('market.tsv'), '--collection', file, '--json'], { env: { ZHDECK_NOW: String(T0 + MIN) } });
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).sources[0]).toMatchObject({ added: 0, cardsAdded: 0, cardsSuspended: 0 });
    expect(count(file, 'SELECT count(*) FROM cards')).toBe(cards);
    expect(count(file, REVIEWS)).toBe(before);
    expect(count(file, 'SELECT count(*) FROM cards WHERE reps > 0')).toBe(2);
  });

  it('suspends, never deletes, the cards of a word that is no longer a target', () => {
    const file = freshCollection(fixture('market.interleaved.txt'));
    const cards = count(file, 'SELECT count(*) FROM cards');
    const known = join(scratch(), 'known.txt');
    writeFileSync(known, '市場\n');
    const r = zhdeck(['add', fixture('market.interleaved.txt'), '--collection', file, '--known', known, '--json']);
    expect(r.status).toBe(0);
    // Nothing deleted (the slot 市場 leaves in its sentence may go to another word: cards may be added).
    expect(count(file, 'SELECT count(*) FROM cards')).toBeGreaterThanOrEqual(cards);
    // Its vocabulary note's two cards, and the cloze that hid it.
    expect(count(file, "SELECT count(*) FROM cards WHERE suspended = 1 AND key = 'cloze:市場'")).toBeGreaterThan(0);
    expect(count(file, 'SELECT count(*) FROM cards WHERE suspended = 1')).toBeGreaterThanOrEqual(3);
    // Known no more: back again (with no list, the collection's own reviews: none yet).
    zhdeck(['add', fixture('market.interleaved.txt'), '--collection', file]);
    expect(count(file, "SELECT count(*) FROM cards c JOIN notes n ON n.id = c.note_id WHERE c.suspended = 1 AND (c.key = 'cloze:市場' OR n.fields LIKE '[\"市場\"%')")).toBe(0);
  });

  it('adds a deck zhdeck built, idempotently by GUID', () => {
    const deck = join(scratch(), 'deck.csv');
    expect(zhdeck(['build', fixture('market.tsv'), '-o', deck]).status).toBe(0);
    const file = join(scratch(), 'c.db');
    expect(zhdeck(['add', deck, '--collection', file]).status).toBe(0);
    const fromArticle = freshCollection();
    const guids = (f: string) => {
      const d = db(f);
      const g = d.prepare('SELECT guid FROM notes ORDER BY guid').pluck().all();
      d.close();
      return g;
    };
    expect(guids(file)).toEqual(guids(fromArticle));
    expect(zhdeck(['add', deck, '--collection', file]).status).toBe(0);
    expect(count(file, 'SELECT count(*) FROM notes')).toBe(guids(fromArticle).length);
  });

  it('finds the collection where STANDARDS says', () => {
    expect(collectionPath(undefined, { ZHDECK_COLLECTION: '/x/c.db' })).toBe('/x/c.db');
    expect(collectionPath(undefined, { XDG_DATA_HOME: '/data' })).toBe('/data/zhdeck/collection.db');
    expect(collectionPath(undefined, { HOME: '/home/u' })).toMatch(/\.local\/share\/zhdeck\/collection\.db$/);
    expect(collectionPath('/flag.db', { ZHDECK_COLLECTION: '/x/c.db' })).toBe('/flag.db');
  });
});

describe('zhdeck review', () => {
  it('is scripted one rating per line, shows the intervals, and undoes', () => {
    const file = freshCollection();
    const r = review(file, '3\ngood\n1\nu\neasy\nq\n', T0);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 again 1m · 2 hard 6m · 3 good 10m · 4 easy');
    expect(r.stderr).toContain('3 cards reviewed, 1 rating(s) undone');
    expect(count(file, REVIEWS)).toBe(3);
    expect(count(file, "SELECT count(*) FROM revlog WHERE kind = 'undo'")).toBe(1);
    const bad = review(file, 'maybe\nq\n', T0);
    expect(bad.status).toBe(0);
    expect(bad.stderr).toContain('"maybe" is not a rating');
  });

  it('schedules as ts-fsrs does for the same ratings', () => {
    const file = freshCollection();
    // One card through a sequence of sessions: Good, Good (after its step), Again days later, Easy.
    const steps: [number, Grade][] = [
      [T0, Rating.Good],
      [T0 + 11 * MIN, Rating.Good],
      [T0 + 4 * DAY, Rating.Again],
      [T0 + 4 * DAY + 11 * MIN, Rating.Easy],
    ];
    for (const [at, g] of steps) expect(review(file, `${g}\n`, at, ['--limit', '1', '--new-limit', '1']).status).toBe(0);
    const d = db(file);
    const rows = d.prepare("SELECT card_id, time, rating, state_after FROM revlog WHERE kind = 'review' ORDER BY id").all() as {
      card_id: number;
      time: number;
      rating: number;
      state_after: string;
    }[];
    d.close();
    expect(rows.map((r) => r.card_id)).toEqual([rows[0]!.card_id, rows[0]!.card_id, rows[0]!.card_id, rows[0]!.card_id]);
    const f = fsrs(generatorParameters({ request_retention: 0.9 }));
    let card: Card = createEmptyCard(new Date(T0));
    steps.forEach(([at, g], i) => {
      card = f.next(card, new Date(at), g).card;
      const got = JSON.parse(rows[i]!.state_after);
      expect(got).toMatchObject({
        due: card.due.getTime(),
        state: card.state,
        reps: card.reps,
        lapses: card.lapses,
        scheduled_days: card.scheduled_days,
        learning_steps: card.learning_steps,
      });
      expect(got.stability).toBeCloseTo(card.stability, 10);
      expect(got.difficulty).toBeCloseTo(card.difficulty, 10);
    });
  });

  it('keeps every committed rating when killed with SIGKILL', async () => {
    const file = freshCollection(fixture('market.interleaved.txt'));
    const N = 4;
    const child = spawn(process.execPath, [join(root, 'bin/zhdeck.js'), 'review', '--collection', file], {
      env: { ...process.env, NO_COLOR: '1', ZHDECK_NOW: String(T0) },
    });
    let out = '';
    let rated = 0;
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        // Card k+1 waiting for its rating means rating k is on disk: rate again, or kill after N.
        const waiting = out.match(/4 easy \S+\n/g)?.length ?? 0;
        if (waiting === rated + 1) {
          if (rated === N) {
            child.kill('SIGKILL');
            resolve();
          } else {
            rated++;
            child.stdin.write('3\n');
          }
        }
      });
      child.on('exit', () => resolve());
    });
    expect(rated).toBe(N);
    expect(count(file, REVIEWS)).toBe(N);
    const d = new Database(file);
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    d.close();
  });

  it('two reviews at once on one collection both commit, and the file stays sound', async () => {
    const file = freshCollection(fixture('market.interleaved.txt'));
    const run = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [join(root, 'bin/zhdeck.js'), 'review', '--collection', file, '--limit', '5'], {
          env: { ...process.env, NO_COLOR: '1', ZHDECK_NOW: String(T0) },
        });
        child.stdin.end('3\n3\n3\n3\n3\n');
        child.stdout.resume();
        child.on('exit', resolve);
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    expect(count(file, REVIEWS)).toBe(10);
    const d = new Database(file);
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    d.close();
  });
});

describe('collections that are not sound', () => {
  it.each([
    ['a text file', (f: string) => writeFileSync(f, 'not a database at all, just text that is long enough to fill a header '.repeat(3)), /not a zhdeck collection/],
    [
      'another SQLite database',
      (f: string) => {
        const d = new Database(f);
        d.exec('CREATE TABLE t (x)');
        d.close();
      },
      /not a zhdeck collection/,
    ],
  ])('%s → exit 2, one line, file untouched', (_, make, message) => {
    const file = join(scratch(), 'c.db');
    make(file);
    const before = readFileSync(file);
    for (const args of [['stats'], ['review'], ['add', fixture('market.tsv')]]) {
      const r = zhdeck([...args, '--collection', file], { input: '' });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(readFileSync(file).equals(before)).toBe(true);
    }
  });

  it('a corrupt collection → exit 2, one line, file untouched', () => {
    const good = freshCollection(fixture('market.interleaved.txt'));
    const d = new Database(good);
    d.pragma('wal_checkpoint(TRUNCATE)');
    d.close();
    const file = join(scratch(), 'corrupt.db');
    copyFileSync(good, file);
    const bytes = readFileSync(file);
    // Garble every page after the first: the header still says zhdeck, the tables do not read.
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = (bytes[i]! * 31 + 17) & 0xff;
    writeFileSync(file, bytes);
    for (const args of [['stats'], ['review']]) {
      const r = zhdeck([...args, '--collection', file], { input: '3\n' });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/damaged.*zhdeck check/);
      expect(readFileSync(file).equals(bytes)).toBe(true);
    }
  });

  it('no collection yet → exit 2 saying how to make one', () => {
    const r = zhdeck(['stats', '--collection', join(scratch(), 'none.db')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/zhdeck add/);
  });
});

describe('zhdeck stats', () => {
  it('counts cards, notes, reviews, due, new and states, retention and the week ahead', () => {
    const file = freshCollection();
    review(file, '3\n2\n1\n', T0);
    const r = zhdeck(['stats', '--collection', file, '--json'], { env: { ZHDECK_NOW: String(T0 + 5 * MIN) } });
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ reviews: 3, states: { learning: 3 } });
    expect(s.cards).toBe(count(file, 'SELECT count(*) FROM cards'));
    expect(s.notes).toBe(count(file, 'SELECT count(*) FROM notes'));
    expect(s.new).toBe(s.cards - 3);
    expect(s.due).toBe(1); // the Again card (1 minute), not yet the others
    expect(s.forecast).toHaveLength(7);
    expect(s.forecast[0]).toEqual({ date: '2026-11-25', due: 3 });
    expect(s.retention).toBeNull();
    expect(zhdeck(['stats', '--collection', file]).stdout).toMatch(/due now · \d+ new · \d+ cards in \d+ notes · 3 reviews/);
  });
});
