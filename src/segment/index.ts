export type { Token, TokenKind } from './tokens.js';
export { Segmenter, type WordCutter, type ToSimplified } from './segmenter.js';
export { SegmentDictionary } from './dictionary.js';
export { loadSegmenter, loadSegmentDictionary, prepareSegmentData, segmentDataPath } from './load.js';
export { scoreSegmentation, type SegmentationScore } from './score.js';
