export type { Sentence, SentencePair } from './types.js';
export { textOf } from './types.js';
export type { Bead, AlignParams } from './dp.js';
export { DEFAULT_PARAMS } from './dp.js';
export { alignArticle, alignInBlocks, alignPresplit, pairParagraphs } from './align.js';
export { splitChinese, splitEnglish } from './split.js';

export { chineseNumbers, englishNumbers, parseChineseNumeral } from './numbers.js';
export { EvidenceSpace } from './evidence.js';
export { scoreAlignment, type AlignmentScore } from './score.js';
export { punctuationOf, punctuationScore, type Punctuation } from './punctuation.js';
export { weighByRarity } from './rarity.js';
