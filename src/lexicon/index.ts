export type { Classifier, EntryFlag, LexiconEntry } from './types.js';
export { Lexicon } from './store.js';
export { loadLexicon, prepareLexicon } from './load.js';
export { fallbackPinyin } from './fallback.js';
export { englishTokens, stem, isStopword, type EnglishToken } from './english.js';
export { senseStems, meaningStems, senseWords, sensePhrases, isMeasureSense, isGrammaticalSense, isCrossReference, variantTargets, type PhraseWord } from './senses.js';
export { isFunctionWord, isWeakMorpheme, GRAMMATICAL_CHARS } from './function-words.js';
export { nameRuns, isPinyinShaped, pinyinSpeller, PinyinSpeller, type NameRun } from './names.js';
