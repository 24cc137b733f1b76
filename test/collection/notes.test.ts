import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readApkg } from '../../src/stages.js';
import { fixture, scratch, zhdeck } from '../helpers.js';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const MIN = 60_000;

const at = (t: number) => ({ env: { ZHDECK_NOW: String(t) } });
const add = (file: string, input: string, t = T0) => {
  const r = zhdeck(['add', input, '--collection', file, '--json'], at(t));
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout).sources as { source: string; added: number; updated: number; unchanged: number; cardsAdded: number; cardsSuspended: number }[];
};

function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const d = new Database(file, { readonly: true });
  try {
    return d.prepare(sql).all(...params) as T[];
  } finally {
    d.close();
  }
}

/** What migration 2 → 3 (scale, burying, settings) added, taken away again. */
const UNDO_SCHEMA_3 = `
  DROP TRIGGER revlog_days; DROP TRIGGER cards_due_insert; DROP TRIGGER cards_due_update; DROP TRIGGER cards_due_delete;
  DROP TRIGGER cards_count_insert; DROP TRIGGER cards_count_update; DROP TRIGGER cards_count_delete;
  DROP TABLE review_days; DROP TABLE due_days; DROP TABLE card_counts; DROP TABLE config;
  DROP INDEX cards_queue; DROP INDEX cards_new; DROP INDEX revlog_undoes; DROP INDEX notes_sibling; DROP INDEX notes_deck;
  CREATE INDEX cards_due ON cards (suspended, state, due);
  ALTER TABLE cards DROP COLUMN buried_until; ALTER TABLE notes DROP COLUMN sibling;`;

/** What migration 3 → 4 (known words, new-card positions) added, taken away again. */
const UNDO_SCHEMA_4 = `
  DROP TABLE known_words; DROP INDEX cards_new;
  CREATE INDEX cards_new ON cards (note_id, ord, suspended, state, buried_until) WHERE suspended = 0 AND state = 0;
  ALTER TABLE cards DROP COLUMN position;`;

