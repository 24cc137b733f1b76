export type {
  Note,
  NoteKind,
  NoteType,
  ZhdeckNoteType,
  BuiltinNoteType,
  ClozeNote,
  TranslationNote,
  VocabularyNote,
  ClozeFields,
  TranslationFields,
  VocabularyFields,
} from './types.js';
export { FIELDS, TYPE_OF_KIND, fieldValues, fieldsByName, isZhdeckType } from './types.js';
export { makeNotes, addPairNotes, addVocabularyNotes, vocabularyTags, NoteCollector, deckFor, slugOf, parseTags, articleOf, type StudySet, type NoteOptions } from './build.js';
export { guidFor } from './guid.js';
export { escapeHtml, escapeCloze, pinyinHtml } from './html.js';
export { sentenceSibling, siblingFromFields } from './sibling.js';
export { introductionOrder, type Positions } from './order.js';
