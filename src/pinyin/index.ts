// Pinyin as CC-CEDICT writes it and as learners read it: tone marks, tones, bare letters.
// Loads nothing else, so that a command that only colours tones (review, lookup) pays for
// nothing more.
export { markPinyin, markSyllable, toneOf, pinyinLetters } from './pinyin.js';
