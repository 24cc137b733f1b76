import type Database from 'better-sqlite3';
import { openDatabase } from '../util/sqlite.js';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../util/errors.js';
import { writingFile } from '../util/fs.js';
import { endOfDay, localDate, now as clock, startOfDay } from '../util/clock.js';
import { backUp } from './backups.js';
import { asUserError, BadData, damaged, DamagedCollection, parseStored } from './failures.js';
import { APPLICATION_ID, isSealed, judgeHeader, pageProblem, readHead, schemaProblem, seal } from './integrity.js';
import { isZhdeckType } from '../notes/types.js';
import { UPGRADED_KEYS } from './notes.js';
import { resolveDeck } from './decks.js';
import { APP_ID, migrate, SCHEMA_VERSION } from './schema.js';
import type { AddSummary, CardCount, CardHistory, CardRow, CardState, CollectionNote, DeckCardCounts, FitReview, ReviewDay, ReviewRecord, Snapshot, StoredNote, VocabularyMemory } from './types.js';

export interface OpenOptions {
  /** Create the file (and its folder) when it does not exist. */
  create?: boolean;
  /** Milliseconds since the epoch: the creation stamp, and the day a backup is named after (default: the clock, ZHDECK_NOW). */
  now?: number;
  /**
   * The command only reads: the file is opened read-only (it works in a read-only folder)
   * unless it needs a migration first.
   */
  readonly?: boolean;
}

/**
 * A file at schema version 0 is a new collection only if it holds nothing: zhdeck's mark, or
 * its meta table, with the version gone is a damaged collection; other tables are another
 * program's database.
 */
function refuseUnversioned(db: Database.Database, path: string, appId: number): void {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  if (tables.length === 0 && appId !== APPLICATION_ID) return;
  if (appId === APPLICATION_ID || tables.includes('meta')) {
    throw damaged(path, tables.length ? `its schema version is 0, but it holds ${tables.slice(0, 3).join(', ')}` : 'it is marked as a zhdeck collection but holds no tables');
  }
  throw new UserError('is an SQLite database, but not a zhdeck collection', path);
}

/** A command that writes says so before it starts (a review would otherwise fail at its first rating). */
function refuseReadOnly(path: string): void {
  for (const [what, file] of [['the file', path], ['its folder', dirname(path)]] as const) {
    try {
      accessSync(file, constants.W_OK);
    } catch {
      throw new UserError(`cannot be written: ${what} is read-only; make it writable (stats, decks, export and check only read)`, path);
    }
  }
}

