// zhdeck add: the notes of articles (or of a deck zhdeck wrote) into the review collection.
import { basename } from 'node:path';
import { isUrl, readBytes } from '../article/index.js';
import { Collection, collectionPath, toCollectionNote, type AddSummary, type CollectionNote } from '../collection/index.js';
import { fromAnkiCsv, isZhdeckCsv } from '../export/index.js';
import { articleOf, fieldValues, slugOf } from '../notes/index.js';
import { Scheduler } from '../review/index.js';
import { append } from '../util/collections.js';
import { notesFor, type BuildOptions } from './build.js';

export interface AddOptions extends Omit<BuildOptions, 'output'> {
  /** The collection file (default: see collectionPath). */
  collection?: string;
  now?: number;
}

export interface AddResult extends AddSummary {
  source: string;
}

/**
 * Puts the notes and cards of articles, or of decks zhdeck wrote, into the review collection.
 * Adding the same thing twice changes nothing; notes are matched by GUID, so their fields
 * update and their scheduling stays. Everything is read and built before the collection is
 * opened: a bad input leaves it untouched.
 */
export async function add(inputs: string[], opts: AddOptions = {}): Promise<AddResult[]> {
  const groups = new Map<string, CollectionNote[]>();
  const put = (source: string, n: CollectionNote) => append(groups, source, n);
  const articles: string[] = [];
  for (const file of inputs) {
    if (isUrl(file)) {
      articles.push(file);
      continue;
    }
    const bytes = readBytes(file);
    if (!isZhdeckCsv(bytes)) {
      articles.push(file);
      continue;
    }
    for (const n of fromAnkiCsv(bytes.toString('utf8'), file)) put(`deck:${basename(file)}`, toCollectionNote(n));
  }
  if (articles.length) {
    const { studied, notes } = await notesFor(articles, opts);
    const slugs = studied.map((s) => slugOf(s.article.title));
    for (const n of notes) put(articleOf(n, slugs)!, toCollectionNote({ ...n, fields: fieldValues(n) }));
  }
  const now = opts.now ?? Date.now();
  const scheduler = new Scheduler();
  const collection = Collection.open(collectionPath(opts.collection), { create: true, now });
  try {
    return [...groups].map(([source, notes]) => ({ source, ...collection.addNotes(notes, source, now, scheduler.initial) }));
  } finally {
    collection.close();
  }
}
