// Reading packages back in tests: with an independent reader (anki-reader, over sql.js), and
// with checks of our own written from the rules of Anki's importer.
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { readAnkiPackage } from 'anki-reader';
import { cardOrdinals, readApkg, type ApkgContents } from '../../src/stages.js';

export interface IndependentView {
  decks: Map<string, number>;
  cards: { nid: number; ord: number; did: number; fields: string[] }[];
  modelNames: string[];
}

/** The package as anki-reader sees it: decks with their card counts, cards with their notes' fields. */
export async function readIndependently(file: string): Promise<IndependentView> {
  const { collection } = await readAnkiPackage(new Blob([readFileSync(file)]));
  const decks = new Map<string, number>();
  const cards: IndependentView['cards'] = [];
  for (const deck of Object.values(collection.getDecks())) {
    const all = Object.values(deck.getCards());
    decks.set(deck.getRawDeck().name as string, all.length);
    for (const c of all) {
      const raw = c.getRawCard() as { nid: number; ord: number; did: number; flds: string };
      cards.push({ nid: raw.nid, ord: raw.ord, did: raw.did, fields: raw.flds.split('\x1f') });
    }
  }
  const models = collection.getRawCollection().exec('select models from col')[0]!.values[0]![0] as string;
  return { decks, cards, modelNames: Object.values(JSON.parse(models) as Record<string, { name: string }>).map((m) => m.name) };
}

const has = (obj: Record<string, unknown>, keys: string[]) => expect(Object.keys(obj)).toEqual(expect.arrayContaining(keys));

/**
 * What Anki's importer requires of a legacy package, checked on its tables:
 * - rslib/src/import_export/package/meta.rs: collection.anki2 and a media list;
 * - rslib/src/storage/sqlite.rs: a `col` row of schema 11; the tables the upgrade reads;
 * - notetype/schema11.rs, decks/schema11.rs, deckconfig/schema11.rs: the keys they deserialize;
 * - gather.rs check_ids: no note, card or revlog id later than a day after `now`;
 * - notes/mod.rs prepare_for_update: as many fields as the note type has;
 * - notetype/cardgen.rs: exactly the cards Anki generates for each note.
 */
export function checkPackage(file: string, now: number): ApkgContents {
  const pkg = readApkg(readFileSync(file), file);
  expect(pkg.files).toEqual(expect.arrayContaining(['collection.anki2', 'media']));
  expect(pkg.conf).toMatchObject({ schedVer: 2 });
  expect(pkg.dconf['1']).toBeDefined();
  has(pkg.dconf['1'] as Record<string, unknown>, ['id', 'mod', 'name', 'usn', 'maxTaken', 'autoplay', 'timer', 'new', 'rev', 'lapse']);
  for (const m of Object.values(pkg.models)) {
    has(m, ['id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css', 'req']);
    for (const f of m.flds) has(f, ['name', 'ord', 'sticky', 'rtl', 'font', 'size']);
    for (const t of m.tmpls) has(t, ['name', 'ord', 'qfmt', 'afmt']);
    // Styling travels with the note type: tone colours, dark mode, small screens.
    expect(m.css).toMatch(/\.tone1\b/);
    expect(m.css).toMatch(/\.nightMode/);
    expect(m.css).toMatch(/@media \(max-width/);
  }
  for (const d of Object.values(pkg.decks)) has(d, ['id', 'name', 'usn', 'lrnToday', 'revToday', 'newToday', 'timeToday', 'collapsed', 'dyn', 'conf']);
  const limit = now + 86_400_000;
  const ids = [...pkg.notes.map((n) => n.id), ...pkg.cards.map((c) => c.id), ...pkg.revlog.map((r) => r.id)];
  expect(ids.every((id) => id <= limit && id > 1_000_000_000_000)).toBe(true);
  expect(new Set(pkg.cards.map((c) => c.id)).size).toBe(pkg.cards.length);
  const byNote = new Map<number, number[]>();
  for (const c of pkg.cards) {
    expect(pkg.decks[c.did]).toBeDefined();
    byNote.set(c.nid, [...(byNote.get(c.nid) ?? []), c.ord]);
  }
  for (const n of pkg.notes) {
    const m = pkg.models[n.mid]!;
    expect(m).toBeDefined();
    const values = n.flds.split('\x1f');
    expect(values).toHaveLength(m.flds.length);
    const fields = Object.fromEntries(m.flds.map((f, i) => [f.name, values[i]!]));
    const expected = cardOrdinals(m.type as 0 | 1, m.tmpls, fields);
    expect((byNote.get(n.id) ?? []).sort((a, b) => a - b)).toEqual(expected);
  }
  return pkg;
}
