// Reading an Anki package back: zhdeck's own (for `zhdeck add deck.apkg`), or any legacy one.
import type Database from 'better-sqlite3';
import { openDatabase } from '../util/sqlite.js';
import { strFromU8, unzipSync } from 'fflate';
import { UserError } from '../util/errors.js';
import type { AnkiReview, AnkiSchedule } from './schedule.js';

export interface ApkgNoteRow {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  tags: string;
  flds: string;
  sfld: string;
  csum: number;
}

/** A card row: its ids and the scheduling columns zhdeck writes (AnkiSchedule). */
export interface ApkgCardRow extends AnkiSchedule {
  id: number;
  nid: number;
  did: number;
  ord: number;
}

/** A revlog row: the card it answers and the columns zhdeck writes (AnkiReview). */
export interface ApkgRevlogRow extends AnkiReview {
  cid: number;
}

export interface ApkgContents {
  crt: number;
  conf: Record<string, unknown>;
  models: Record<string, { id: number; name: string; type: number; mod: number; css: string; flds: { name: string; ord: number }[]; tmpls: { name: string; ord: number; qfmt: string; afmt: string }[]; req: unknown[] }>;
  decks: Record<string, { id: number; name: string }>;
  dconf: Record<string, unknown>;
  notes: ApkgNoteRow[];
  cards: ApkgCardRow[];
  revlog: ApkgRevlogRow[];
  graves: number;
  /** The media files by name. */
  media: Map<string, Uint8Array>;
  /** Every file the zip holds. */
  files: string[];
}

/** Whether the bytes are a zip (an Anki package is one). */
export { isZip as isApkg } from './read-words.js';

/** The tables of a legacy package (collection.anki2 or collection.anki21). Anything else is a user error naming the file. */
export function readApkg(bytes: Uint8Array, file: string): ApkgContents {
  let zip: Record<string, Uint8Array>;
  try {
    zip = unzipSync(bytes);
  } catch (e) {
    throw new UserError(`is not a readable Anki package (${(e as Error).message})`, file);
  }
  const name = ['collection.anki21', 'collection.anki2'].find((n) => n in zip);
  if (!name) throw new UserError('is not a legacy Anki package (no collection.anki2 or collection.anki21 in it)', file);
  let db: Database.Database;
  try {
    db = openDatabase(Buffer.from(zip[name]!));
  } catch (e) {
    throw new UserError(`holds a collection SQLite cannot open (${(e as Error).message})`, file);
  }
  try {
    const col = db.prepare('select crt, conf, models, decks, dconf from col').get() as Record<string, string | number>;
    const names = zip.media ? (JSON.parse(strFromU8(zip.media)) as Record<string, string>) : {};
    return {
      crt: col.crt as number,
      conf: JSON.parse(col.conf as string),
      models: JSON.parse(col.models as string),
      decks: JSON.parse(col.decks as string),
      dconf: JSON.parse(col.dconf as string),
      notes: db.prepare('select id, guid, mid, mod, tags, flds, sfld, csum from notes order by id').all() as ApkgNoteRow[],
      cards: db.prepare('select id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left, data from cards order by id').all() as ApkgCardRow[],
      revlog: db.prepare('select id, cid, ease, ivl, lastIvl, factor, time, type from revlog order by id').all() as ApkgRevlogRow[],
      graves: db.prepare('select count(*) from graves').pluck().get() as number,
      media: new Map(Object.entries(names).flatMap(([k, v]) => (zip[k] ? [[v, zip[k]]] : []))),
      files: Object.keys(zip),
    };
  } catch (e) {
    throw new UserError(`is not a legacy Anki package (${(e as Error).message})`, file);
  } finally {
    db.close();
  }
}
