// zhdeck add: the notes of articles (or of a deck zhdeck wrote) into the review collection.
import { basename } from 'node:path';
import { isUrl, readBytes } from '../article/index.js';
import { Collection, collectionPath, toCollectionNote, type AddSummary, type CollectionNote, type NoteRecord } from '../collection/index.js';
import { fromAnkiCsv, isApkg, isZhdeckCsv, NOTE_TYPES, noteTypeDef, readApkg } from '../export/index.js';
import { articleOf, fieldValues, slugOf, type NoteKind, type NoteType } from '../notes/index.js';
import { UserError } from '../util/errors.js';
import { Scheduler } from '../review/index.js';
import { append } from '../util/collections.js';
import { notesFor, type BuildOptions } from './build.js';
import { checkOutput } from './output.js';

export interface AddOptions extends Omit<BuildOptions, 'output'> {
  /** The collection file (default: see collectionPath). */
  collection?: string;
  now?: number;
}

export interface AddResult extends AddSummary {
  source: string;
}

const KIND_OF: Record<NoteType, NoteKind | undefined> = {
  'zhdeck cloze': 'cloze',
  'zhdeck translation': 'translation',
  'zhdeck vocabulary': 'vocabulary',
  Cloze: 'cloze',
  'Basic (and reversed card)': undefined,
};

/** The notes of a package zhdeck wrote: those on its note types (found by id), each in the deck of its first card. */
function notesOfPackage(bytes: Uint8Array, file: string): NoteRecord[] {
  const pkg = readApkg(bytes, file);
  const byId = new Map(NOTE_TYPES.map((t) => [noteTypeDef(t).id, t]));
  const deckOf = new Map(pkg.cards.map((c) => [c.nid, pkg.decks[c.did]?.name ?? 'Default']));
  const notes = pkg.notes.flatMap((n): NoteRecord[] => {
    const type = byId.get(n.mid);
    const tags = n.tags.split(' ').filter(Boolean);
    const kind = type && (KIND_OF[type] ?? (['translation', 'vocabulary'] as const).find((k) => tags.includes(k)));
    return type && kind ? [{ guid: n.guid, kind, type, deck: deckOf.get(n.id) ?? 'Default', fields: n.flds.split('\x1f'), tags }] : [];
  });
  if (notes.length === 0) throw new UserError('is an Anki package, but holds no notes of zhdeck\'s note types', file);
  return notes;
}

/**
 * Puts the notes and cards of articles, or of decks zhdeck wrote, into the review collection.
 * Adding the same thing twice changes nothing; notes are matched by GUID, so their fields
 * update and their scheduling stays. Everything is read and built before the collection is
 * opened: a bad input leaves it untouched.
 */
export async function add(inputs: string[], opts: AddOptions = {}): Promise<AddResult[]> {
  const path = collectionPath(opts.collection);
  checkOutput(path, [...inputs, ...(opts.reads ?? [])], '--collection');
  const groups = new Map<string, CollectionNote[]>();
  const put = (source: string, n: CollectionNote) => append(groups, source, n);
  const articles: string[] = [];
  for (const file of inputs) {
    if (isUrl(file)) {
      articles.push(file);
      continue;
    }
    const bytes = readBytes(file);
    if (isApkg(bytes)) {
      for (const n of notesOfPackage(bytes, file)) put(`deck:${basename(file)}`, toCollectionNote(n));
      continue;
    }
    if (!isZhdeckCsv(bytes)) {
      articles.push(file);
      continue;
    }
    for (const n of fromAnkiCsv(bytes.toString('utf8'), file)) put(`deck:${basename(file)}`, toCollectionNote(n));
  }
  if (articles.length) {
    const { studied, notes, positions } = await notesFor(articles, { ...opts, keepTaught: true });
    const slugs = studied.map((s) => slugOf(s.article.title));
    for (const n of notes) {
      const c = toCollectionNote({ ...n, fields: fieldValues(n) });
      // Cards keyed by what they ask, positioned as the deck introduces them (i+1).
      const at = positions.get(n.guid);
      put(articleOf(n, slugs)!, { ...c, cards: c.cards.map((card) => ({ ...card, position: at?.[card.ord] })) });
    }
  }
  const now = opts.now ?? Date.now();
  const scheduler = new Scheduler();
  const collection = Collection.open(path, { create: true, now });
  try {
    return [...groups].map(([source, notes]) => ({ source, ...collection.addNotes(notes, source, now, scheduler.initial) }));
  } finally {
    collection.close();
  }
}
