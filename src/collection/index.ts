export type {
  AddSummary,
  CardCount,
  CardHistory,
  CardRow,
  CardState,
  CollectionNote,
  DeckCardCounts,
  VocabularyMemory,
  FitReview,
  NoteRecord,
  ReviewDay,
  ReviewRecord,
  Snapshot,
  StoredNote,
} from './types.js';
export { Collection, NOT_UNDONE, type OpenOptions } from './collection.js';
export { asUserError, DamagedCollection, CHECK_HINT } from './failures.js';
export { inspectFile, reviewsAfter, type FileReport } from './check.js';
export { listBackups, retained, backupName, type Backup } from './backups.js';
export { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
export { cardsOf, toCollectionNote, UPGRADED_KEYS } from './notes.js';
export { collectionPath } from './paths.js';
export { collectionStats, type Stats } from './stats.js';
export { knowledgeOf, hanWords, KNOWN_STABILITY_DAYS, type Knowledge } from './knowledge.js';
export type { Avoid } from './collection.js';
export { resolveDeck, deckTree } from './decks.js';