describe('a collection from before zhdeck had its own note types', () => {
  it('migrates (schemas 2 and 3), and moves its notes to zhdeck’s types on the next add, keeping every card and its history', () => {
    const dir = scratch();
    const file = join(dir, 'collection.db');
    const csv = join(dir, 'deck.csv');
    expect(zhdeck(['build', fixture('market.interleaved.txt'), '-o', csv]).status).toBe(0);
    add(file, csv);
    expect(zhdeck(['review', '--collection', file, '--new-limit', '20'], { ...at(T0), input: '3\n3\n1\n3\n4\n3\nq\n' }).status).toBe(0);
    // As a collection of schema 1 was: no note sources, nor what schema 3 added.
    const d = new Database(file);
    d.exec(UNDO_SCHEMA_4);
    d.exec(UNDO_SCHEMA_3);
    d.exec('DROP TABLE note_sources');
    d.pragma('user_version = 1');
    d.close();
    const before = query<{ id: number; guid: string; type: string; key: string; reps: number }>(
      file,
      'SELECT c.id, n.guid, n.type, c.key, c.reps FROM cards c JOIN notes n ON n.id = c.note_id ORDER BY c.id',
    );
    const history = query<{ id: number; card_id: number }>(file, 'SELECT id, card_id FROM revlog ORDER BY id');
    expect(new Set(before.map((c) => c.type))).toEqual(new Set(['Cloze', 'Basic (and reversed card)']));
    expect(before.filter((c) => c.reps > 0).length).toBeGreaterThan(2);

    const [result] = add(file, fixture('market.interleaved.txt'), T0 + MIN);
    expect(query<{ v: number }>(file, 'SELECT user_version AS v FROM pragma_user_version')[0]!.v).toBe(4);
    expect(result).toMatchObject({ added: 0, cardsAdded: 0, cardsSuspended: 0 });
    const after = query<{ id: number; guid: string; type: string; key: string; reps: number }>(
      file,
      'SELECT c.id, n.guid, n.type, c.key, c.reps FROM cards c JOIN notes n ON n.id = c.note_id ORDER BY c.id',
    );
    expect(new Set(after.map((c) => c.type))).toEqual(new Set(['zhdeck cloze', 'zhdeck translation', 'zhdeck vocabulary']));
    // The same cards (ids, notes, scheduling), their keys mapped old → new.
    expect(after.map((c) => [c.id, c.guid, c.reps])).toEqual(before.map((c) => [c.id, c.guid, c.reps]));
    const renamed = new Map(before.map((c, i) => [c.key, after[i]!.key]));
    expect(renamed.get('front')).toMatch(/^(recognition|zh-en)$/);
    expect(renamed.get('back')).toMatch(/^(production|en-zh)$/);
    for (const [from, to] of renamed) if (from.startsWith('cloze:')) expect(to).toBe(from);
    expect(query<{ id: number; card_id: number }>(file, 'SELECT id, card_id FROM revlog ORDER BY id')).toEqual(history);

    // The old CSV deck again changes nothing: notes never go back to the built-in types.
    expect(add(file, csv, T0 + 2 * MIN)[0]).toMatchObject({ added: 0, updated: 0, cardsAdded: 0, cardsSuspended: 0 });
    expect(new Set(query<{ type: string }>(file, 'SELECT DISTINCT type FROM notes').map((r) => r.type)).size).toBe(3);
    // And the terminal shows the upgraded notes.
    const r = zhdeck(['review', '--collection', file, '--limit', '1'], { ...at(T0 + 3 * MIN), input: '3\n' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\p{Script=Han}/u);
  });
});

describe('zhdeck add deck.apkg', () => {
  it('adds the notes of a package zhdeck built, as the article would, idempotently', () => {
    const apkg = join(scratch(), 'deck.apkg');
    expect(zhdeck(['build', fixture('market.tsv'), '-o', apkg]).status).toBe(0);
    const fromPackage = join(scratch(), 'a.db');
    const fromArticle = join(scratch(), 'b.db');
    add(fromPackage, apkg);
    add(fromArticle, fixture('market.tsv'));
    const notes = (f: string) => query<{ guid: string; type: string; deck: string; fields: string }>(f, 'SELECT guid, type, deck, fields FROM notes ORDER BY guid');
    const keys = (f: string) => query<{ k: string }>(f, 'SELECT n.guid || c.key AS k FROM cards c JOIN notes n ON n.id = c.note_id ORDER BY k').map((r) => r.k);
    expect(notes(fromPackage)).toEqual(notes(fromArticle));
    expect(keys(fromPackage)).toEqual(keys(fromArticle));
    expect(add(fromPackage, apkg, T0 + MIN)[0]).toMatchObject({ added: 0, updated: 0, cardsAdded: 0 });
    const notOurs = join(scratch(), 'other.apkg');
    writeFileSync(notOurs, 'PK\x03\x04 not really a zip');
    const r = zhdeck(['add', notOurs, '--collection', fromPackage]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a note two articles share', () => {
  const A = fixture('market.interleaved.txt');
  const B = fixture('market.tsv');

  it('keeps its first article’s deck and fields and every article’s tags: adding either again changes nothing', () => {
    const file = join(scratch(), 'collection.db');
    add(file, A);
    const first = query<{ guid: string; deck: string; fields: string }>(file, 'SELECT guid, deck, fields FROM notes ORDER BY guid');
    add(file, B, T0 + MIN);
    for (const [input, t] of [
      [A, 2],
      [B, 3],
      [A, 4],
    ] as const) {
      const [r] = add(file, input, T0 + t * MIN);
      expect(r, `${input} again`).toMatchObject({ added: 0, updated: 0, cardsAdded: 0, cardsSuspended: 0 });
    }
    const shared = query<{ guid: string; deck: string; fields: string; tags: string; n: number }>(
      file,
      `SELECT n.guid, n.deck, n.fields, n.tags, (SELECT count(*) FROM note_sources s WHERE s.note_id = n.id) AS n
       FROM notes n WHERE n.kind = 'vocabulary' AND n.fields LIKE '["市場"%'`,
    )[0]!;
    expect(shared.n).toBe(2);
    expect(shared.deck).toBe('zhdeck::The river market at dawn');
    expect(shared.tags.split(' ')).toEqual(expect.arrayContaining(['the-river-market-at-dawn', 'market']));
    // The first article's notes are as it made them.
    const now = new Map(query<{ guid: string; deck: string; fields: string }>(file, 'SELECT guid, deck, fields FROM notes').map((n) => [n.guid, n]));
    for (const n of first) expect(now.get(n.guid)).toEqual(n);

    // What export writes, and what build writes of both articles, hold the same for it.
    const out = join(scratch(), 'all.apkg');
    expect(zhdeck(['export', '--collection', file, '-o', out], at(T0 + 5 * MIN)).status).toBe(0);
    const built = join(scratch(), 'both.apkg');
    expect(zhdeck(['build', A, B, '-o', built], at(T0)).status).toBe(0);
    const fieldsOf = (apkg: string) => {
      const pkg = readApkg(readFileSync(apkg), apkg);
      const n = pkg.notes.find((x) => x.guid === shared.guid)!;
      const deck = pkg.decks[pkg.cards.find((c) => c.nid === n.id)!.did]!.name;
      return { flds: n.flds, deck, tags: n.tags.trim().split(' ').sort() };
    };
    expect(fieldsOf(out)).toEqual(fieldsOf(built));
    expect(fieldsOf(out).flds.split('\x1f')).toEqual(JSON.parse(shared.fields));
  });
});
