export type { Note, NoteKind, NoteType, ClozeNote, TranslationNote, VocabularyNote } from './types.js';
export { fieldValues } from './types.js';
export { makeNotes, deckFor, slugOf, parseTags, articleOf, type StudySet, type NoteOptions } from './build.js';
export { guidFor } from './guid.js';
export { escapeHtml, pinyinHtml } from './html.js';
export { sentenceSibling, siblingFromFields } from './sibling.js';
