export type { AddSummary, CardRow, CardState, CollectionNote, NoteRecord, ReviewRecord, Snapshot, StoredNote } from './types.js';
export { Collection, asUserError, NOT_UNDONE, type OpenOptions } from './collection.js';
export { SCHEMA_VERSION } from './schema.js';
export { cardsOf, toCollectionNote, UPGRADED_KEYS } from './notes.js';
export { collectionPath } from './paths.js';
export { collectionStats, type Stats } from './stats.js';
