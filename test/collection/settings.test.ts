// The CLI of issue 14, as a subprocess on real SQLite files with the clock fixed: settings kept by
// the collection, `zhdeck optimize`, the stats charts, the retrievability line, sibling keys.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fixture, scratch, zhdeck } from '../helpers.js';
import { barChart } from '../../src/cli/chart.js';
// @ts-expect-error: a plain ES module of the bench, without types
import { generateCollection } from '../../bench/generate.mjs';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const DAY = 86_400_000;

function freshCollection(input = fixture('market.interleaved.txt')): string {
  const file = join(scratch(), 'collection.db');
  expect(zhdeck(['add', input, '--collection', file], { env: { ZHDECK_NOW: String(T0) } }).status).toBe(0);
  return file;
}

const review = (file: string, input: string, at: number, extra: string[] = []) =>
  zhdeck(['review', '--collection', file, ...extra], { input, env: { ZHDECK_NOW: String(at) } });

function query<T>(file: string, sql: string): T[] {
  const d = new Database(file, { readonly: true });
  try {
    return d.prepare(sql).all() as T[];
  } finally {
    d.close();
  }
}

const easyInterval = (out: string) => /4 easy (\d+)d/.exec(out)?.[1];

describe('settings the collection keeps', () => {
  it('--retention is remembered: later reviews schedule with it', () => {
    const kept = freshCollection();
    const plain = freshCollection();
    const set = review(kept, 'q\n', T0, ['--retention', '0.85']);
    expect(set.status).toBe(0);
    expect(set.stderr).toContain('desired retention 0.85 kept for this collection');
    expect(query<{ value: string }>(kept, "SELECT value FROM config WHERE key = 'retention'")).toEqual([{ value: '0.85' }]);
    // The same first card, rated the same: a lower desired retention, a longer Easy interval.
    const a = review(kept, '4\n', T0, ['--limit', '1']);
    const b = review(plain, '4\n', T0, ['--limit', '1']);
    expect(Number(easyInterval(a.stdout))).toBeGreaterThan(Number(easyInterval(b.stdout)));
    expect(a.stderr).not.toContain('kept for this collection');
    expect(review(kept, 'q\n', T0, ['--retention', '1.5']).status).toBe(2);
  });

  it('--max-interval is remembered and caps the intervals shown and given', () => {
    const file = freshCollection();
    expect(review(file, 'q\n', T0, ['--max-interval', '3']).status).toBe(0);
    const r = review(file, '4\n', T0, ['--limit', '1']);
    expect(Number(easyInterval(r.stdout))).toBeLessThanOrEqual(3);
    const [due] = query<{ days: number }>(file, "SELECT scheduled_days AS days FROM cards WHERE reps > 0");
    expect(due!.days).toBeLessThanOrEqual(3);
    const bad = review(file, 'q\n', T0, ['--max-interval', '0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a stored setting that is not valid: one line saying how to set it again, which then works', () => {
    const file = freshCollection();
    const d = new Database(file);
    d.prepare("INSERT INTO config (key, value) VALUES ('retention', '\"high\"')").run();
    d.close();
    const r = review(file, 'q\n', T0);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/setting "retention" that is not valid .*zhdeck review --retention 0\.9/);
    expect(review(file, 'q\n', T0, ['--retention', '0.9']).status).toBe(0);
    expect(review(file, 'q\n', T0).status).toBe(0);
  });
});

describe('zhdeck optimize', () => {
  it('too few reviews: one line saying how many are needed, exit 2, nothing stored', () => {
    const file = freshCollection();
    review(file, '3\n3\n3\n', T0);
    const r = zhdeck(['optimize', '--collection', file]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/too few reviews to fit FSRS: 0 of the 400 needed/);
    expect(query(file, "SELECT * FROM config WHERE key = 'fsrs_parameters'")).toEqual([]);
  });

  it('fits, compares with the defaults, stores the parameters, and review uses them', () => {
    const file = join(scratch(), 'history.db');
    generateCollection({ file, cards: 2000, reviews: 3000, seed: 5, newLimit: 8 });
    const r = zhdeck(['optimize', '--collection', file, '--json']);
    expect(r.status).toBe(0);
    const fit = JSON.parse(r.stdout);
    expect(fit).toMatchObject({ deck: null, used: true });
    expect(fit.items).toBeGreaterThanOrEqual(400);
    expect(fit.fitted.logLoss).toBeLessThan(fit.defaults.logLoss);
    expect(fit.parameters).toHaveLength(21);
    const [stored] = query<{ value: string }>(file, "SELECT value FROM config WHERE key = 'fsrs_parameters'");
    expect(JSON.parse(stored!.value)['']).toEqual(fit.parameters);
    // A new card rated Good starts at stability w[2]: the fitted one, not the default.
    const next = query<{ t: number }>(file, 'SELECT max(time) AS t FROM revlog')[0]!.t + DAY;
    const before = query<{ id: number }>(file, 'SELECT id FROM cards WHERE state = 0 ORDER BY note_id, ord LIMIT 1')[0]!.id;
    // Nothing else due that day: only new cards, and the first is rated Good.
    const d = new Database(file);
    d.prepare('UPDATE cards SET due = ? WHERE state != 0').run(next + 30 * DAY);
    d.close();
    expect(review(file, '3\n', next, ['--limit', '1']).status).toBe(0);
    const [s] = query<{ stability: number; state: number }>(file, `SELECT stability, state FROM cards WHERE id = ${before}`);
    expect(s!.stability).toBeCloseTo(fit.parameters[2], 4);
    // The table a person reads.
    const text = zhdeck(['optimize', '--collection', file]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/log-loss\s+RMSE\(bins\)\n\s+defaults\s+\d\.\d{4}\s+\d+\.\d\d%\n\s+fitted\s+\d\.\d{4}/);
  });

  it('--deck fits one deck and keeps its parameters for it alone', () => {
    const file = join(scratch(), 'decks.db');
    generateCollection({ file, cards: 2000, reviews: 3000, seed: 6, newLimit: 8, decks: 2 });
    const r = zhdeck(['optimize', '--collection', file, '--deck', 'zhdeck::Article 1', '--json']);
    expect(r.status).toBe(0);
    const fit = JSON.parse(r.stdout);
    expect(fit.deck).toBe('zhdeck::Article 1');
    // About half the reviews are of that deck's cards.
    expect(fit.reviews).toBeGreaterThan(1000);
    expect(fit.reviews).toBeLessThan(2000);
    const [stored] = query<{ value: string }>(file, "SELECT value FROM config WHERE key = 'fsrs_parameters'");
    expect(Object.keys(JSON.parse(stored!.value))).toEqual(fit.used ? ['zhdeck::Article 1'] : []);
    const none = zhdeck(['optimize', '--collection', file, '--deck', 'zhdeck::Nothing']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/too few reviews to fit FSRS for zhdeck::Nothing: 0 of the 400 needed/);
  });

  it('where the optimizer has no binary: one line, exit 2', () => {
    const file = freshCollection();
    const hook = join(scratch(), 'no-binding.cjs');
    writeFileSync(
      hook,
      `const Module = require('module'); const resolve = Module._resolveFilename;
       Module._resolveFilename = function (request, ...rest) {
         if (request.startsWith('@open-spaced-repetition/binding')) throw new Error('Cannot find native binding. npm has a bug related to optional dependencies');
         return resolve.call(this, request, ...rest);
       };`,
    );
    const d = new Database(file);
    // Enough items for the fit to be tried: 400 cards each rated new, then a day later.
    const cards = d.prepare('SELECT id FROM cards').all() as { id: number }[];
    const log = d.prepare("INSERT INTO revlog (card_id, kind, time, rating, state_before, state_after, duration) VALUES (?, 'review', ?, 3, ?, ?, 0)");
    for (let k = 0; k < 410 + cards.length; k++) {
      const id = cards[k % cards.length]!.id;
      log.run(id, T0 - 100 * DAY + k * DAY, JSON.stringify({ state: k < cards.length ? 0 : 2 }), '{}');
    }
    d.close();
    const r = zhdeck(['optimize', '--collection', file], { env: { NODE_OPTIONS: `--require ${hook}` } });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/FSRS optimizer .* is not available on this platform/);
  });
});

describe('zhdeck stats, for a person', () => {
  it('--json keeps its fields and adds the series; the text has both charts and no colour on a pipe', () => {
    const file = freshCollection();
    review(file, '3\n3\n3\n3\n', T0);
    review(file, '3\n3\n', T0 + DAY);
    const r = zhdeck(['stats', '--collection', file, '--json'], { env: { ZHDECK_NOW: String(T0 + DAY) } });
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    for (const k of ['cards', 'notes', 'reviews', 'due', 'new', 'suspended', 'states', 'retention', 'retentionReviews', 'forecast']) expect(s).toHaveProperty(k);
    expect(s.reviews).toBe(6);
    expect(s.forecast).toHaveLength(7);
    expect(s.forecastDays).toHaveLength(30);
    expect(s.forecastDays.slice(0, 7)).toEqual(s.forecast);
    expect(s.reviewDays).toHaveLength(30);
    expect(s.reviewDays.slice(-2).map((d: { reviews: number }) => d.reviews)).toEqual([4, 2]);
    expect(s.reviewDays.slice(-2).map((d: { learned: number }) => d.learned)).toEqual([4, 0]);
    // Every card studied is due somewhere in the month ahead (or overdue).
    expect(s.forecastDays.reduce((n: number, d: { due: number }) => n + d.due, 0)).toBe(s.states.learning + s.states.review + s.states.relearning);
    const text = zhdeck(['stats', '--collection', file], { env: { ZHDECK_NOW: String(T0 + DAY) } });
    expect(text.stdout).toContain('due in the next 30 days');
    expect(text.stdout).toContain('reviews per day, last 30 days (6)');
    expect(text.stdout).toMatch(/[▁▂▃▄▅▆▇█]/);
    expect(text.stdout).not.toMatch(/\x1b\[/);
    expect(Math.max(...text.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
  });

  it('charts fit the width they are given', () => {
    const values = Array.from({ length: 30 }, (_, i) => (i * 7) % 23);
    for (const width of [40, 80, 120]) {
      const lines = barChart(values, { width, labels: ['a', 'b', 'c'] });
      expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(Math.max(width, 30 + 5));
    }
    // The largest value fills the top row; a zero leaves its column empty.
    const [top, ...rest] = barChart([0, 5, 10], { width: 40, height: 2 });
    expect(top).toBe('10 ┤      ██');
    expect(rest[0]).toBe(' 0 ┤   ██ ██');
  });
});

describe('the review screen', () => {
  it("shows a card's current retrievability once it has been studied", () => {
    const file = freshCollection();
    expect(review(file, '4\n', T0, ['--limit', '1']).status).toBe(0);
    const later = review(file, 'q\n', T0 + 30 * DAY);
    expect(later.stdout).toMatch(/── review · .*──\nretrievability \d+% · stability \d/);
  });
});

describe('sibling keys', () => {
  it('are the same for notes added from an article and from the deck built of it', () => {
    const fromArticle = freshCollection(fixture('market.tsv'));
    const deck = join(scratch(), 'deck.csv');
    expect(zhdeck(['build', fixture('market.tsv'), '-o', deck]).status).toBe(0);
    const fromDeck = freshCollection(deck);
    const keys = (f: string) => query<{ guid: string; kind: string; sibling: string }>(f, 'SELECT guid, kind, sibling FROM notes ORDER BY guid');
    expect(keys(fromDeck)).toEqual(keys(fromArticle));
    const rows = keys(fromArticle);
    // Each cloze note shares its key with a translation note; vocabulary notes are their own.
    for (const n of rows.filter((r) => r.kind === 'cloze')) expect(rows.some((m) => m.kind === 'translation' && m.sibling === n.sibling)).toBe(true);
    for (const n of rows.filter((r) => r.kind === 'vocabulary')) expect(n.sibling).toBe(n.guid);
  });
});
