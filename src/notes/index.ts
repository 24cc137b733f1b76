export type { Note, NoteKind, NoteType, ClozeNote, TranslationNote, VocabularyNote } from './types.js';
export { fieldValues } from './types.js';
export { makeNotes, addPairNotes, addVocabularyNotes, vocabularyTags, NoteCollector, deckFor, slugOf, parseTags, articleOf, type StudySet, type NoteOptions } from './build.js';
export { guidFor } from './guid.js';
export { escapeHtml, pinyinHtml } from './html.js';
