// The Anki package: a legacy schema 11 collection (`collection.anki2`) and its media in a zip.
// Anki's importer still reads that version (rslib/src/import_export/package/meta.rs: Legacy1 →
// collection.anki2, schema 11), opens it as a collection, upgrading the schema on the way
// (rslib/src/storage/sqlite.rs open_or_create), and gathers notes, cards, decks, note types and
// the review log from it (rslib/src/import_export/gather.rs).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../util/sqlite.js';
import { ZipFile } from 'yazl';
import { fieldValues, introductionOrder, type Note, type NoteType, type Positions } from '../notes/index.js';
import { noteTypeDef, stableId, type NoteTypeDef } from './notetypes.js';
import { creationStamp, minutesWest, newSchedule, type AnkiReview, type AnkiSchedule } from './schedule.js';
import { requirements } from './template.js';
import type { DeckSink } from './sink.js';
import type { AtomicFile } from '../util/fs.js';

export interface PackageCard {
  /** Template ordinal: cloze number − 1, or the template's index. */
  ord: number;
  deck: string;
  schedule: AnkiSchedule;
  reviews: AnkiReview[];
}

export interface PackageNote {
  guid: string;
  type: NoteType;
  /** In the note type's field order. */
  fields: string[];
  tags: string[];
  /** Seconds: when the note last changed. Anki updates an existing note only from a newer one (apkg/import/notes.rs). */
  mod: number;
  cards: PackageCard[];
}

export interface MediaFile {
  name: string;
  data: Uint8Array;
}

export interface AnkiPackage {
  notes: PackageNote[];
  media: MediaFile[];
  /** Collection creation stamp (seconds, 4 am local), the day review cards' `due` counts from. */
  crt: number;
  /** Milliseconds: the time of writing. Every id is before it (gather.rs check_ids allows up to a day ahead). */
  now: number;
}

/** Anki's schema 11 tables (rslib/src/storage/schema11.sql), written afresh here: what the importer reads. */
const SCHEMA = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
  dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
  tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
  usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null,
  factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
  lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

const DEFAULT_DECK_ID = 1;

/** Deck ids from their names: the importer matches decks by name (apkg/import/decks.rs), the id only links cards. */
const deckId = (name: string) => stableId('deck', name);

/** A deck and every deck above it ("a::b::c" → a, a::b, a::b::c): Anki's exporter includes parents (gather.rs). */
const withParents = (name: string) => name.split('::').map((_, i, parts) => parts.slice(0, i + 1).join('::'));

/** rslib/src/decks/schema11.rs NormalDeckSchema11: the keys it requires. */
function deckJson(id: number, name: string, mod: number) {
  return {
    id,
    mod,
    name,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: '',
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  };
}

/** rslib/src/deckconfig/schema11.rs DeckConfSchema11: Anki's default preset, the one every deck here uses. */
const DEFAULT_CONF = {
  id: 1,
  mod: 0,
  name: 'Default',
  usn: 0,
  maxTaken: 60,
  autoplay: true,
  timer: 0,
  replayq: true,
  dyn: false,
  new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
  rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
  lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
};

/** rslib/src/notetype/schema11.rs NotetypeSchema11, with its fields and templates. */
function noteTypeJson(def: NoteTypeDef) {
  return {
    id: def.id,
    name: def.name,
    type: def.kind,
    mod: def.mod,
    usn: -1,
    sortf: 0,
    did: null,
    tmpls: def.templates.map((t, ord) => ({
      name: t.name,
      ord,
      qfmt: t.qfmt,
      afmt: t.afmt,
      bqfmt: '',
      bafmt: '',
      did: null,
      bfont: '',
      bsize: 0,
      id: stableId(def.name, 'template', t.name),
    })),
    flds: def.fields.map((name, ord) => ({
      name,
      ord,
      sticky: false,
      rtl: false,
      font: 'Arial',
      size: 20,
      description: '',
      plainText: false,
      collapsed: false,
      excludeFromSearch: false,
      id: stableId(def.name, 'field', name),
      tag: null,
      preventDeletion: false,
    })),
    css: def.css,
    latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    // The legacy card requirements, computed as Anki computes them (rslib/src/template.rs requirements).
    req: def.templates.map((t, ord) => [ord, ...requirements(t.qfmt, def.fields)]),
  };
}

/** rslib/src/config/schema11.rs schema11_config_as_string, with the v2 scheduler's rollover. */
function colConf(crt: number, nextPos: number) {
  return {
    activeDecks: [1],
    curDeck: 1,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: null,
    nextPos,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    dayLearnFirst: false,
    schedVer: 2,
    creationOffset: minutesWest(crt * 1000),
    sched2021: true,
    rollover: 4,
  };
}

