// Scheduling as a learner expects from Anki's FSRS: bury siblings, load balancing, the maximum
// interval, fuzz, per-deck parameters; and fitting FSRS to a generated review history. The clock
// is fixed throughout; collections are real SQLite files.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { get_fuzz_range, Rating } from 'ts-fsrs';
import { Collection, MIGRATIONS, toCollectionNote, type CardState, type CollectionNote } from '../../src/collection/index.js';
import { LoadBalancer, nextCard, parametersFor, Scheduler, schedulersFor, type Load } from '../../src/review/index.js';
import { evaluateParameters, fitItems, fitParameters } from '../../src/optimize/index.js';
import { DEFAULT_PARAMETERS } from '../../src/review/index.js';
import { scratch } from '../helpers.js';
import { dayStart, localDate } from '../../src/util/clock.js';
// @ts-expect-error: a plain ES module of the bench, without types
import { FORGETFUL, generateCollection, generatedNotes } from '../../bench/generate.mjs';

const T0 = new Date(2026, 10, 25, 10, 0, 0).getTime(); // local time: days are local days
const DAY = 86_400_000;
const MIN = 60_000;

/** Changes rows behind the collection's back (a second connection), to set a scene. */
function exec(c: Collection, sql: string, ...params: unknown[]): void {
  const d = new Database(c.path);
  d.prepare(sql).run(...params);
  d.close();
}

function collectionWith(notes: CollectionNote[]): Collection {
  const c = Collection.open(join(scratch(), 'c.db'), { create: true, now: T0 });
  c.addNotes(notes, 'test', T0, new Scheduler().initial);
  return c;
}

/** A card in review state: last reviewed `ago` days before `now`, with this stability. */
const reviewCard = (now: number, ago: number, stability: number): CardState => ({
  due: now,
  stability,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: ago,
  learning_steps: 0,
  reps: 5,
  lapses: 0,
  state: 2,
  last_review: now - ago * DAY,
});

describe('bury siblings', () => {
  it("a sentence's cloze and translation cards, and a word's two cards, are not studied on one day", () => {
    const c = collectionWith(generatedNotes(10, 1));
    const scheduler = new Scheduler();
    const seen: number[] = [];
    for (let t = T0, card; (card = nextCard(c, t, { newLimit: 100 })); t += MIN) {
      if (card.state === 0) seen.push(card.id);
      c.recordReview(card.id, t, Rating.Easy, 1000, (before) => scheduler.next({ ...before, id: card.id }, t, Rating.Easy));
    }
    const siblingOf = (id: number) => c.note(c.card(id)!.noteId)!.sibling;
    // 10 cards: two sentences (cloze + translation's two) and two words (two each): four keys, one card each today.
    expect(seen.map(siblingOf)).toEqual([...new Set(seen.map(siblingOf))]);
    expect(seen).toHaveLength(4);
    // The next day, the buried ones come.
    const tomorrow = T0 + DAY;
    const next = nextCard(c, tomorrow, { newLimit: 100 });
    expect(next?.state).toBe(0);
    expect(seen).not.toContain(next!.id);
    c.close();
  });

  it('a review card buries its siblings, and an undo takes the burying back', () => {
    const c = collectionWith(generatedNotes(5, 1));
    const scheduler = new Scheduler();
    const cards = c.all<{ id: number }>('SELECT id FROM cards ORDER BY id').map((r) => r.id);
    const [cloze, front, back] = cards as [number, number, number];
    const buried = (id: number) => c.get<{ b: number }>('SELECT buried_until AS b FROM cards WHERE id = ?', id).b;
    const first = c.recordReview(cloze, T0, Rating.Good, 1000, (b) => scheduler.next({ ...b, id: cloze }, T0, Rating.Good));
    // The cloze's sentence has a translation note: its two new cards wait until midnight.
    expect(buried(front)).toBeGreaterThan(T0);
    expect(buried(back)).toBe(buried(front));
    expect(new Date(buried(front)).getHours()).toBe(0);
    c.undo(first, T0 + MIN);
    expect([buried(front), buried(back)]).toEqual([0, 0]);
    // Rated from new, a card leaves a sibling in review state alone; rated in review, it buries it too.
    exec(c, 'UPDATE cards SET state = 2, due = ? WHERE id = ?', T0, back);
    c.recordReview(front, T0, Rating.Good, 1000, (b) => scheduler.next({ ...b, id: front }, T0, Rating.Good));
    expect(buried(back)).toBe(0);
    expect(buried(cloze)).toBeGreaterThan(T0);
    const later = T0 + 3 * DAY;
    exec(c, 'UPDATE cards SET state = 2, due = ?, last_review = ? WHERE id = ?', later, T0, front);
    c.recordReview(front, later, Rating.Good, 1000, (b) => scheduler.next({ ...b, id: front }, later, Rating.Good));
    expect(buried(back)).toBeGreaterThan(later);
    c.close();
  });
});

