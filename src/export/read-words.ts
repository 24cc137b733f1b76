// The words of the learner's own Anki deck: the texts of a field they name, from a package
// (.apkg or .colpkg, of any Anki version) or a notes export (.txt), for `--known deck.apkg:Hanzi`.
import type Database from 'better-sqlite3';
import { UserError } from '../util/errors.js';

/** Whether the bytes are a zip (an Anki package is one); reading one loads SQLite and the unzipper, nothing else here does. */
export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export interface FieldTexts {
  /** The field's text (HTML) of every note one of whose cards is studied and not suspended. */
  known: string[];
  /** Notes with the field, known or not. */
  notes: number;
}

/**
 * The collection inside a package, opened in memory: `collection.anki21b` (Anki 2.1.50 and
 * later, zstd-compressed, schema 18; fzstd, pure JavaScript, as Node 20's zlib has no zstd),
 * else the legacy `collection.anki21` or `collection.anki2` (rslib/src/import_export/package/meta.rs).
 */
function openPackage(bytes: Uint8Array, file: string): Database.Database {
  const { openDatabase } = require('../util/sqlite.js') as typeof import('../util/sqlite.js');
  const { unzipSync } = require('fflate') as typeof import('fflate');
  let zip: Record<string, Uint8Array>;
  try {
    zip = unzipSync(bytes, { filter: (f) => f.name.startsWith('collection.') });
  } catch (e) {
    throw new UserError(`is not a readable Anki package (${(e as Error).message})`, file);
  }
  let data: Uint8Array | undefined;
  if (zip['collection.anki21b']) {
    const { decompress } = require('fzstd') as typeof import('fzstd');
    try {
      data = decompress(zip['collection.anki21b']);
    } catch (e) {
      throw new UserError(`holds a collection that is not valid zstd (${(e as Error).message})`, file);
    }
  } else data = zip['collection.anki21'] ?? zip['collection.anki2'];
  if (!data) throw new UserError('is a zip, but not an Anki package (no collection.anki21b, .anki21 or .anki2 in it)', file);
  let db: Database.Database;
  try {
    db = openDatabase(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    db.prepare('SELECT count(*) FROM notes').get();
  } catch (e) {
    throw new UserError(`holds a collection SQLite cannot read (${(e as Error).message})`, file);
  }
  // Schema 15 and later name text columns COLLATE unicase, Anki's own collation, which SQLite
  // here lacks and without which it reads none of those tables: the copy in memory (never the
  // learner's file) is told BINARY instead. Only whole tables are read, so no order changes.
  if (db.prepare("SELECT 1 FROM sqlite_schema WHERE sql LIKE '%COLLATE unicase%'").get()) {
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_schema SET sql = replace(sql, 'COLLATE unicase', '') WHERE sql LIKE '%COLLATE unicase%'").run();
    db.pragma('writable_schema = OFF');
    const copy = db.serialize();
    db.close();
    db = openDatabase(copy);
  }
  return db;
}

/** Field names by note type id: the `fields` table (schema 15 and later), else the legacy col.models JSON. */
function fieldNames(db: Database.Database): Map<number, string[]> {
  const byType = new Map<number, string[]>();
  if (db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'fields'").get()) {
    for (const r of db.prepare('SELECT ntid, ord, name FROM fields ORDER BY ntid, ord').all() as { ntid: number; ord: number; name: string }[]) {
      const names = byType.get(r.ntid) ?? byType.set(r.ntid, []).get(r.ntid)!;
      names[r.ord] = r.name;
    }
    if (byType.size) return byType;
  }
  const models = JSON.parse((db.prepare('SELECT models FROM col').pluck().get() as string) || '{}') as Record<string, { id: number; flds: { name: string; ord: number }[] }>;
  for (const m of Object.values(models)) byType.set(Number(m.id), m.flds.map((f) => f.name));
  return byType;
}

/** The field's position in each note type that has it: its name as written, else ignoring case. */
function fieldOrds(types: Map<number, string[]>, field: string): Map<number, number> {
  const find = (same: (a: string) => boolean) => new Map([...types].flatMap(([id, names]) => (names.findIndex(same) >= 0 ? [[id, names.findIndex(same)] as [number, number]] : [])));
  const exact = find((n) => n === field);
  return exact.size ? exact : find((n) => n.toLowerCase() === field.toLowerCase());
}

const nameList = (names: Iterable<string>) => [...new Set(names)].slice(0, 20).join(', ');

/**
 * The texts of field `field` in a package. A note counts as known when one of its cards has
 * been studied (Anki's card type is not new) and is not suspended (queue −1); buried cards are
 * known. The field is found in every note type that has it.
 */
export function packageFieldTexts(bytes: Uint8Array, file: string, field: string): FieldTexts {
  const db = openPackage(bytes, file);
  try {
    const types = fieldNames(db);
    const ords = fieldOrds(types, field);
    if (ords.size === 0) {
      throw new UserError(`has no field "${field}": its note types have ${nameList([...types.values()].flat()) || 'no fields'}`, file);
    }
    const rows = db
      .prepare(
        `SELECT n.mid, n.flds, max(c.type != 0 AND c.queue != -1) AS known FROM notes n JOIN cards c ON c.nid = n.id
         WHERE n.mid IN (${[...ords.keys()].map(() => '?').join(',')}) GROUP BY n.id`,
      )
      .all(...ords.keys()) as { mid: number; flds: string; known: number }[];
    return { known: rows.filter((r) => r.known).map((r) => r.flds.split('\x1f')[ords.get(r.mid)!] ?? ''), notes: rows.length };
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`is not an Anki collection zhdeck can read (${(e as Error).message})`, file);
  } finally {
    db.close();
  }
}

const SEPARATORS: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', space: ' ', pipe: '|', colon: ':' };

/** Whether a text is one of Anki's notes exports (its header lines: `#separator:…`, `#html:…`). */
export const isNotesExport = (text: string) => /^\uFEFF?#(separator|html|columns|notetype|deck|tags|guid)( column)?:/i.test(text);

/**
 * The texts of a column of Anki's "Notes in Plain Text" export: named by number from 1, or by
 * name when the export has a `#columns:` line. It holds no scheduling: every note counts as known.
 */
export function notesExportFieldTexts(text: string, file: string, field: string): FieldTexts {
  const header = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let body = 0;
  while (body < lines.length && lines[body]!.startsWith('#')) {
    const m = /^#([^:]+):(.*)$/.exec(lines[body]!);
    if (m) header.set(m[1]!.trim().toLowerCase(), m[2]!);
    body++;
  }
  const sep = header.get('separator');
  const delimiter = sep === undefined ? '\t' : (SEPARATORS[sep.trim().toLowerCase()] ?? sep);
  let rows: string[][];
  try {
    const { parse } = require('csv-parse/sync') as typeof import('csv-parse/sync');
    rows = parse(lines.slice(body).join('\n'), { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new UserError(`is not a notes export zhdeck can read (${(e as Error).message})`, file);
  }
  const columns = header.get('columns')?.split(delimiter).map((c) => c.trim());
  const index = /^\d+$/.test(field) ? Number(field) - 1 : (columns?.findIndex((c) => c === field || c.toLowerCase() === field.toLowerCase()) ?? -1);
  if (index < 0) {
    throw new UserError(
      columns ? `has no column "${field}": its columns are ${nameList(columns)}` : `names no columns: give the column by number, e.g. ${file}:1`,
      file,
    );
  }
  const known = rows.map((r) => r[index] ?? '').filter(Boolean);
  return { known, notes: rows.length };
}
