// The library: `require('zhdeck')`. What is public is named here; each stage's own surface is
// behind the subpath `zhdeck/stages` (stages.ts).
//
// Requiring this loads nothing but this file and UserError: each name below is a getter that
// loads its job's modules the first time it is read, so a program that only calls `lookup`
// never loads SQLite, FSRS, jieba or the segmentation data (a test checks what each loads).
// The `exports.name = void 0` line is there for Node's ES-module import of this CommonJS file,
// which finds named exports by reading the source (cjs-module-lexer), not by running it.
import type * as Build from './app/build.js';
import type * as Study from './app/study.js';
import type * as Align from './app/align.js';
import type * as Add from './app/add.js';
import type * as Export from './app/export.js';
import type * as Lookup from './app/lookup.js';
import type * as Segment from './app/segment.js';
import type * as Coverage from './app/coverage.js';
import type * as Known from './app/known.js';
import type * as Collections from './collection/index.js';
import type * as Check from './app/check.js';

export { UserError } from './util/errors.js';

// The model.
export type { Article, ParagraphPair, ParagraphKind, Layout, Script, Language, SourceRef, TextFile, ParseOptions } from './article/index.js';
export type { SentencePair, Sentence } from './align/index.js';
export type { Token, TokenKind } from './segment/index.js';
export type { LexiconEntry, Classifier, EntryFlag } from './lexicon/index.js';
export type { Word, Gloss, GlossEvidence, Occurrence } from './vocab/index.js';
export type { Note, NoteKind, NoteType, ClozeNote, TranslationNote, VocabularyNote } from './notes/index.js';
export type { CardRow, CardState, StoredNote, ReviewRecord, AddSummary, OpenOptions, Stats } from './collection/index.js';

// The jobs' inputs and results.
export type { BuildOptions, BuildSummary } from './app/build.js';
export type { Deck, DeckCounts, DeckOptions } from './app/deck.js';
export type { DeckSink } from './export/index.js';
export type { StudiedArticle, ChoiceOptions, ChosenWord, Progress } from './app/study.js';
export type { AlignedArticle } from './app/align.js';
export type { AddOptions, AddResult } from './app/add.js';
export type { ExportOptions, ExportSummary } from './app/export.js';
export type { Coverage } from './app/coverage.js';
export type { LearnerKnowledge, KnownSource } from './app/known.js';
export type { CheckOptions, CheckReport, HistoryReport, Restored } from './app/check.js';

/** Articles in files → one Anki CSV deck, written atomically (`zhdeck build`). */
export declare const build: typeof Build.build;
/** Article text in memory → the deck's notes and its Anki CSV; no file is read or written. */
export declare const buildFromText: typeof Build.buildFromText;
/** Articles in files → every word of their translated sentences, with entry, pinyin and gloss (`zhdeck words --all`). */
export declare const study: typeof Study.study;
/** The words chosen for study from studied articles: the one choice `words` and `build` share. */
export declare const chooseWords: typeof Study.chooseWords;
/** Articles in files → their sentence pairs (`zhdeck align`). */
export declare const align: typeof Align.align;
/** Articles or zhdeck decks → the review collection (`zhdeck add`). */
export declare const add: typeof Add.add;
/** The review collection → an Anki package, scheduling kept (`zhdeck export`). */
export declare const exportCollection: typeof Export.exportCollection;
/** CC-CEDICT entries for a word in either script (`zhdeck lookup`). */
export declare const lookup: typeof Lookup.lookup;
/** Chinese text → the SIGHAN format, words separated by spaces (`zhdeck segment`). */
export declare const segmentText: typeof Segment.segmentText;
/** Articles in files → the share of their word tokens the learner knows, the unknown words, the i+1 sentences (`zhdeck coverage`). */
export declare const coverage: typeof Coverage.coverage;
/** What the learner knows, from `--known` sources (the collection by default when there is one). */
export declare const readKnowledge: typeof Known.readKnowledge;
/** The review collection checked (file, schema, data, every card against its log), and restored from a backup (`zhdeck check`). */
export declare const checkCollection: typeof Check.checkCollection;
/** The review collection, a SQLite file (`Collection.open(path)`). */
export declare const Collection: typeof Collections.Collection;
export type Collection = Collections.Collection;

exports.checkCollection = exports.readKnowledge = exports.coverage = exports.Collection = exports.segmentText = exports.lookup = exports.exportCollection = exports.add = exports.align = exports.chooseWords = exports.study = exports.buildFromText = exports.build = void 0;

/** Each name, read from its module (loaded then, once) when first used. */
function lazily(names: string[], load: () => Record<string, unknown>): void {
  for (const name of names) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });
}
lazily(['build', 'buildFromText'], () => require('./app/build.js'));
lazily(['study', 'chooseWords'], () => require('./app/study.js'));
lazily(['align'], () => require('./app/align.js'));
lazily(['add'], () => require('./app/add.js'));
lazily(['exportCollection'], () => require('./app/export.js'));
lazily(['lookup'], () => require('./app/lookup.js'));
lazily(['segmentText'], () => require('./app/segment.js'));
lazily(['coverage'], () => require('./app/coverage.js'));
lazily(['readKnowledge'], () => require('./app/known.js'));
lazily(['Collection'], () => require('./collection/index.js'));
lazily(['checkCollection'], () => require('./app/check.js'));
