// The library's public surface as TypeScript sees it (`package.json` "types"): the jobs, with the
// documentation they carry in app/, and the model's types. At run time `require('zhdeck')` is
// index.ts, which gives the same names but loads each job only when it is first used; this file
// is never required by the package itself (a test checks both name the same values).
export { UserError } from './util/errors.js';

// The jobs.
export { build, buildFromText } from './app/build.js';
export { study, chooseWords } from './app/study.js';
export { align } from './app/align.js';
export { add } from './app/add.js';
export { exportCollection } from './app/export.js';
export { lookup } from './app/lookup.js';
export { segmentText } from './app/segment.js';
export { coverage } from './app/coverage.js';
export { readKnowledge } from './app/known.js';
export { checkCollection } from './app/check.js';
export { Collection } from './collection/index.js';

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