describe('load balancing', () => {
  /** A load with `busy` cards due on each of these days from now, none elsewhere. */
  const load = (now: number, busy: Record<number, number>): Load => ({
    dueOn: (day) => busy[Object.keys(busy).map(Number).find((d) => localDate(dayStart(now, d)) === day) ?? -1] ?? 0,
    siblingDues: () => [],
  });

  it('chooses the days of the fuzz range that have fewer reviews due, as Anki does', () => {
    const { min_ivl, max_ivl } = get_fuzz_range(30, 30, 36500);
    expect(max_ivl - min_ivl).toBeGreaterThanOrEqual(4);
    const busy: Record<number, number> = {};
    for (let d = min_ivl; d <= max_ivl; d++) busy[d] = d === min_ivl + 2 ? 5 : 80;
    const b = new LoadBalancer(load(T0, busy));
    const chosen = Array.from({ length: 200 }, (_, k) => b.choose(30, min_ivl, max_ivl, T0, k, `seed-${k}`)!);
    // The one light day takes nearly every card (weights (1/5)^2.15 against (1/80)^2.15).
    expect(chosen.filter((d) => d === min_ivl + 2).length).toBeGreaterThan(190);
    expect(chosen.every((d) => d >= min_ivl && d <= max_ivl)).toBe(true);
    // An empty day weighs 1: it wins over any loaded one.
    busy[max_ivl] = 0;
    const b2 = new LoadBalancer(load(T0, busy));
    expect(b2.choose(30, min_ivl, max_ivl, T0, 1, 'x')).toBe(max_ivl);
    // Past 90 days the balancer leaves the choice to plain fuzz.
    expect(b2.choose(120, 110, 130, T0, 1, 'x')).toBeUndefined();
  });

  it('keeps a card away from the days its siblings are due', () => {
    const even: Record<number, number> = {};
    for (let d = 0; d < 60; d++) even[d] = 40;
    const { min_ivl, max_ivl } = get_fuzz_range(30, 30, 36500);
    const sibling = T0 + (min_ivl + 1) * DAY;
    const b = new LoadBalancer({ ...load(T0, even), siblingDues: () => [sibling] });
    const chosen = Array.from({ length: 200 }, (_, k) => b.choose(30, min_ivl, max_ivl, T0, 7, `seed-${k}`)!);
    expect(chosen.every((d) => d >= min_ivl && d <= max_ivl)).toBe(true);
    expect(chosen.filter((d) => d === min_ivl + 1)).toHaveLength(0);
    // The days next to it are weighed down too (0.2 at one day away), the far ones not.
    expect(chosen.filter((d) => d === min_ivl + 2).length).toBeLessThan(chosen.filter((d) => d === max_ivl).length);
  });

  it('through the scheduler, on a real collection: the preview and the rating agree, within the fuzz range', () => {
    const c = collectionWith(generatedNotes(400, 1));
    const balancer = new LoadBalancer(c);
    const scheduler = new Scheduler({ balancer });
    const ids = c.all<{ id: number }>('SELECT id FROM cards ORDER BY id').map((r) => r.id);
    const plain = new Scheduler({ fuzz: false }).next(reviewCard(T0, 20, 20.5), T0, Rating.Good).scheduled_days;
    expect(plain).toBeLessThanOrEqual(90);
    // Half the cards due on the day plain FSRS would choose, the other days of its fuzz range empty.
    exec(c, 'UPDATE cards SET state = 2, due = ?, last_review = ? WHERE id <= ?', T0 + plain * DAY, T0 - 30 * DAY, ids[199]);
    const days: number[] = [];
    for (const id of ids.slice(200, 260)) {
      const card = { ...reviewCard(T0, 20, 20.5), id };
      const shown = scheduler.intervals(card, T0)[Rating.Good - 1]!;
      const next = scheduler.next(card, T0, Rating.Good);
      expect(next.due - T0).toBe(shown);
      days.push(next.scheduled_days);
    }
    const range = get_fuzz_range(plain, 20, 36500);
    expect(days.every((d) => d >= range.min_ivl && d <= range.max_ivl)).toBe(true);
    expect(days).not.toContain(plain);
    // Without the balancer, plain fuzz lands on that day now and then.
    const unbalanced = ids.slice(200, 260).map((id) => new Scheduler().next({ ...reviewCard(T0, 20, 20.5), id }, T0, Rating.Good).scheduled_days);
    expect(unbalanced).toContain(plain);
    c.close();
  });
});

