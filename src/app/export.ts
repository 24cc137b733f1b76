// `zhdeck export`: the review collection (or one deck) as an Anki package that carries every
// card's scheduling and the review history, so a learner moves to Anki without losing progress
// (File → Import with "Import any learning progress").
import { Collection, collectionPath, type Snapshot } from '../collection/index.js';
import { ankiReview, ankiSchedule, creationStamp, packageBytes, type AnkiPackage, type PackageNote } from '../export/index.js';
import { FIELDS } from '../notes/index.js';
import { now as clock } from '../util/clock.js';
import { append } from '../util/collections.js';
import { UserError } from '../util/errors.js';
import { checkOutput, collectionFiles, writeOutput } from './output.js';

export interface ExportOptions {
  collection?: string;
  deck?: string;
  /** Default: zhdeck-export.apkg in the current folder. */
  output?: string;
  now?: number;
}

export interface ExportSummary {
  output: string;
  notes: number;
  cards: number;
  reviews: number;
  decks: string[];
}

/**
 * The package of a collection's snapshot. Due dates are days from the package's creation
 * stamp, put early enough that none is negative; the importer rebases them on the target
 * collection's today (apkg/import/cards.rs). New cards keep the order their notes were added in.
 */
export function collectionPackage(snap: Snapshot, now: number): AnkiPackage {
  let earliest = Math.min(snap.created, now);
  for (const c of snap.cards) if (c.state !== 0) earliest = Math.min(earliest, c.due, c.last_review ?? now);
  for (const r of snap.reviews) earliest = Math.min(earliest, r.time);
  const crt = creationStamp(earliest);
  const reviewsOf = new Map<number, Snapshot['reviews']>();
  for (const r of snap.reviews) append(reviewsOf, r.cardId, r);
  const cardsOf = new Map<number, Snapshot['cards']>();
  for (const c of snap.cards) append(cardsOf, c.noteId, c);
  // New cards keep the order the collection introduces them in (its positions, then note and template).
  const fresh = snap.cards.filter((c) => c.state === 0).sort((a, b) => a.position - b.position || a.noteId - b.noteId || a.ord - b.ord);
  const positionOf = new Map(fresh.map((c, k) => [c.id, k + 1]));
  const notes = snap.notes.map(
    (n, i): PackageNote => ({
      guid: n.guid,
      type: n.type,
      // Notes stored before a field was added to their type have it empty.
      fields: FIELDS[n.type].map((_, k) => n.fields[k] ?? ''),
      tags: n.tags,
      mod: Math.floor(n.modified / 1000),
      cards: (cardsOf.get(n.id) ?? []).map((c) => ({
        ord: c.ord,
        deck: n.deck,
        schedule: ankiSchedule(c, c.suspended, crt, now, positionOf.get(c.id) ?? i + 1),
        reviews: (reviewsOf.get(c.id) ?? []).map((r) => ankiReview(r.time, r.rating, r.before, r.after, r.duration)),
      })),
    }),
  );
  return { notes, media: [], crt, now };
}

/** Exports the collection (or one deck and its subdecks) to a package. Nothing to export, or an output that is an input, is a user error. */
export async function exportCollection(opts: ExportOptions = {}): Promise<ExportSummary> {
  const path = collectionPath(opts.collection);
  const output = opts.output ?? 'zhdeck-export.apkg';
  checkOutput(output, collectionFiles(path));
  const now = opts.now ?? clock();
  const c = Collection.open(path, { now, readonly: true });
  let snap: Snapshot;
  let decks: string[];
  try {
    decks = c.decks().map((d) => d.deck);
    if (decks.length === 0) throw new UserError('has no notes to export: `zhdeck add <article>` puts some in', path);
    snap = c.snapshot(opts.deck === undefined ? undefined : c.findDeck(opts.deck));
  } finally {
    c.close();
  }
  if (snap.notes.length === 0) {
    const list = decks.length > 5 ? `${decks.slice(0, 5).join(', ')}, …` : decks.join(', ');
    throw new UserError(`no deck "${opts.deck}" in the collection (its decks: ${list})`, '--deck');
  }
  writeOutput(output, await packageBytes(collectionPackage(snap, now)), collectionFiles(path));
  return {
    output,
    notes: snap.notes.length,
    cards: snap.cards.length,
    reviews: snap.reviews.length,
    decks: [...new Set(snap.notes.map((n) => n.deck))],
  };
}
