import { describe, expect, it } from 'vitest';
import { loadSegmenter, recurrenceTest, Segmenter, type WordCutter } from '../../src/stages.js';

describe("jieba's HMM guesses", () => {
  it('stand when the text repeats them, and never when they start with a degree adverb', () => {
    const text = '河伯鎮的河伯廟。河伯今天很忙。很忙的人。';
    const recurs = recurrenceTest(text);
    expect(recurs('河伯')).toBe(true);
    expect(recurs('伯鎮')).toBe(false);
    expect(recurs('鎮的')).toBe(false);
    // 很忙 occurs twice, but a degree adverb and its adjective are a phrase.
    expect(recurs('很忙')).toBe(false);
    expect(recurs('河伯今天很忙。很忙的人。河')).toBe(false);
  });

  it('a one-off guess is cut again by the dictionary alone; a repeated one stays', () => {
    // A cutter of our own: with the HMM it runs 河伯 and 來了 together; without, it splits them.
    const cutter: WordCutter = {
      cut: (text, hmm) => (hmm ? (text.match(/河伯|來了|./g) ?? []) : [...text]),
    };
    const text = '河伯來了河伯';
    const recurs = recurrenceTest(text);
    const seg = new Segmenter(cutter, (t) => t, undefined, new Map(), recurs);
    expect(seg.words(text, 'simplified')).toEqual(['河伯', '來', '了', '河伯']);
    const keepAll = new Segmenter(cutter, (t) => t);
    expect(keepAll.words(text, 'simplified')).toEqual(['河伯', '來了', '河伯']);
  });

  it('keeps a decimal in Chinese numerals whole, with its percent sign, as a number', async () => {
    const text = '有三．六％的人，平均廿四．五歲';
    const tokens = (await loadSegmenter(text)).segment(text, 'traditional');
    expect(tokens.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual(['三．六％', '廿四．五']);
  });

  it('splits a degree adverb from its adjective, but not from words of their own', async () => {
    const text = '今天天气很好，明天会更好，太阳太大了，更新一下';
    const words = (await loadSegmenter(text)).words(text, 'simplified');
    expect(words).not.toContain('很好');
    expect(words).not.toContain('更好');
    expect(words).toEqual(expect.arrayContaining(['很', '好', '更', '太阳', '更新']));
  });
});

describe('new words found in the text itself', () => {
  it('are found among thousands of distinct character pairs, as among a few', async () => {
    const { detectNewWords } = await import('../../src/segment/newwords.js');
    // A background of 3,000 characters in an order of no pattern (each pair met about once),
    // and a name the text repeats between different neighbours: 澪禕 (outside the background).
    let x = 1;
    const background = () => String.fromCharCode(0x5000 + ((x = (x * 48271) % 2147483647) % 3000));
    const parts: string[] = [];
    for (let k = 0; k < 8; k++) parts.push(Array.from({ length: 2500 }, background).join(''), '澪禕');
    const text = parts.join('');
    expect(new Set(text).size).toBeGreaterThan(2000);
    expect(new Set(Array.from({ length: text.length - 1 }, (_, i) => text.slice(i, i + 2))).size).toBeGreaterThan(15000);
    expect(detectNewWords(text, () => false)).toEqual(['澪禕']);
    expect(detectNewWords(`甲澪禕乙。丙澪禕丁。戊澪禕己。`, () => false)).toEqual(['澪禕']);
  });
});