describe('the maximum interval', () => {
  it('caps every interval, and the collection remembers it', () => {
    const card = reviewCard(T0, 400, 900);
    expect(new Scheduler().next(card, T0, Rating.Easy).scheduled_days).toBeGreaterThan(1000);
    for (const g of [Rating.Hard, Rating.Good, Rating.Easy] as const) {
      expect(new Scheduler({ maximumInterval: 100 }).next(card, T0, g).scheduled_days).toBeLessThanOrEqual(100);
    }
    expect(new Scheduler({ maximumInterval: 100 }).next(card, T0, Rating.Easy).scheduled_days).toBeGreaterThanOrEqual(95);
    // Anki's default.
    expect(new Scheduler().maximumInterval).toBe(36500);
  });
});

describe('fuzz', () => {
  it('spreads cards with the same interval over the fuzz range, the same way for the same card', () => {
    const plain = new Scheduler({ fuzz: false }).next(reviewCard(T0, 10, 10), T0, Rating.Good).scheduled_days;
    const fuzzed = Array.from({ length: 100 }, (_, id) => new Scheduler().next({ ...reviewCard(T0, 10, 10), id }, T0, Rating.Good).scheduled_days);
    const range = get_fuzz_range(plain, 10, 36500);
    expect(new Set(fuzzed).size).toBeGreaterThan(2);
    expect(fuzzed.every((d) => d >= range.min_ivl && d <= range.max_ivl)).toBe(true);
    expect(new Scheduler().next({ ...reviewCard(T0, 10, 10), id: 7 }, T0, Rating.Good)).toEqual(
      new Scheduler().next({ ...reviewCard(T0, 10, 10), id: 7 }, T0, Rating.Good),
    );
  });
});

describe('parameters per deck', () => {
  it('a deck uses its own parameters, else its nearest parent\u2019s, else the collection\u2019s', () => {
    const own = [...DEFAULT_PARAMETERS].map((w, i) => (i === 2 ? 9 : w));
    const all = [...DEFAULT_PARAMETERS].map((w, i) => (i === 2 ? 4 : w));
    const s = { retention: 0.9, maximumInterval: 36500, parameters: { '': all, 'zhdeck::A': own } };
    expect(parametersFor(s, 'zhdeck::A')).toBe(own);
    expect(parametersFor(s, 'zhdeck::A::sub')).toBe(own);
    expect(parametersFor(s, 'zhdeck::B')).toBe(all);
    expect(parametersFor({ ...s, parameters: {} }, 'zhdeck::B')).toBeUndefined();
    const c = collectionWith(generatedNotes(5, 1));
    c.setSetting('fsrs_parameters', { 'zhdeck::Article 0': own });
    const scheduler = schedulersFor(c)('zhdeck::Article 0');
    // A new card rated Good starts at stability w[2].
    const fresh = scheduler.next({ ...scheduler.initial(T0), id: 1 }, T0, Rating.Good);
    expect(fresh.stability).toBeCloseTo(9, 6);
    c.close();
  });
});

