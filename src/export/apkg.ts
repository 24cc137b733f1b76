// The Anki package: a legacy schema 11 collection (`collection.anki2`) and its media in a zip.
// Anki's importer still reads that version (rslib/src/import_export/package/meta.rs: Legacy1 →
// collection.anki2, schema 11), opens it as a collection, upgrading the schema on the way
// (rslib/src/storage/sqlite.rs open_or_create), and gathers notes, cards, decks, note types and
// the review log from it (rslib/src/import_export/gather.rs).
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { ZipFile } from 'yazl';
import { fieldValues, type Note, type NoteType } from '../notes/index.js';
import { noteTypeDef, stableId, type NoteTypeDef } from './notetypes.js';
import { creationStamp, minutesWest, newSchedule, type AnkiReview, type AnkiSchedule } from './schedule.js';
import { requirements } from './template.js';

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
 * The package as bytes: the collection built in memory with SQLite, then zipped with its media
 * (yazl, which deflates with Node's zlib: a JavaScript deflate costs a build more than the rest of writing the package).
 */
export async function packageBytes(pkg: AnkiPackage): Promise<Uint8Array> {
  const db = new Database(':memory:');
  try {
    db.exec(SCHEMA);
    const nowSecs = Math.floor(pkg.now / 1000);
    const types = new Map<NoteType, NoteTypeDef>();
    const decks = new Map<string, number>();
    const cardCount = pkg.notes.reduce((n, x) => n + x.cards.length, 0);
    const addNote = db.prepare('insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
    const addCard = db.prepare('insert into cards values (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)');
    const addReview = db.prepare('insert into revlog values (?, ?, -1, ?, ?, ?, ?, ?, ?)');
    const reviewIds = new Set<number>();
    let positions = 0;
    db.transaction(() => {
      // Ids are milliseconds, as Anki's are, counting up to the time of writing.
      let cardId = pkg.now - cardCount;
      pkg.notes.forEach((n, i) => {
        const def = types.get(n.type) ?? noteTypeDef(n.type);
        types.set(n.type, def);
        if (n.fields.length !== def.fields.length) throw new Error(`a ${n.type} note has ${n.fields.length} fields, not ${def.fields.length}`);
        const noteId = pkg.now - pkg.notes.length + i;
        const first = stripHtml(n.fields[0]!);
        // Schema 11 keeps tags space-separated with a space at each end.
        addNote.run(noteId, n.guid, def.id, n.mod, n.tags.length ? ` ${n.tags.join(' ')} ` : '', n.fields.join('\x1f'), first, checksum(first), '');
        for (const c of n.cards) {
          for (const name of withParents(c.deck)) if (!decks.has(name)) decks.set(name, deckId(name));
          const s = c.schedule;
          if (s.type === 0) positions = Math.max(positions, s.due);
          addCard.run(cardId, noteId, decks.get(c.deck)!, c.ord, nowSecs, s.type, s.queue, s.due, s.ivl, s.factor, s.reps, s.lapses, s.left, s.data);
          for (const r of c.reviews) {
            let id = r.id;
            while (reviewIds.has(id)) id++; // ids are unique: two answers in the same millisecond
            reviewIds.add(id);
            addReview.run(id, cardId, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type);
          }
          cardId++;
        }
      });
      const deckJsons: Record<string, unknown> = { [DEFAULT_DECK_ID]: deckJson(DEFAULT_DECK_ID, 'Default', 0) };
      for (const [name, id] of decks) deckJsons[id] = deckJson(id, name, nowSecs);
      db.prepare('insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)').run(
        pkg.crt,
        pkg.now,
        pkg.now,
        JSON.stringify(colConf(pkg.crt, positions + 1)),
        JSON.stringify(Object.fromEntries([...types.values()].map((d) => [d.id, noteTypeJson(d)]))),
        JSON.stringify(deckJsons),
        JSON.stringify({ 1: DEFAULT_CONF }),
        '{}',
      );
    })();
    const zip = new ZipFile();
    // Entries dated with the package, so the same notes at the same time give the same bytes.
    const entry = { mtime: new Date(pkg.now) };
    zip.addBuffer(db.serialize(), 'collection.anki2', entry);
    // Legacy packages list media as {"0": "name", …}, each file stored under its number (package/meta.rs media_list_is_hashmap).
    const names: Record<string, string> = {};
    pkg.media.forEach((m, i) => {
      names[i] = m.name;
      zip.addBuffer(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength), String(i), entry);
    });
    zip.addBuffer(Buffer.from(JSON.stringify(names)), 'media', entry);
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } finally {
    db.close();
  }
}

/**
 * A package of new notes (what `zhdeck build` writes): every card new, in the notes' order.
 * The cards are those Anki generates for each note: a card per cloze number, or per template
 * (both fronts always render); the importer adds only the package's cards (apkg/import/cards.rs).
 */
export function notesPackage(notes: Note[], now: number, media: MediaFile[] = []): AnkiPackage {
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
      cards: Array.from({ length: n.cards }, (_, ord) => ({ ord, deck: n.deck, schedule: newSchedule(i + 1), reviews: [] })),
    })),
  };
}
