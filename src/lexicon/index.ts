export type { Classifier, EntryFlag, LexiconEntry } from './types.js';
export { Lexicon } from './store.js';
export { loadLexicon, prepareLexicon } from './load.js';
export { fallbackPinyin } from './fallback.js';
export { englishTokens, stem, senseStems, isStopword, type EnglishToken } from './english.js';