/** The header and size, an unreadable file told as a user error. */
function readHeadOf(path: string): ReturnType<typeof readHead> {
  try {
    return readHead(path);
  } catch (e) {
    throw new UserError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}): check its permissions`, path);
  }
}

/** A review row that no undo row takes back. */
export const NOT_UNDONE = 'NOT EXISTS (SELECT 1 FROM revlog u WHERE u.undoes = r.id)';

/**
 * A deck and its subdecks, as SQL on notes `n` with its parameters; nothing without a deck. A
 * range rather than LIKE, so that the notes_deck index serves it (';' follows ':').
 */
const deckFilter = (deck?: string): { sql: string; params: string[] } =>
  deck ? { sql: 'AND (n.deck = ? OR (n.deck >= ? AND n.deck < ?))', params: [deck, `${deck}::`, `${deck}:;`] } : { sql: '', params: [] };

/** A card's note and its sibling key: cards of either are not shown straight after it. */
export interface Avoid {
  noteId: number;
  sibling: string | null;
}

const avoidFilter = (avoid?: Avoid): { sql: string; params: (number | string)[] } =>
  avoid ? { sql: 'AND c.note_id != ? AND (n.sibling IS NULL OR n.sibling != ?)', params: [avoid.noteId, avoid.sibling ?? ''] } : { sql: '', params: [] };

/**
 * cards.suspended: 0 not, 1 by zhdeck (its word is no longer a target; an add restores it when
 * it is again), 2 by the learner (review's `!`: stays, and its word is not taught again).
 */
export const SUSPENDED_BY_LEARNER = 2;

const cardState = (r: CardState): CardState => ({
  due: r.due,
  stability: r.stability,
  difficulty: r.difficulty,
  elapsed_days: r.elapsed_days,
  scheduled_days: r.scheduled_days,
  learning_steps: r.learning_steps,
  reps: r.reps,
  lapses: r.lapses,
  state: r.state,
  last_review: r.last_review,
});

/** The card columns every scheduling step reads. */
const NUMERIC = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'] as const;

/** The fields of a note as stored: a JSON array of strings. */
const isFields = (v: unknown): v is string[] => Array.isArray(v) && v.every((f) => typeof f === 'string');
/** A scheduling state as stored: a JSON object. */
const isState = (v: unknown): v is CardState => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The review collection: notes, their cards with FSRS state, and an append-only review log,
 * in one SQLite file. Every write is a transaction with synchronous=FULL and a rollback
 * journal (TRUNCATE), so a rating, once recorded, is in the file itself: it survives a crash,
 * and losing the journal between writes loses nothing (a write-ahead log, deleted before a
 * checkpoint, takes its ratings with it). A second process waits (busy_timeout) or is told the
 * collection is busy, never corrupts it. A file that is not sound is never written to (open).
 */
export class Collection {
  /** Whether the file was found sound and nothing since said otherwise: closing then seals it. */
  private sound = true;
  /** Whether this process has made (or found) today's backup: it is made before the first write. */
  private backedUp: boolean;

  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
    /** The local day backups are named after. */
    private readonly day: string,
    /** Read every page since open (no daily check needed before the backup). */
    private readonly checked: boolean,
    fresh: boolean,
  ) {
    this.backedUp = fresh || db.readonly;
  }

  /**
   * Opens a collection, refusing one that is not sound before anything is written to it: the
   * header and the file's size, the schema the code uses, and, when the file changed since
   * zhdeck last closed it (integrity.ts: Seal), every page (quick_check). Migrations run after
   * a backup.
   */
  static open(path: string, opts: OpenOptions = {}): Collection {
    const exists = existsSync(path);
    if (!exists && !opts.create) throw new UserError('no collection here yet: `zhdeck add <article>` creates it', path);
    if (exists && statSync(path).isDirectory()) throw new UserError('is a directory, not a collection file', path);
    let readonly = false;
    if (exists) {
      const { head, size } = readHeadOf(path);
      const verdict = judgeHeader(head, size);
      if (verdict.kind === 'damaged') throw damaged(path, verdict.why);
      if (verdict.kind === 'foreign') throw new UserError(`is not a zhdeck collection (${verdict.why}); if it was one, \`zhdeck check --restore\` puts back its last backup`, path);
      if (verdict.kind === 'empty' && !opts.create) throw new UserError('is an empty file, not a collection yet: `zhdeck add <article>` makes one', path);
      if (verdict.kind === 'ok' && verdict.header.userVersion > SCHEMA_VERSION) {
        throw new UserError(`was made by a newer zhdeck (schema ${verdict.header.userVersion}; this one reads ${SCHEMA_VERSION})`, path);
      }
      readonly = Boolean(opts.readonly) && verdict.kind === 'ok' && verdict.header.userVersion === SCHEMA_VERSION;
      if (!readonly) refuseReadOnly(path);
    } else writingFile(path, () => mkdirSync(dirname(path), { recursive: true }));
    const at = opts.now ?? clock();
    let db: Database.Database | undefined;
    try {
      db = openDatabase(path, { fileMustExist: exists, readonly });
      db.pragma('busy_timeout = 5000');
      const version = db.pragma('user_version', { simple: true }) as number;
      const appId = db.pragma('application_id', { simple: true }) as number;
      if (version > SCHEMA_VERSION) throw new UserError(`was made by a newer zhdeck (schema ${version}; this one reads ${SCHEMA_VERSION})`, path);
      if (version === 0) refuseUnversioned(db, path, appId);
      if (version === 0 && !opts.create) throw new UserError('is an empty database, not a collection yet: `zhdeck add <article>` makes one', path);
      // A file as zhdeck last left it has the schema and pages it had then (2–3 ms and 170–240 ms saved at 100,000 cards).
      const checked = version > 0 && !isSealed(path);
      const problem = checked ? (schemaProblem(db, version) ?? pageProblem(db)) : undefined;
      if (problem) throw damaged(path, problem);
      if (version > 0 && db.prepare("SELECT value FROM meta WHERE key = 'app'").pluck().get() !== APP_ID) throw new UserError('is not a zhdeck collection', path);
      if (!readonly) {
        // Out of WAL (a collection made before): every commit lands in the file itself.
        db.pragma('journal_mode = TRUNCATE');
        db.pragma('synchronous = FULL');
        db.pragma('foreign_keys = ON');
        if (version > 0 && version < SCHEMA_VERSION) backUp(db, path, localDate(at), version);
        migrate(db, at);
        if (appId === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
      }
      return new Collection(db, path, localDate(at), checked, version === 0);
    } catch (e) {
      db?.close();
      throw asUserError(e, path);
    }
  }

  /** Closes the file; one found sound and left so is sealed (the next open need not read every page). */
  close(): void {
    if (!this.db.open) return;
    this.db.close();
    if (this.sound && (this.checked || !this.db.readonly)) seal(this.path);
  }

  /** Maps a failure, and remembers a damaged file (it is not sealed). */
  private fail(e: unknown): unknown {
    const mapped = asUserError(e, this.path);
    if (mapped instanceof DamagedCollection) this.sound = false;
    return mapped;
  }

  /**
   * The day's backup, before its first write (Anki keeps one a day the same way). The pages
   * are read first unless open read them: a damaged file is neither copied nor written to.
   */
  private backUpToday(): void {
    if (this.backedUp) return;
    if (!this.checked) {
      const pages = pageProblem(this.db);
      if (pages) throw damaged(this.path, pages);
    }
    backUp(this.db, this.path, this.day);
    this.backedUp = true;
  }

  /** Runs `fn` in one IMMEDIATE transaction (the write lock taken up front), mapping SQLite failures. */
  private write<T>(fn: () => T): T {
    try {
      this.backUpToday();
      return this.db.transaction(fn).immediate();
    } catch (e) {
      throw this.fail(e);
    }
  }

  private read<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw this.fail(e);
    }
  }

  /**
   * Adds notes, or updates them by GUID, keeping every card's scheduling. A note belongs to the
   * source that first added it (an article, or a deck file): only that source changes its deck,
   * fields and cards; every source that yields it adds its tags. So a word two articles share
   * is one note that adding either again leaves as it is. A card the note no longer has (a word
   * no longer a target) is suspended, never deleted, and so is every card of a note no source
   * yields any more. A note still on Anki's built-in note types (from a CSV deck, or a
   * collection older than zhdeck's note types) moves to zhdeck's when an article brings it
   * again: same GUID, same cards by their keys (UPGRADED_KEYS), history kept.
   */
  addNotes(notes: CollectionNote[], source: string, now: number, initial: (now: number) => CardState): AddSummary {
    const s = this.db;
    const summary: AddSummary = { added: 0, updated: 0, unchanged: 0, conflicting: 0, cardsAdded: 0, cardsSuspended: 0, cardsRestored: 0 };
    const findNote = s.prepare('SELECT id, kind, type, deck, fields, tags, source, sibling FROM notes WHERE guid = ?');
    const insertNote = s.prepare(
      'INSERT INTO notes (guid, kind, type, deck, fields, tags, source, sibling, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const updateNote = s.prepare('UPDATE notes SET type = ?, deck = ?, fields = ?, tags = ?, source = ?, sibling = ?, modified = ? WHERE id = ?');
    const sourcesOf = s.prepare('SELECT source, tags FROM note_sources WHERE note_id = ? ORDER BY added, source');
    const putSource = s.prepare(
      `INSERT INTO note_sources (note_id, source, tags, added) VALUES (?, ?, ?, ?)
       ON CONFLICT (note_id, source) DO UPDATE SET tags = excluded.tags`,
    );
    const dropSource = s.prepare('DELETE FROM note_sources WHERE note_id = ? AND source = ?');
    const cardsOf = s.prepare('SELECT id, key, ord, suspended FROM cards WHERE note_id = ?');
    const insertCard = s.prepare(
      `INSERT INTO cards (note_id, ord, key, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review, position)
       VALUES (@note_id, @ord, @key, @due, @stability, @difficulty, @elapsed_days, @scheduled_days, @learning_steps, @reps, @lapses, @state, @last_review, @position)`,
    );
    // New cards come after every new card already in the collection, in the order asked for
    // (their positions), else in the order given. The partial index answers max() at once.
    let base = 0;
    let given = 0;
    const setCard = s.prepare('UPDATE cards SET ord = ?, suspended = ? WHERE id = ?');
    const renameCard = s.prepare('UPDATE cards SET key = ? WHERE note_id = ? AND key = ?');
    const suspendNoteCards = s.prepare('UPDATE cards SET suspended = 1 WHERE note_id = ? AND suspended = 0');
    /** Every source's tags, the owner's first. */
    const unionTags = (noteId: number, owner: string) => {
      const rows = sourcesOf.all(noteId) as { source: string; tags: string }[];
      const ordered = [...rows.filter((r) => r.source === owner), ...rows.filter((r) => r.source !== owner)];
      return { rows, tags: [...new Set(ordered.flatMap((r) => (r.tags ? r.tags.split(' ') : [])))].join(' ') };
    };
    const syncCards = (noteId: number, cards: CollectionNote['cards']) => {
      const existing = new Map((cardsOf.all(noteId) as { id: number; key: string; ord: number; suspended: number }[]).map((c) => [c.key, c]));
      for (const c of cards) {
        const had = existing.get(c.key);
        if (!had) {
          insertCard.run({ note_id: noteId, ord: c.ord, key: c.key, ...initial(now), position: base + (c.position ?? ++given) });
          summary.cardsAdded++;
        } else if (had.suspended === SUSPENDED_BY_LEARNER) {
          if (had.ord !== c.ord) setCard.run(c.ord, had.suspended, had.id); // the learner's choice stands
        } else if (had.ord !== c.ord || had.suspended) {
          setCard.run(c.ord, 0, had.id);
          if (had.suspended) summary.cardsRestored++;
        }
        existing.delete(c.key);
      }
      for (const gone of existing.values()) {
        if (!gone.suspended) {
          setCard.run(gone.ord, 1, gone.id);
          summary.cardsSuspended++;
        }
      }
    };
    return this.write(() => {
      base = (s.prepare('SELECT max(position) FROM cards WHERE suspended = 0 AND state = 0').pluck().get() as number | null) ?? 0;
      given = notes.reduce((m, n) => n.cards.reduce((k, c) => Math.max(k, c.position ?? 0), m), 0);
      const seen = new Set<string>();
      for (const n of notes) {
        seen.add(n.guid);
        const fields = JSON.stringify(n.fields);
        const tags = n.tags.join(' ');
        const old = findNote.get(n.guid) as (Omit<StoredNote, 'fields' | 'tags'> & { fields: string; tags: string }) | undefined;
        if (!old) {
          const noteId = Number(insertNote.run(n.guid, n.kind, n.type, n.deck, fields, tags, source, n.sibling, now, now).lastInsertRowid);
          putSource.run(noteId, source, tags, now);
          syncCards(noteId, n.cards);
          summary.added++;
          continue;
        }
        if (old.kind !== n.kind) {
          summary.conflicting++; // the same GUID for another kind of note: leave it be
          continue;
        }
        putSource.run(old.id, source, tags, now);
        const upgrade = !isZhdeckType(old.type) && isZhdeckType(n.type);
        const downgrade = isZhdeckType(old.type) && !isZhdeckType(n.type);
        const { rows, tags: allTags } = unionTags(old.id, old.source);
        // The owner, an orphan's first taker, or the first source to bring a built-in note onto zhdeck's types.
        const owns = !downgrade && (upgrade || old.source === source || !rows.some((r) => r.source === old.source));
        const next = owns
          ? { type: n.type, deck: n.deck, fields, source, sibling: n.sibling }
          : { type: old.type, deck: old.deck, fields: old.fields, source: old.source, sibling: old.sibling ?? n.sibling };
        const finalTags = owns ? unionTags(old.id, source).tags : allTags;
        const changed =
          next.type !== old.type ||
          next.deck !== old.deck ||
          next.fields !== old.fields ||
          finalTags !== old.tags ||
          next.source !== old.source ||
          next.sibling !== old.sibling;
        if (changed) updateNote.run(next.type, next.deck, next.fields, finalTags, next.source, next.sibling, now, old.id);
        summary[changed ? 'updated' : 'unchanged']++;
        if (upgrade) for (const [from, to] of Object.entries(UPGRADED_KEYS[n.kind]!)) renameCard.run(to, old.id, from);
        if (owns) syncCards(old.id, n.cards);
      }
      // Notes this source yielded before and yields no more: it lets go of them; a note no
      // source yields has its cards suspended, one another source yields passes to it.
      const stale = s.prepare('SELECT n.id, n.guid, n.source FROM note_sources r JOIN notes n ON n.id = r.note_id WHERE r.source = ?').all(source) as {
        id: number;
        guid: string;
        source: string;
      }[];
      for (const n of stale) {
        if (seen.has(n.guid)) continue;
        dropSource.run(n.id, source);
        const rest = sourcesOf.all(n.id) as { source: string }[];
        if (rest.length === 0) {
          summary.cardsSuspended += suspendNoteCards.run(n.id).changes;
          continue;
        }
        const owner = n.source === source ? rest[0]!.source : n.source;
        s.prepare('UPDATE notes SET source = ?, tags = ?, modified = ? WHERE id = ?').run(owner, unionTags(n.id, owner).tags, now, n.id);
      }
      return summary;
    });
  }

  private static readonly CARD_COLUMNS =
    'c.id, c.note_id AS noteId, c.ord, c.key, c.due, c.stability, c.difficulty, c.elapsed_days, c.scheduled_days, c.learning_steps, c.reps, c.lapses, c.state, c.last_review, c.suspended, c.position';

  private readonly statements = new Map<string, Database.Statement>();

  /** A statement prepared once per connection: the review path runs the same few thousands of times. */
  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  /** A card row as the code uses it; a scheduling value that is not a number is a damaged row, not a NaN passed on. */
  private toCard(r: Record<string, unknown>): CardRow {
    for (const k of NUMERIC) if (typeof r[k] !== 'number') throw new BadData(`card ${String(r.id)}'s ${k} is not a number`);
    return { ...(r as unknown as CardRow), suspended: Boolean(r.suspended) };
  }

  card(id: number): CardRow | undefined {
    return this.read(() => {
      const r = this.stmt(`SELECT ${Collection.CARD_COLUMNS} FROM cards c WHERE c.id = ?`).get(id) as Record<string, unknown> | undefined;
      return r && this.toCard(r);
    });
  }

  note(id: number): StoredNote | undefined {
    return this.read(() => {
      const r = this.stmt('SELECT id, guid, kind, type, deck, fields, tags, source, sibling FROM notes WHERE id = ?').get(id) as
        | (Omit<StoredNote, 'fields' | 'tags'> & { fields: string; tags: string })
        | undefined;
      return r && { ...r, fields: parseStored(r.fields, `note ${id}'s fields`, isFields), tags: r.tags ? r.tags.split(' ') : [] };
    });
  }

  /**
   * Cards already seen (learning, review, relearning) due by `until` (default `now`), soonest
   * first, leaving out those buried at `now` (a sibling was studied today); `learning`: only
   * learning and relearning cards. One walk of the cards_queue index, whatever the collection's size.
   */
  dueCards(now: number, opts: { until?: number; deck?: string; limit?: number; learning?: boolean; avoid?: Avoid } = {}): CardRow[] {
    const inDeck = deckFilter(opts.deck);
    const not = avoidFilter(opts.avoid);
    const learning = opts.learning ? 'AND c.state IN (1, 3)' : '';
    return this.read(() =>
      (
        this.stmt(
          `SELECT ${Collection.CARD_COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id
           WHERE c.suspended = 0 AND c.state != 0 AND c.due <= ? AND c.buried_until <= ? ${learning} ${inDeck.sql} ${not.sql}
           ORDER BY c.due, c.id LIMIT ?`,
        ).all(opts.until ?? now, now, ...inDeck.params, ...not.params, opts.limit ?? -1) as Record<string, unknown>[]
      ).map((r) => this.toCard(r)),
    );
  }

  /** The note a card belongs to and its sibling key: what the next card should not share (see Avoid). */
  siblingOf(card: CardRow): Avoid {
    return { noteId: card.noteId, sibling: this.read(() => this.stmt('SELECT sibling FROM notes WHERE id = ?').pluck().get(card.noteId) as string | null) };
  }

  /**
   * New cards in the order they are introduced (their positions: i+1 within each add, adds in
   * turn), leaving out those buried at `now`: a sentence's or word's other cards wait for
   * another day. A walk of the cards_new index. `avoid`: not the cards of this note or of notes
   * with this sibling key (the card just shown), if any other will do.
   */
  newCards(limit: number, now: number, deck?: string, avoid?: Avoid): CardRow[] {
    if (limit <= 0) return [];
    const inDeck = deckFilter(deck);
    const not = avoidFilter(avoid);
    return this.read(() =>
      (
        this.stmt(
          `SELECT ${Collection.CARD_COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id
           WHERE c.suspended = 0 AND c.state = 0 AND c.buried_until <= ? ${inDeck.sql} ${not.sql}
           ORDER BY c.position, c.note_id, c.ord LIMIT ?`,
        ).all(now, ...inDeck.params, ...not.params, limit) as Record<string, unknown>[]
      ).map((r) => this.toCard(r)),
    );
  }

  /** How many new cards were first studied on `t`'s local day (for the daily limit); undone ones do not count. */
  newStudiedOn(t: number): number {
    return this.read(() => (this.stmt('SELECT learned FROM review_days WHERE day = ?').pluck().get(localDate(t)) as number | undefined) ?? 0);
  }

  /** Cards already studied (not suspended) due on a local day (YYYY-MM-DD), as the triggers keep them: one row. */
  dueOn(day: string): number {
    return this.read(() => (this.stmt('SELECT n FROM due_days WHERE day = ?').pluck().get(day) as number | undefined) ?? 0);
  }

  /** The same for the days in [from, to) (YYYY-MM-DD), in one read: days with none are absent. */
  dueDays(from: string, to: string): Map<string, number> {
    return this.read(
      () => new Map((this.stmt('SELECT day, n FROM due_days WHERE day >= ? AND day < ?').all(from, to) as { day: string; n: number }[]).map((r) => [r.day, r.n])),
    );
  }

  /** The same up to and including a day: what is due that day and overdue. */
  dueBy(day: string): number {
    return this.read(() => this.stmt('SELECT total(n) FROM due_days WHERE day <= ?').pluck().get(day) as number);
  }

  /** When the siblings of a card (other cards of its note or sibling notes) already seen are due. */
  siblingDues(cardId: number): number[] {
    return this.read(
      () =>
        this.stmt(
          `SELECT s.due FROM cards c JOIN notes n ON n.id = c.note_id
           JOIN cards s ON s.note_id = n.id OR s.note_id IN (SELECT m.id FROM notes m WHERE m.sibling = n.sibling)
           WHERE c.id = ? AND s.id != c.id AND s.suspended = 0 AND s.state != 0`,
        )
          .pluck()
          .all(cardId) as number[],
    );
  }

  /**
   * Records a rating: the log row and the card's new state in one durable transaction, and its
   * siblings buried until the day ends. The card is read again inside it, so two processes
   * rating the same card apply one after the other.
   */
  recordReview(cardId: number, time: number, rating: number, duration: number, next: (before: CardState) => CardState): ReviewRecord {
    return this.write(() => {
      const card = this.stmt(`SELECT ${Collection.CARD_COLUMNS}, n.sibling FROM cards c JOIN notes n ON n.id = c.note_id WHERE c.id = ?`).get(cardId) as
        | (CardRow & { sibling: string | null })
        | undefined;
      if (!card) throw new UserError(`card ${cardId} is not in this collection`, this.path);
      const before = cardState(card);
      const after = cardState(next(before));
      const id = Number(
        this.stmt("INSERT INTO revlog (card_id, kind, time, rating, state_before, state_after, duration) VALUES (?, 'review', ?, ?, ?, ?, ?)").run(
          cardId,
          time,
          rating,
          JSON.stringify(before),
          JSON.stringify(after),
          Math.round(duration),
        ).lastInsertRowid,
      );
      this.setState(cardId, after);
      this.burySiblings(card.noteId, card.sibling, cardId, before.state, endOfDay(time));
      return { id, cardId, time, rating, before, after };
    });
  }

  /**
   * Anki's bury siblings (rslib/src/scheduler/bury_and_suspend.rs, storage/card/siblings_for_bury.sql):
   * answering a card buries its siblings' new cards and, unless it was itself new (review cards
   * are gathered before new ones), their review cards, until the day ends. Cards in (re)learning
   * are not buried.
   */
  private burySiblings(noteId: number, sibling: string | null, cardId: number, answeredState: number, until: number): void {
    this.stmt(
      `UPDATE cards SET buried_until = @until
       WHERE id != @card AND suspended = 0 AND buried_until < @until AND (state = 0 OR (@reviews AND state = 2))
       AND note_id IN (SELECT @note UNION SELECT id FROM notes WHERE sibling = @sibling)`,
    ).run({ until, card: cardId, reviews: answeredState === 0 ? 0 : 1, note: noteId, sibling });
  }

  private setState(cardId: number, s: CardState): void {
    this.stmt(
      `UPDATE cards SET due = @due, stability = @stability, difficulty = @difficulty, elapsed_days = @elapsed_days,
       scheduled_days = @scheduled_days, learning_steps = @learning_steps, reps = @reps, lapses = @lapses, state = @state,
       last_review = @last_review WHERE id = @id`,
    ).run({ ...s, id: cardId });
  }

  /**
   * Takes a rating back: the card returns to its state before it, the log gains an undo row, and
   * its siblings are buried only as the day's other ratings bury them.
   */
  undo(review: ReviewRecord, time: number): void {
    this.write(() => {
      this.stmt("INSERT INTO revlog (card_id, kind, undoes, time, rating, state_before, state_after, duration) VALUES (?, 'undo', ?, ?, 0, ?, ?, 0)").run(
        review.cardId,
        review.id,
        time,
        JSON.stringify(review.after),
        JSON.stringify(review.before),
      );
      this.setState(review.cardId, review.before);
      const group = this.stmt(
        `SELECT s.id, s.note_id AS noteId, m.sibling FROM cards c JOIN notes n ON n.id = c.note_id
         JOIN notes m ON m.id = n.id OR m.sibling = n.sibling JOIN cards s ON s.note_id = m.id WHERE c.id = ?`,
      ).all(review.cardId) as { id: number; noteId: number; sibling: string | null }[];
      const until = endOfDay(review.time);
      const unbury = this.stmt('UPDATE cards SET buried_until = 0 WHERE id = ? AND buried_until = ?');
      for (const g of group) unbury.run(g.id, until);
      const today = this.stmt(
        `SELECT r.card_id AS cardId, json_extract(r.state_before, '$.state') AS state FROM revlog r
         WHERE r.card_id = ? AND r.kind = 'review' AND r.time >= ? AND r.time < ? AND ${NOT_UNDONE}`,
      );
      for (const g of group) {
        for (const r of today.all(g.id, startOfDay(review.time), until) as { cardId: number; state: number }[]) {
          this.burySiblings(g.noteId, g.sibling, r.cardId, r.state, until);
        }
      }
    });
  }

  /** Runs `fn` in one transaction: many writes, one commit (importing or generating a history). */
  batch<T>(fn: () => T): T {
    return this.write(fn);
  }

  /** The settings stored in the collection, by key (JSON values): one read for all. */
  settings(): Record<string, unknown> {
    return this.read(() =>
      Object.fromEntries((this.stmt('SELECT key, value FROM config').all() as { key: string; value: string }[]).map((r) => [r.key, parseStored(r.value, `setting ${r.key}`, (_: unknown): _ is unknown => true)])),
    );
  }

  setSetting(key: string, value: unknown): void {
    this.write(() => {
      this.stmt('INSERT INTO config (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
    });
  }

  /** Cards per state and suspension, as the triggers keep them (no scan). */
  cardCounts(): CardCount[] {
    return this.read(() => this.stmt('SELECT state, suspended, n FROM card_counts WHERE n != 0').all() as CardCount[]);
  }

  noteCount(): number {
    return this.read(() => this.stmt('SELECT count(*) FROM notes').pluck().get() as number);
  }

  /** The review log summed per local day (YYYY-MM-DD), from `fromDay` on, oldest first. */
  reviewDays(fromDay = ''): ReviewDay[] {
    return this.read(() => this.stmt('SELECT day, reviews, learned, mature, passed FROM review_days WHERE day >= ? ORDER BY day').all(fromDay) as ReviewDay[]);
  }

  /**
   * Every rating not undone, of the cards of `deck` (and its subdecks) or of all, card by card
   * and in time order within a card: the history FSRS parameters are fitted to. Streamed.
   */
  *reviewsForFit(deck?: string): IterableIterator<FitReview> {
    const inDeck = deckFilter(deck);
    const join = deck ? 'JOIN cards c ON c.id = r.card_id JOIN notes n ON n.id = c.note_id' : '';
    try {
      yield* this.db
        .prepare(
          `SELECT r.card_id AS cardId, r.time, r.rating, json_extract(r.state_before, '$.state') AS state FROM revlog r ${join}
           WHERE r.kind = 'review' AND ${NOT_UNDONE} ${inDeck.sql} ORDER BY r.card_id, r.time`,
        )
        .iterate(...inDeck.params) as IterableIterator<FitReview>;
    } catch (e) {
      throw this.fail(e);
    }
  }

  /**
   * Everything an export writes: the notes of a deck (and its subdecks), or of the whole
   * collection, their cards, and the ratings that stand (undone ones and undo rows left out).
   */
  snapshot(deck?: string): Snapshot {
    const inDeck = deckFilter(deck);
    return this.read(() => {
      const notes = (
        this.db
          .prepare(`SELECT n.id, n.guid, n.kind, n.type, n.deck, n.fields, n.tags, n.source, n.modified FROM notes n WHERE 1 ${inDeck.sql} ORDER BY n.id`)
          .all(...inDeck.params) as (Omit<StoredNote, 'fields' | 'tags'> & { fields: string; tags: string; modified: number })[]
      ).map((r) => ({ ...r, fields: parseStored(r.fields, `note ${r.id}'s fields`, isFields), tags: r.tags ? r.tags.split(' ') : [] }));
      const cards = (
        this.db
          .prepare(`SELECT ${Collection.CARD_COLUMNS} FROM cards c JOIN notes n ON n.id = c.note_id WHERE 1 ${inDeck.sql} ORDER BY c.note_id, c.ord`)
          .all(...inDeck.params) as Record<string, unknown>[]
      ).map((r) => this.toCard(r));
      const reviews = (
        this.db
          .prepare(
            `SELECT r.id, r.card_id AS cardId, r.time, r.rating, r.state_before, r.state_after, r.duration
             FROM revlog r JOIN cards c ON c.id = r.card_id JOIN notes n ON n.id = c.note_id
             WHERE r.kind = 'review' AND ${NOT_UNDONE} ${inDeck.sql} ORDER BY r.time, r.id`,
          )
          .all(...inDeck.params) as { id: number; cardId: number; time: number; rating: number; state_before: string; state_after: string; duration: number }[]
      ).map((r) => ({
        id: r.id,
        cardId: r.cardId,
        time: r.time,
        rating: r.rating,
        before: parseStored(r.state_before, `review ${r.id}'s state`, isState),
        after: parseStored(r.state_after, `review ${r.id}'s state`, isState),
        duration: r.duration,
      }));
      const created = Number(this.db.prepare("SELECT value FROM meta WHERE key = 'created'").pluck().get() ?? Date.now());
      return { notes, cards, reviews, created };
    });
  }

  /**
   * Every deck with its cards, new cards and cards due now: one pass over the cards (a listing,
   * not the review path).
   */
  deckCounts(now: number): DeckCardCounts[] {
    return this.read(
      () =>
        this.db
          .prepare(
            `SELECT n.deck, count(*) AS cards, total(c.suspended = 0 AND c.state = 0) AS new,
             total(c.suspended = 0 AND c.state != 0 AND c.due <= @now AND c.buried_until <= @now) AS due
             FROM cards c JOIN notes n ON n.id = c.note_id GROUP BY n.deck ORDER BY n.deck`,
          )
          .all({ now }) as DeckCardCounts[],
    );
  }

  /** Words the learner marked as known, as typed, in the order marked. */
  knownWords(): string[] {
    return this.read(() => this.stmt('SELECT word FROM known_words ORDER BY added, word').pluck().all() as string[]);
  }

  /** Marks words as known (or no longer): returns how many changed. */
  markKnown(words: string[], known: boolean, now: number): number {
    return this.write(() => {
      const put = this.stmt('INSERT INTO known_words (word, added) VALUES (?, ?) ON CONFLICT (word) DO NOTHING');
      const drop = this.stmt('DELETE FROM known_words WHERE word = ?');
      return words.reduce((n, w) => n + (known ? put.run(w, now) : drop.run(w)).changes, 0);
    });
  }

  /**
   * Every vocabulary note's word with its recognition card's memory (zhdeck's note type, or the
   * front of a built-in one): one pass over the notes, for `--known collection`.
   */
  vocabularyMemory(): VocabularyMemory[] {
    return this.read(() =>
      (
        this.db
          .prepare(
            `SELECT json_extract(n.fields, '$[0]') AS f0, CASE WHEN n.type = 'zhdeck vocabulary' THEN json_extract(n.fields, '$[1]') ELSE '' END AS f1,
             c.state, c.stability, c.last_review AS lastReview, c.suspended = ${SUSPENDED_BY_LEARNER} AS suspended,
             (SELECT group_concat(r.source, char(31)) FROM note_sources r WHERE r.note_id = n.id) AS sources
             FROM notes n JOIN cards c ON c.note_id = n.id AND c.key IN ('recognition', 'front') WHERE n.kind = 'vocabulary'`,
          )
          .all() as { f0: string | null; f1: string | null; state: number; stability: number; lastReview: number | null; suspended: number; sources: string | null }[]
      ).map((r) => ({
        fields: [r.f0 ?? '', r.f1 ?? ''],
        state: r.state,
        stability: r.stability,
        lastReview: r.lastReview,
        suspended: Boolean(r.suspended),
        sources: r.sources ? r.sources.split('\x1f') : [],
      })),
    );
  }

  /**
   * The deck a learner names (resolveDeck: a unique prefix or part of its name will do), with
   * its subdecks; a name that is one, as written, costs one index lookup.
   */
  findDeck(query: string): string {
    const { sql, params } = deckFilter(query);
    if (this.read(() => this.stmt(`SELECT 1 FROM notes n WHERE 1 ${sql} LIMIT 1`).get(...params))) return query;
    return resolveDeck(this.read(() => this.stmt('SELECT DISTINCT deck FROM notes').pluck().all() as string[]), query);
  }

  /** The learner suspends a note: its cards are not shown again, and no add restores them. Returns the cards suspended. */
  suspendNote(noteId: number): number {
    return this.write(() => this.stmt('UPDATE cards SET suspended = ? WHERE note_id = ? AND suspended != ?').run(SUSPENDED_BY_LEARNER, noteId, SUSPENDED_BY_LEARNER).changes);
  }

  /** The decks notes are in, with how many notes each holds. */
  decks(): { deck: string; notes: number }[] {
    return this.read(() => this.db.prepare('SELECT deck, count(*) AS notes FROM notes GROUP BY deck ORDER BY deck').all() as { deck: string; notes: number }[]);
  }

  /**
   * Every card with its deck and the ratings that stand, in time order, card by card (one
   * streamed query): what `zhdeck check` replays.
   */
  *histories(): IterableIterator<CardHistory> {
    let current: CardHistory | undefined;
    try {
      const rows = this.db
        .prepare(
          `SELECT ${Collection.CARD_COLUMNS}, n.deck, r.id AS reviewId, r.time AS reviewTime, r.rating, r.state_before, r.state_after
           FROM cards c JOIN notes n ON n.id = c.note_id
           LEFT JOIN revlog r ON r.card_id = c.id AND r.kind = 'review' AND ${NOT_UNDONE}
           ORDER BY c.id, r.time, r.id`,
        )
        .iterate() as IterableIterator<Record<string, unknown>>;
      for (const row of rows) {
        if (current?.card.id !== row.id) {
          if (current) yield current;
          current = { card: this.toCard(row), deck: row.deck as string, reviews: [] };
        }
        if (row.reviewId !== null) {
          current!.reviews.push({
            id: row.reviewId as number,
            time: row.reviewTime as number,
            rating: row.rating as number,
            before: parseStored(row.state_before, `review ${row.reviewId}'s state`, isState),
            after: parseStored(row.state_after, `review ${row.reviewId}'s state`, isState),
          });
        }
      }
      if (current) yield current;
    } catch (e) {
      throw this.fail(e);
    }
  }

  /** Raw rows for statistics. */
  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.read(() => this.stmt(sql).all(...params) as T[]);
  }

  get<T>(sql: string, ...params: unknown[]): T {
    return this.read(() => this.stmt(sql).get(...params) as T);
  }

}
