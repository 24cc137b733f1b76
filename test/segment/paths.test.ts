// The segmenter's short cuts (words without tokens, lines read from the text's own Simplified
// form, the dictionary's pair index, the recurrence test's first look) give what the long way does.
import { describe, expect, it } from 'vitest';
import { loadSegmenter, loadSegmentDictionary, recurrenceTest } from '../../src/stages.js';

// Written for these tests: Traditional, with numbers, units, Latin words, spaces and dashes.
const TEXT = [
  '臺北市今年共有 120 種新書出版，其中三十多本談到氣候變遷。',
  '  出版社說：「讀者越來越多。」  ',
  '這本書的作者在 2023 年訪問了ＮＡＳＡ——也訪問了 Kyoto University。',
  '他們說這一年很忙，十二個人寫了兩百頁。',
  '',
  '臺北市的讀者說，三十多本書都很好看……',
].join('\n');

describe('segmentation short cuts', () => {
  it("words() are segment()'s tokens without the spaces, trimmed", async () => {
    const seg = await loadSegmenter(TEXT);
    for (const line of TEXT.split('\n')) {
      const fromTokens = seg
        .segment(line, 'traditional')
        .filter((t) => t.kind !== 'space')
        .map((t) => t.text.trim());
      expect(seg.words(line, 'traditional')).toEqual(fromTokens);
    }
  });

  it("a segmenter's lines come out the same asked in order, out of order, or as other text", async () => {
    const lines = TEXT.split('\n');
    const inOrder = await loadSegmenter(TEXT);
    const reversed = await loadSegmenter(TEXT);
    const expected = lines.map((l) => inOrder.segment(l, 'traditional'));
    // Read from the end: no line starts where the one before ended, so each is converted.
    const got = [...lines].reverse().map((l) => reversed.segment(l, 'traditional')).reverse();
    expect(got).toEqual(expected);
    // A string that is not a line of the text, then the text's next line again.
    expect(reversed.segment('讀者說：很好看。', 'traditional').map((t) => t.text).join('')).toBe('讀者說：很好看。');
  });

  it("finds every dictionary word of a text (the pair index), and only those", async () => {
    const d = await loadSegmentDictionary();
    const text = d.toSimplified(TEXT);
    const found = new Set<string>();
    d.dictionaryFor(text, [], found);
    const expected = new Set<string>();
    for (let i = 0; i < text.length; i++) for (let j = i + 1; j <= Math.min(text.length, i + 24); j++) if (d.frequency(text.slice(i, j)) > 0) expected.add(text.slice(i, j));
    expect([...found].sort()).toEqual([...expected].sort());
  });

  it('counts a guess wherever it occurs: at the start, at the end, overlapping', () => {
    const recurs = recurrenceTest('河伯來了，河伯走了，哈哈哈，來了河伯');
    expect(recurs('河伯')).toBe(true);
    expect(recurs('哈哈')).toBe(true); // at 11 and 12
    expect(recurs('來了河')).toBe(false); // once, at the end
    expect(recurs('伯來了')).toBe(false);
    expect(recurs('了，')).toBe(true);
  });
});
