import type Database from 'better-sqlite3';
import { siblingFromFields } from '../notes/sibling.js';
import type { NoteKind } from '../notes/types.js';

/** The schema version this code reads and writes (PRAGMA user_version). */
export const SCHEMA_VERSION = 3;

/**
 * Migrations, in order: MIGRATIONS[k] takes a collection from version k to k + 1. Each runs in
 * the same transaction as the version bump, so a collection is never half-migrated.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    guid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('cloze', 'translation', 'vocabulary')),
    type TEXT NOT NULL,
    deck TEXT NOT NULL,
    fields TEXT NOT NULL,            -- JSON array of the note type's fields (HTML)
    tags TEXT NOT NULL,              -- space-separated
    source TEXT NOT NULL,            -- the article (slug) it was last added from
    created INTEGER NOT NULL,        -- ms since the epoch
    modified INTEGER NOT NULL
  );
  CREATE TABLE cards (
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES notes (id),
    ord INTEGER NOT NULL,            -- template ordinal: cloze number - 1, or 0 / 1 for front / back
    key TEXT NOT NULL,               -- what the card asks: the cloze word, or 'front' / 'back'
    due INTEGER NOT NULL,
    stability REAL NOT NULL,
    difficulty REAL NOT NULL,
    elapsed_days INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    learning_steps INTEGER NOT NULL,
    reps INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    state INTEGER NOT NULL,          -- 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs State)
    last_review INTEGER,
    suspended INTEGER NOT NULL DEFAULT 0,
    UNIQUE (note_id, key)
  );
  CREATE INDEX cards_due ON cards (suspended, state, due);
  -- Append-only: an undo is a row of its own, pointing at the review it takes back.
  CREATE TABLE revlog (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL REFERENCES cards (id),
    kind TEXT NOT NULL CHECK (kind IN ('review', 'undo')),
    undoes INTEGER REFERENCES revlog (id),
    time INTEGER NOT NULL,           -- ms since the epoch
    rating INTEGER NOT NULL,         -- 1 again, 2 hard, 3 good, 4 easy; 0 for an undo
    state_before TEXT NOT NULL,      -- JSON scheduling state
    state_after TEXT NOT NULL,
    duration INTEGER NOT NULL        -- ms from question to answer
  );
  CREATE INDEX revlog_card ON revlog (card_id, time);
  CREATE INDEX revlog_time ON revlog (time);
  `,
  // 1 → 2: which sources (articles, deck files) yield each note, with the tags each gives. A
  // note two articles share keeps the deck and fields of the source that owns it (notes.source:
  // the first that added it) and the tags of every source, so adding either again changes nothing.
  `
  CREATE TABLE note_sources (
    note_id INTEGER NOT NULL REFERENCES notes (id),
    source TEXT NOT NULL,
    tags TEXT NOT NULL,              -- space-separated: the tags this source gives the note
    added INTEGER NOT NULL,          -- ms since the epoch
    PRIMARY KEY (note_id, source)
  ) WITHOUT ROWID;
  CREATE INDEX note_sources_source ON note_sources (source);
  INSERT INTO note_sources (note_id, source, tags, added) SELECT id, source, tags, created FROM notes;
  `,
  // 2 → 3: what a year of use needs (100,000 cards and reviews): every query the review path and
  // `stats` make reads an index range or a few rows, never the whole table. Sibling keys for
  // burying, settings, and counts kept as rows change.
  `
  -- What a note's cards share with other notes' cards (notes/sibling.ts); NULL: only its own cards.
  ALTER TABLE notes ADD COLUMN sibling TEXT;
  CREATE INDEX notes_sibling ON notes (sibling) WHERE sibling IS NOT NULL;
  CREATE INDEX notes_deck ON notes (deck);
  -- ms since the epoch: a card is not shown before then (a sibling was studied that day).
  ALTER TABLE cards ADD COLUMN buried_until INTEGER NOT NULL DEFAULT 0;
  -- The queue's two walks, in the order they are shown, with every column they test (covering):
  -- cards already seen by due time, new cards by note and template.
  DROP INDEX cards_due;
  CREATE INDEX cards_queue ON cards (due, id, suspended, state, buried_until) WHERE suspended = 0 AND state != 0;
  CREATE INDEX cards_new ON cards (note_id, ord, suspended, state, buried_until) WHERE suspended = 0 AND state = 0;
  -- "Not undone" is a lookup, not a scan of the log for every review.
  CREATE INDEX revlog_undoes ON revlog (undoes) WHERE undoes IS NOT NULL;
  -- Settings that outlive a session (desired retention, maximum interval, fitted FSRS
  -- parameters), as JSON values.
  CREATE TABLE config (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  -- Cards per (state, suspended), kept by triggers: counting 100,000 cards is a scan.
  CREATE TABLE card_counts (
    state INTEGER NOT NULL,
    suspended INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (state, suspended)
  ) WITHOUT ROWID;
  INSERT INTO card_counts (state, suspended, n) SELECT state, suspended, count(*) FROM cards GROUP BY state, suspended;
  CREATE TRIGGER cards_count_insert AFTER INSERT ON cards BEGIN
    INSERT INTO card_counts (state, suspended, n) VALUES (NEW.state, NEW.suspended, 1)
    ON CONFLICT (state, suspended) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER cards_count_update AFTER UPDATE OF state, suspended ON cards
  WHEN OLD.state != NEW.state OR OLD.suspended != NEW.suspended BEGIN
    UPDATE card_counts SET n = n - 1 WHERE state = OLD.state AND suspended = OLD.suspended;
    INSERT INTO card_counts (state, suspended, n) VALUES (NEW.state, NEW.suspended, 1)
    ON CONFLICT (state, suspended) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER cards_count_delete AFTER DELETE ON cards BEGIN
    UPDATE card_counts SET n = n - 1 WHERE state = OLD.state AND suspended = OLD.suspended;
  END;

  -- Cards already studied (not suspended) due on each local day, kept by triggers: the load
  -- balancer weighs the days of a fuzz range by these, and stats charts the month ahead.
  CREATE TABLE due_days (
    day TEXT PRIMARY KEY,            -- local date, YYYY-MM-DD
    n INTEGER NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO due_days (day, n)
  SELECT date(due / 1000, 'unixepoch', 'localtime') AS d, count(*) FROM cards WHERE suspended = 0 AND state != 0 GROUP BY d;
  CREATE TRIGGER cards_due_insert AFTER INSERT ON cards WHEN NEW.suspended = 0 AND NEW.state != 0 BEGIN
    INSERT INTO due_days (day, n) VALUES (date(NEW.due / 1000, 'unixepoch', 'localtime'), 1)
    ON CONFLICT (day) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER cards_due_update AFTER UPDATE OF due, state, suspended ON cards BEGIN
    UPDATE due_days SET n = n - 1
    WHERE OLD.suspended = 0 AND OLD.state != 0 AND day = date(OLD.due / 1000, 'unixepoch', 'localtime');
    INSERT INTO due_days (day, n) SELECT date(NEW.due / 1000, 'unixepoch', 'localtime'), 1
    WHERE NEW.suspended = 0 AND NEW.state != 0
    ON CONFLICT (day) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER cards_due_delete AFTER DELETE ON cards WHEN OLD.suspended = 0 AND OLD.state != 0 BEGIN
    UPDATE due_days SET n = n - 1 WHERE day = date(OLD.due / 1000, 'unixepoch', 'localtime');
  END;

  -- The review log summed per local day, kept by a trigger: what stats charts and the daily
  -- new-card limit read. An undo row takes its review's counts back from that review's day.
  CREATE TABLE review_days (
    day TEXT PRIMARY KEY,            -- local date, YYYY-MM-DD
    reviews INTEGER NOT NULL,        -- ratings not undone
    learned INTEGER NOT NULL,        -- of them, first ratings of new cards
    mature INTEGER NOT NULL,         -- of them, ratings of cards in review state (true retention)
    passed INTEGER NOT NULL          -- of those, not Again
  ) WITHOUT ROWID;
  INSERT INTO review_days (day, reviews, learned, mature, passed)
  SELECT date(time / 1000, 'unixepoch', 'localtime') AS d, count(*), total(s = 0), total(s = 2), total(s = 2 AND rating > 1)
  FROM (SELECT r.time, r.rating, coalesce(json_extract(r.state_before, '$.state'), -1) AS s FROM revlog r
        WHERE r.kind = 'review' AND NOT EXISTS (SELECT 1 FROM revlog u WHERE u.undoes = r.id))
  GROUP BY d;
  CREATE TRIGGER revlog_days AFTER INSERT ON revlog BEGIN
    INSERT INTO review_days (day, reviews, learned, mature, passed)
    SELECT date(r.time / 1000, 'unixepoch', 'localtime'), k, k * (s = 0), k * (s = 2), k * (s = 2 AND r.rating > 1)
    FROM (SELECT CASE NEW.kind WHEN 'review' THEN 1 ELSE -1 END AS k) AS sign
    JOIN (SELECT time, rating, coalesce(json_extract(state_before, '$.state'), -1) AS s FROM revlog
          WHERE id = CASE NEW.kind WHEN 'review' THEN NEW.id ELSE NEW.undoes END) AS r
    WHERE true
    ON CONFLICT (day) DO UPDATE SET reviews = reviews + excluded.reviews, learned = learned + excluded.learned,
      mature = mature + excluded.mature, passed = passed + excluded.passed;
  END;
  `,
];

/**
 * What a migration needs beyond SQL, run in its transaction after it: the sibling keys of
 * notes added before there were any (derived from their fields, as a deck read back is).
 */
const BACKFILL: Record<number, (db: Database.Database) => void> = {
  2: (db) => {
    const set = db.prepare('UPDATE notes SET sibling = ? WHERE id = ?');
    const rows = db.prepare('SELECT id, guid, kind, fields FROM notes').all() as { id: number; guid: string; kind: NoteKind; fields: string }[];
    for (const n of rows) set.run(siblingFromFields(n.kind, n.guid, JSON.parse(n.fields) as string[]), n.id);
  },
};

export const APP_ID = 'zhdeck-collection';

/** Creates or migrates the schema up to SCHEMA_VERSION. */
export function migrate(db: Database.Database, now: number): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      BACKFILL[v]?.(db);
      if (v === 0) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)').run('app', APP_ID, 'created', String(now));
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
