// What the learner already knows, from any of their sources (`--known SOURCE`, repeatable): the
// collection's own reviews and hand-marked words, word lists, and their own Anki decks.
import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { readBytes, readTextFile } from '../article/index.js';
import { collectionPath } from '../collection/paths.js';
import { hanWords, knowledgeOf } from '../collection/knowledge.js';
import { isNotesExport, isZip, notesExportFieldTexts, packageFieldTexts } from '../export/read-words.js';
import { loadLexicon } from '../lexicon/index.js';
import { loadSegmentDictionary } from '../segment/index.js';
import { UserError } from '../util/errors.js';

/** A word list file, one of the learner's Anki decks and a field of it, the collection, or nothing. */
export type KnownSource =
  | { kind: 'collection' }
  | { kind: 'none' }
  | { kind: 'list'; file: string }
  | { kind: 'deck'; file: string; field: string };

/**
 * `collection`, `none`, `FILE` or `FILE:FIELD` (the field of a deck: `deck.apkg:Hanzi`,
 * `notes.txt:1`). A colon ends the file's name only when what stands before it is a file and
 * the whole is not.
 */
export function parseKnownSource(spec: string): KnownSource {
  if (spec === 'collection' || spec === 'none') return { kind: spec };
  const colon = spec.lastIndexOf(':');
  if (colon > 0 && !existsSync(spec) && existsSync(spec.slice(0, colon))) return { kind: 'deck', file: spec.slice(0, colon), field: spec.slice(colon + 1) };
  return { kind: 'list', file: spec };
}

/** The files some --known sources read (word lists, decks), which no output may replace. */
export const knownFiles = (specs: readonly string[] = []): string[] =>
  specs.map(parseKnownSource).flatMap((s) => (s.kind === 'list' || s.kind === 'deck' ? [s.file] : []));

/** What the learner knows, every word in the forms it was given and in Simplified. */
export interface LearnerKnowledge {
  known: Set<string>;
  /**
   * Words known only from the collection's reviews, with the sources (articles, deck files)
   * whose notes taught them: adding one of those sources again keeps them as its targets, so
   * that the cards a learner has learned are not suspended for being learned.
   */
  taughtBy: Map<string, string[]>;
}

/** A known-words list: one word per line, either script; blank lines and # comments ignored. Both forms are kept. */
export function parseKnownWords(text: string, toSimplified: (word: string) => string): Set<string> {
  const known = new Set<string>();
  for (const raw of text.split('\n')) {
    const w = raw.replace(/#.*/, '').trim();
    if (!w) continue;
    known.add(w);
    known.add(toSimplified(w));
  }
  return known;
}

/** Reads a known-words file (see parseKnownWords). */
export async function readKnownWords(file: string): Promise<Set<string>> {
  const { text } = readTextFile(file, await loadLexicon());
  return parseKnownWords(text, (await loadSegmentDictionary()).toSimplified);
}

const isFile = (f: string) => existsSync(f) && statSync(f).isFile();

/** The words a deck's field holds in the notes the learner has studied. */
function deckWords(file: string, field: string): string[] {
  const bytes = readBytes(file);
  if (isZip(bytes)) return packageFieldTexts(bytes, file, field).known.flatMap(hanWords);
  const text = bytes.toString('utf8');
  if (!isNotesExport(text)) throw new UserError(`names a field (${field}), but is neither an Anki package nor a notes export`, file);
  return notesExportFieldTexts(text, file, field).known.flatMap(hanWords);
}

/**
 * What the learner knows, from the sources given (none: the collection, if there is one). The
 * collection gives the words of vocabulary notes whose recognition card is known
 * (KNOWN_STABILITY_DAYS), those the learner suspended, and words marked with `zhdeck known add`.
 */
export async function readKnowledge(specs: readonly string[] | undefined, opts: { collection?: string } = {}): Promise<LearnerKnowledge> {
  const path = collectionPath(opts.collection);
  const sources = specs?.length ? specs.map(parseKnownSource) : isFile(path) ? [{ kind: 'collection' } as const] : [];
  const toSimplified = (await loadSegmentDictionary()).toSimplified;
  const known = new Set<string>();
  const taughtBy = new Map<string, string[]>();
  const put = (set: Set<string>, w: string) => set.add(w).add(toSimplified(w));
  for (const s of sources) {
    if (s.kind === 'none') continue;
    if (s.kind === 'list') {
      if (isZip(readBytes(s.file)) || ['.apkg', '.colpkg'].includes(extname(s.file).toLowerCase())) {
        throw new UserError(`is an Anki package: name the field that holds the word, e.g. --known ${s.file}:Hanzi`, s.file);
      }
      if (isNotesExport(readBytes(s.file).toString('utf8', 0, 200))) throw new UserError(`is an Anki notes export: name its column, e.g. --known ${s.file}:1`, s.file);
      for (const w of await readKnownWords(s.file)) known.add(w);
      continue;
    }
    if (s.kind === 'deck') {
      for (const w of deckWords(s.file, s.field)) put(known, w);
      continue;
    }
    // SQLite only when the collection is read: a build with none loads neither it nor FSRS.
    const { Collection } = require('../collection/collection.js') as typeof import('../collection/collection.js');
    const c = Collection.open(path, { readonly: true });
    try {
      const k = knowledgeOf(c.vocabularyMemory());
      for (const w of [...k.suspended, ...c.knownWords()]) put(known, w);
      for (const [w, from] of k.known) for (const form of [w, toSimplified(w)]) taughtBy.set(form, [...(taughtBy.get(form) ?? []), ...from]);
    } finally {
      c.close();
    }
  }
  for (const w of known) taughtBy.delete(w);
  return { known, taughtBy };
}

/**
 * The words a build takes as known: every source's, and those the collection's reviews taught,
 * unless through `own` (the sources being added again: what they teach stays as it was).
 */
export function knownFor(k: LearnerKnowledge, own: readonly string[] = []): Set<string> {
  const known = new Set(k.known);
  for (const [w, from] of k.taughtBy) if (!from.some((s) => own.includes(s))) known.add(w);
  return known;
}
