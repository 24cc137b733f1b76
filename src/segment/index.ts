export { isAllHan, type Token, type TokenKind } from './tokens.js';
export { Segmenter, type WordCutter, type ToSimplified, type TextModel } from './segmenter.js';
export { SegmentDictionary, SEGMENT } from './dictionary.js';
export { loadSegmenter, loadSegmentDictionary, prepareSegmentData, segmenterFor, type SegmenterOptions } from './load.js';
export { detectNewWords, NEW_WORD_OPTIONS, NEW_WORD_FREQUENCY, type NewWordOptions } from './newwords.js';
export { scoreSegmentation, type SegmentationScore } from './score.js';
export { DEFAULT_RULES, type SegmentRules } from './rules.js';
export { parseUserDictionary, parseUserLine, emptyUserDictionary, type UserDictionary, type UserEntry } from './userdict.js';
export { recurrenceTest, isDegreePhrase, DEGREE_ADVERBS } from './recurring.js';
