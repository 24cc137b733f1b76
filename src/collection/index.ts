export type {
  AddSummary,
  CardCount,
  CardRow,
  CardState,
  CollectionNote,
  FitReview,
  NoteRecord,
  ReviewDay,
  ReviewRecord,
  Snapshot,
  StoredNote,
} from './types.js';
export { Collection, asUserError, NOT_UNDONE, type OpenOptions } from './collection.js';
export { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
export { cardsOf, toCollectionNote, UPGRADED_KEYS } from './notes.js';
export { collectionPath } from './paths.js';
export { collectionStats, type Stats } from './stats.js';
