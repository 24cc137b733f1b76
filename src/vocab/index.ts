export type { Word, Gloss, GlossEvidence, Occurrence } from './types.js';
export { extractWords, type EntryChoices, type VocabDeps } from './words.js';
export { selectWords, isContentEntry, isKnown, placeClozes, exampleOf, usefulness, DEFAULT_LEVEL, MAX_CLOZES_PER_SENTENCE, type SelectOptions } from './select.js';
export { dictionaryMatch, transliterationMatch, englishContext, stemsMatch } from './gloss.js';