/** The first field without HTML, as Anki's sort field and checksum see it (rslib/src/notes/mod.rs). */
const stripHtml = (s: string) =>
  s
    .replace(/<img[^>]*src=["']?([^"'>]+)["']?[^>]*>/gi, ' $1 ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const checksum = (s: string) => createHash('sha1').update(s).digest().readUInt32BE(0);

/**
 * A package's collection being written (schema 11): notes with their cards and reviews, in
 * order, then the `col` row with the note types and decks they used. `packageBytes` writes a
 * whole package into one in memory; `apkgSink` writes a long deck into a file as it is made.
 */
class CollectionWriter {
  private readonly types = new Map<NoteType, NoteTypeDef>();
  private readonly decks = new Map<string, number>();
  private readonly reviewIds = new Set<number>();
  private readonly addNote: Database.Statement;
  private readonly addCard: Database.Statement;
  private readonly addReview: Database.Statement;
  /** The highest new-card position. */
  positions = 0;

  constructor(
    readonly db: Database.Database,
    private readonly nowSecs: number,
  ) {
    db.exec(SCHEMA);
    this.addNote = db.prepare('insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
    this.addCard = db.prepare('insert into cards values (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)');
    this.addReview = db.prepare('insert into revlog values (?, ?, -1, ?, ?, ?, ?, ?, ?)');
  }

  /** One note, its cards numbered from `cardId` on; returns the next card id. */
  note(n: PackageNote, noteId: number, cardId: number): number {
    const def = this.types.get(n.type) ?? noteTypeDef(n.type);
    this.types.set(n.type, def);
    if (n.fields.length !== def.fields.length) throw new Error(`a ${n.type} note has ${n.fields.length} fields, not ${def.fields.length}`);
    const first = stripHtml(n.fields[0]!);
    // Schema 11 keeps tags space-separated with a space at each end.
    this.addNote.run(noteId, n.guid, def.id, n.mod, n.tags.length ? ` ${n.tags.join(' ')} ` : '', n.fields.join('\x1f'), first, checksum(first), '');
    for (const c of n.cards) this.card(c, noteId, cardId++);
    return cardId;
  }

  /** One card of a note, with its reviews. */
  card(c: PackageCard, noteId: number, cardId: number): void {
    let deck = this.decks.get(c.deck);
    if (deck === undefined) {
      for (const name of withParents(c.deck)) if (!this.decks.has(name)) this.decks.set(name, deckId(name));
      deck = this.decks.get(c.deck)!;
    }
    const s = c.schedule;
    if (s.type === 0) this.positions = Math.max(this.positions, s.due);
    this.addCard.run(cardId, noteId, deck, c.ord, this.nowSecs, s.type, s.queue, s.due, s.ivl, s.factor, s.reps, s.lapses, s.left, s.data);
    for (const r of c.reviews) {
      let id = r.id;
      while (this.reviewIds.has(id)) id++; // ids are unique: two answers in the same millisecond
      this.reviewIds.add(id);
      this.addReview.run(id, cardId, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type);
    }
  }

  /** The `col` row: creation stamp, configuration, the note types and decks used. */
  col(crt: number, now: number): void {
    const deckJsons: Record<string, unknown> = { [DEFAULT_DECK_ID]: deckJson(DEFAULT_DECK_ID, 'Default', 0) };
    for (const [name, id] of this.decks) deckJsons[id] = deckJson(id, name, this.nowSecs);
    this.db.prepare('insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)').run(
      crt,
      now,
      now,
      JSON.stringify(colConf(crt, this.positions + 1)),
      JSON.stringify(Object.fromEntries([...this.types.values()].map((d) => [d.id, noteTypeJson(d)]))),
      JSON.stringify(deckJsons),
      JSON.stringify({ 1: DEFAULT_CONF }),
      '{}',
    );
  }
}

/**
 * The zip of a package: its collection (bytes, or a file streamed from disk) and media.
 * Entries are dated with the package, so the same notes at the same time give the same bytes.
 */
function packageZip(collection: Uint8Array | string, media: MediaFile[], now: number): ZipFile {
  const zip = new ZipFile();
  const entry = { mtime: new Date(now) };
  if (typeof collection === 'string') zip.addFile(collection, 'collection.anki2', entry);
  else zip.addBuffer(Buffer.from(collection.buffer, collection.byteOffset, collection.byteLength), 'collection.anki2', entry);
  // Legacy packages list media as {"0": "name", …}, each file stored under its number (package/meta.rs media_list_is_hashmap).
  const names: Record<string, string> = {};
  media.forEach((m, i) => {
    names[i] = m.name;
    zip.addBuffer(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength), String(i), entry);
  });
  zip.addBuffer(Buffer.from(JSON.stringify(names)), 'media', entry);
  zip.end();
  return zip;
}

/**
 * The package as bytes: the collection built in memory with SQLite, then zipped with its media
 * (yazl, which deflates with Node's zlib: a JavaScript deflate costs a build more than the rest of writing the package).
 */
export async function packageBytes(pkg: AnkiPackage): Promise<Uint8Array> {
  const db = openDatabase(':memory:');
  try {
    const writer = new CollectionWriter(db, Math.floor(pkg.now / 1000));
    const cardCount = pkg.notes.reduce((n, x) => n + x.cards.length, 0);
    db.transaction(() => {
      // Ids are milliseconds, as Anki's are, counting up to the time of writing.
      let cardId = pkg.now - cardCount;
      pkg.notes.forEach((n, i) => (cardId = writer.note(n, pkg.now - pkg.notes.length + i, cardId)));
      writer.col(pkg.crt, pkg.now);
    })();
    const chunks: Buffer[] = [];
    for await (const chunk of packageZip(db.serialize(), pkg.media, pkg.now).outputStream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } finally {
    db.close();
  }
}

/** What the new-card order (introductionOrder) reads of a note: all a streamed package keeps of it. */
type OrderedNote = Pick<Note, 'guid' | 'kind' | 'cards' | 'sibling' | 'unknown' | 'deck'> & { hides?: string[] };

/**
 * A package of new notes written as they are made (DeckSink), for a deck too long to hold (a
 * book): each part's notes go into a collection file in the temporary folder at once, and
 * only what the new-card order and the cards need stays in memory. At finish the note ids are
 * moved to count up to the time of writing as packageBytes's do, the cards are written with
 * their positions (introductionOrder over the whole deck), and the zip is streamed from that
 * file to the package's path (`onChunks` is called every 64 chunks). The package holds what
 * notesPackage + packageBytes make of the same notes.
 */
export function apkgSink(path: string, now: number, open: (path: string) => AtomicFile, onChunks?: () => void): DeckSink {
  let dir: string | null = null;
  let db: Database.Database | null = null;
  let writer: CollectionWriter | null = null;
  const kept: OrderedNote[] = [];
  const mod = Math.floor(now / 1000);
  // The scratch collection goes with the process too (an interrupted build: exit 130).
  const discard = () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  };
  const close = () => {
    db?.close();
    db = writer = null;
    discard();
    process.off('exit', discard);
  };
  return {
    begin() {
      dir = mkdtempSync(join(tmpdir(), 'zhdeck-apkg-'));
      process.on('exit', discard);
      db = openDatabase(join(dir, 'collection.anki2'));
      // A scratch file, zipped and removed at the end: no journal, no waiting for the disk.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      writer = new CollectionWriter(db, mod);
    },
    add(notes) {
      const w = writer!;
      db!.transaction(() => {
        for (const n of notes) {
          // Ids from 1 for now; the cards once the whole deck's order is known.
          w.note({ guid: n.guid, type: n.type, fields: fieldValues(n), tags: n.tags, mod, cards: [] }, kept.length + 1, 0);
          // Copies of the word lists, of their own length: a list built by pushing keeps room to
          // grow, and at 75,000 notes (5 MB of input) that room was 6 MB of the heap.
          kept.push({ guid: n.guid, kind: n.kind, cards: n.cards, deck: n.deck, sibling: n.sibling, hides: 'hides' in n ? n.hides.slice() : undefined, unknown: n.unknown?.slice() });
        }
      })();
    },
    async finish() {
      const w = writer!;
      const positions = introductionOrder(kept as unknown as Note[]);
      db!.transaction(() => {
        // packageBytes's ids: notes now − count + i, cards likewise, both before `now`.
        const noteShift = now - kept.length - 1;
        db!.prepare('update notes set id = id + ?').run(noteShift);
        let cardId = now - kept.reduce((c, n) => c + n.cards, 0);
        kept.forEach((n, i) => {
          const p = positions.get(n.guid);
          for (let ord = 0; ord < n.cards; ord++) w.card({ ord, deck: n.deck, schedule: newSchedule(p?.[ord] || i + 1), reviews: [] }, i + 1 + noteShift, cardId++);
        });
        w.col(creationStamp(now), now);
      })();
      db!.close();
      db = writer = null;
      const file = open(path);
      try {
        let chunks = 0;
        for await (const chunk of packageZip(join(dir!, 'collection.anki2'), [], now).outputStream) {
          file.write(chunk as Buffer);
          // The zip's chunks are garbage once written, but V8 lets tens of MB of them wait: the
          // caller may collect them (the CLI's memory keeper) every so often.
          if (++chunks % 64 === 0) onChunks?.();
        }
        file.commit();
      } catch (e) {
        file.abort();
        throw e;
      } finally {
        close();
      }
    },
    abort() {
      close();
    },
  };
}

/**
 * A package of new notes (what `zhdeck build` writes): every card new, in the order of `positions`.
 * The cards are those Anki generates for each note: a card per cloze number, or per template
 * (both fronts always render); the importer adds only the package's cards (apkg/import/cards.rs).
 */
export function notesPackage(notes: Note[], now: number, media: MediaFile[] = [], positions: Positions = introductionOrder(notes)): AnkiPackage {
  const mod = Math.floor(now / 1000);
  return {
    now,
    crt: creationStamp(now),
    media,
    notes: notes.map((n, i) => ({
      guid: n.guid,
      type: n.type,
      fields: fieldValues(n),
      tags: n.tags,
      // The build time: a re-import updates the fields of notes imported before (apkg/import/notes.rs should_update).
      mod,
      // New cards come in the order of their positions (cards.due): i+1, as introductionOrder gives it.
      cards: Array.from({ length: n.cards }, (_, ord) => ({ ord, deck: n.deck, schedule: newSchedule(positions.get(n.guid)?.[ord] || i + 1), reviews: [] })),
    })),
  };
}