describe('schema 2 on a collection from schema 1', () => {
  it('migrates: sibling keys from the fields, per-day sums and card counts from the log, nothing lost', () => {
    const file = join(scratch(), 'v1.db');
    const d = new Database(file);
    d.exec(MIGRATIONS[0]!);
    d.pragma('user_version = 1');
    d.pragma(`application_id = ${0x7a686463}`);
    d.prepare("INSERT INTO meta (key, value) VALUES ('app', 'zhdeck-collection'), ('created', '0')").run();
    const notes = generatedNotes(5, 1).map((n: CollectionNote) => toCollectionNote({ ...n, sibling: undefined }));
    const state = (s: number) => JSON.stringify({ ...new Scheduler().initial(T0), state: s });
    notes.forEach((n: CollectionNote, i: number) => {
      d.prepare('INSERT INTO notes (id, guid, kind, type, deck, fields, tags, source, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)').run(
        i + 1,
        n.guid,
        n.kind,
        n.type,
        n.deck,
        JSON.stringify(n.fields),
        n.tags.join(' '),
        'test',
      );
      n.cards.forEach((card) =>
        d
          .prepare(
            'INSERT INTO cards (note_id, ord, key, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state) VALUES (?, ?, ?, ?, 1, 5, 0, 0, 0, 0, 0, 0)',
          )
          .run(i + 1, card.ord, card.key, T0),
      );
    });
    const log = d.prepare("INSERT INTO revlog (card_id, kind, undoes, time, rating, state_before, state_after, duration) VALUES (?, ?, ?, ?, ?, ?, ?, 0)");
    log.run(1, 'review', null, T0, 3, state(0), state(1));
    log.run(1, 'review', null, T0 + MIN, 1, state(2), state(3));
    log.run(1, 'undo', 2, T0 + 2 * MIN, 0, state(3), state(2));
    log.run(2, 'review', null, T0 - DAY, 4, state(2), state(2));
    d.close();

    const c = Collection.open(file, { now: T0 });
    const stored = c.all<{ guid: string; sibling: string }>('SELECT guid, sibling FROM notes ORDER BY id');
    const built = generatedNotes(5, 1).map((n: CollectionNote) => n.guid);
    expect(stored.map((n) => n.guid)).toEqual(built);
    // The cloze and the translation of one sentence share a key; the word has its own.
    expect(stored[0]!.sibling).toBe(stored[1]!.sibling);
    expect(stored[2]!.sibling).toBe(stored[2]!.guid);
    expect(c.reviewDays().map((r) => [r.reviews, r.learned, r.mature, r.passed])).toEqual([
      [1, 0, 1, 1],
      [1, 1, 0, 0],
    ]);
    expect(c.cardCounts()).toEqual([{ state: 0, suspended: 0, n: 5 }]);
    expect(c.get<{ n: number }>('SELECT count(*) AS n FROM revlog').n).toBe(4);
    c.close();
  });
});

describe('fitting FSRS to a learner\u2019s own reviews', () => {
  it('on a history with a known forgetting pattern, the fitted parameters predict held-back reviews better than the defaults', async () => {
    const file = join(scratch(), 'history.db');
    generateCollection({ file, cards: 600, reviews: 5000, truth: FORGETFUL, seed: 3, newLimit: 8 });
    const c = Collection.open(file);
    const items = fitItems(c.reviewsForFit());
    c.close();
    expect(items.length).toBeGreaterThan(1000);
    // Held back: every fifth card's reviews.
    const test = items.filter((i) => i.cardId % 5 === 0);
    const train = items.filter((i) => i.cardId % 5 !== 0);
    const fitted = await fitParameters(train);
    expect(fitted).toHaveLength(21);
    const before = evaluateParameters(DEFAULT_PARAMETERS, test);
    const after = evaluateParameters(fitted, test);
    expect(after.logLoss).toBeLessThan(before.logLoss);
    expect(after.rmseBins).toBeLessThan(before.rmseBins);
    // What it found: the learner's first memories are weaker than the defaults assume.
    expect(fitted[2]!).toBeLessThan(DEFAULT_PARAMETERS[2]!);
  });

  it('builds items as Anki does: from the first learning rating, one per review on a later day', () => {
    const at = (day: number, minute = 0) => T0 + day * DAY + minute * MIN;
    const items = fitItems([
      { cardId: 1, time: at(0), rating: 3, state: 0 },
      { cardId: 1, time: at(0, 10), rating: 3, state: 1 },
      { cardId: 1, time: at(2), rating: 1, state: 2 },
      { cardId: 1, time: at(2, 10), rating: 3, state: 3 },
      { cardId: 1, time: at(5), rating: 3, state: 2 },
      // A card whose history does not start with learning is left out.
      { cardId: 2, time: at(1), rating: 3, state: 2 },
      { cardId: 2, time: at(4), rating: 3, state: 2 },
    ]);
    expect(items.map((i) => i.reviews.map((r) => `${r.rating}/${r.deltaT}`).join(' '))).toEqual(['3/0 3/0 1/2', '3/0 3/0 1/2 3/0 3/3']);
  });
});
