export type { Word, Gloss, GlossEvidence, Occurrence } from './types.js';
export { extractWords, type EntryChoices, type VocabDeps } from './words.js';
export { selectWords, isContentEntry, usefulness, type SelectOptions } from './select.js';
export { dictionaryMatch, transliterationMatch, englishContext, stemsMatch } from './gloss.js';
