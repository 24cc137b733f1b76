import type Database from 'better-sqlite3';

/** The schema version this code reads and writes (PRAGMA user_version). */
export const SCHEMA_VERSION = 2;

/**
 * Migrations, in order: MIGRATIONS[k] takes a collection from version k to k + 1. Each runs in
 * the same transaction as the version bump, so a collection is never half-migrated.
 */
const MIGRATIONS: string[] = [
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
];

export const APP_ID = 'zhdeck-collection';

/** Creates or migrates the schema up to SCHEMA_VERSION. */
export function migrate(db: Database.Database, now: number): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      if (v === 0) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)').run('app', APP_ID, 'created', String(now));
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
