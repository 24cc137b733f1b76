import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Collection } from '../../src/stages.js';
import { checkPackage, readIndependently } from '../export/package.js';
import { fixture, scratch, zhdeck } from '../helpers.js';

const T0 = Date.parse('2026-11-25T02:00:00Z'); // 10:00 in Taipei
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
// Taipei: UTC+8 all year, so the test can count Anki's days (4 am rollover) without a time zone library.
const TZ = 'Asia/Taipei';
const ankiDayNumber = (t: number) => Math.floor((t + 8 * HOUR - 4 * HOUR) / DAY);

const run = (args: string[], at: number, input?: string) => zhdeck(args, { input, env: { ZHDECK_NOW: String(at), TZ } });

interface CardRow {
  id: number;
  guid: string;
  ord: number;
  due: number;
  state: number;
  scheduled_days: number;
  reps: number;
  lapses: number;
  stability: number;
  difficulty: number;
  suspended: number;
  reviews: number;
}

function collectionCards(file: string): CardRow[] {
  const d = new Database(file, { readonly: true });
  try {
    return d
      .prepare(
        `SELECT c.id, n.guid, c.ord, c.due, c.state, c.scheduled_days, c.reps, c.lapses, c.stability, c.difficulty, c.suspended,
           (SELECT count(*) FROM revlog r WHERE r.card_id = c.id AND r.kind = 'review' AND NOT EXISTS (SELECT 1 FROM revlog u WHERE u.undoes = r.id)) AS reviews
         FROM cards c JOIN notes n ON n.id = c.note_id`,
      )
      .all() as CardRow[];
  } finally {
    d.close();
  }
}

describe('zhdeck export', () => {
  const dir = scratch();
  const col = join(dir, 'collection.db');
  expect(run(['add', fixture('market.interleaved.txt'), '--collection', col], T0).status).toBe(0);
  // Reviews over several days: new cards, their learning steps, reviews due later, a lapse, an undo.
  const sessions: [number, string][] = [
    [T0, '3\n3\n1\n4\n3\n2\n3\nu\n3\n3\nq\n'],
    [T0 + 11 * MIN, '3\n3\n3\n3\n3\n3\nq\n'],
    [T0 + 1 * DAY, '3\n1\n3\n3\n3\n3\n3\n3\nq\n'],
    [T0 + 3 * DAY + 5 * HOUR, '1\n3\n3\n3\n3\n3\n3\n3\nq\n'],
    [T0 + 6 * DAY, '3\n4\n3\n3\n3\n3\n3\nq\n'],
  ];
  for (const [at, input] of sessions) expect(run(['review', '--collection', col, '--new-limit', '6'], at, input).status).toBe(0);
  const at = T0 + 8 * DAY + 3 * HOUR;
  const out = join(dir, 'progress.apkg');
  const r = run(['export', '--collection', col, '-o', out, '--json'], at);

  it('writes a package Anki imports, with every card and every rating that stands', async () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const pkg = checkPackage(out, at);
    const cards = collectionCards(col);
    expect(JSON.parse(r.stdout)).toMatchObject({ output: out, cards: cards.length, reviews: cards.reduce((n, c) => n + c.reviews, 0) });
    expect(pkg.cards).toHaveLength(cards.length);
    expect(pkg.revlog).toHaveLength(cards.reduce((n, c) => n + c.reviews, 0));
    const view = await readIndependently(out);
    expect(view.decks.get('zhdeck::The river market at dawn')).toBe(cards.length);
  });

  it('keeps every card’s due date, interval, review count and memory state', () => {
    const pkg = checkPackage(out, at);
    const cards = collectionCards(col);
    const noteOf = new Map(pkg.notes.map((n) => [n.id, n.guid]));
    const byKey = new Map(pkg.cards.map((c) => [`${noteOf.get(c.nid)}/${c.ord}`, c]));
    const reviewsOf = (cid: number) => pkg.revlog.filter((x) => x.cid === cid);
    const crtDay = ankiDayNumber(pkg.crt * 1000);
    const nextRollover = (ankiDayNumber(at) + 1) * DAY + 4 * HOUR - 8 * HOUR;
    const states = new Set<number>();
    for (const c of cards) {
      const p = byKey.get(`${c.guid}/${c.ord}`)!;
      expect(p, `card ${c.guid}/${c.ord}`).toBeDefined();
      states.add(c.state);
      expect(p.type).toBe(c.state);
      expect(p.reps).toBe(c.reps);
      expect(p.lapses).toBe(c.lapses);
      expect(reviewsOf(p.id)).toHaveLength(c.reviews);
      if (c.state === 0) {
        expect(p.queue).toBe(c.suspended ? -1 : 0);
        continue;
      }
      const data = JSON.parse(p.data) as { s: number; d: number };
      expect(data.s).toBeCloseTo(c.stability, 3);
      expect(data.d).toBeCloseTo(c.difficulty, 2);
      if (c.state === 2) {
        expect(p.queue).toBe(2);
        expect(p.ivl).toBe(c.scheduled_days);
        // Days from the package's creation: the importer moves them to the target's "today".
        expect(p.due).toBe(ankiDayNumber(c.due) - crtDay);
      } else if (c.due < nextRollover) {
        expect(p.queue).toBe(1);
        expect(p.due).toBe(Math.floor(c.due / 1000));
      } else {
        expect(p.queue).toBe(3);
        expect(p.due).toBe(ankiDayNumber(c.due) - crtDay);
      }
    }
    // The sessions left cards new, learning and in review.
    expect(states).toEqual(new Set([0, 1, 2]));
    // The review log keeps each rating, its time and how long it took.
    expect(pkg.revlog.every((x) => x.ease >= 1 && x.ease <= 4 && x.id >= T0 && x.id <= at && x.time <= 60_000)).toBe(true);
  });

  it('exports one deck with --deck', () => {
    const one = join(dir, 'one.apkg');
    expect(run(['export', '--collection', col, '-o', one, '--deck', 'zhdeck'], at).status).toBe(0);
    expect(checkPackage(one, at).cards).toHaveLength(collectionCards(col).length);
  });

  it('an empty collection, an unknown deck, or an output that is the collection: one line, exit 2, nothing written', () => {
    const empty = join(dir, 'empty.db');
    Collection.open(empty, { create: true, now: T0 }).close();
    const target = join(dir, 'nothing.apkg');
    const before = readFileSync(col);
    for (const args of [
      ['--collection', empty, '-o', target],
      ['--collection', join(dir, 'none.db'), '-o', target],
      ['--collection', col, '-o', target, '--deck', 'No such deck'],
      ['--collection', col, '-o', col],
    ]) {
      const bad = run(['export', ...args], at);
      expect(bad.status, args.join(' ')).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(target)).toBe(false);
    }
    expect(readFileSync(col).equals(before)).toBe(true);
  });
});
