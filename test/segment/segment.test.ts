import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSegmenter, loadSegmentDictionary, scoreSegmentation, segmentText } from '../../src/stages.js';
import { hasShared, seedArticle, shared } from '../helpers.js';

describe('segmentation', () => {
  it('cuts Traditional text as its Simplified conversion, keeping the original characters', async () => {
    const text = '中國透過其「防火長城」的審查機制嚴格控制網路空間';
    const seg = await loadSegmenter(text);
    const words = seg.words(text, 'traditional');
    expect(words).toContain('防火長城');
    expect(words.join('')).toBe(text);
  });

  it('keeps numbers with their unit, Latin words whole, and never merges across punctuation', async () => {
    const text = '禁止 1.7 億美國人使用的 TikTok，湧入超過 70 萬名新用戶，占１７％，ＴＯＥＦＬ考試——二○○一年';
    const seg = await loadSegmenter(text);
    const tokens = seg.segment(text, 'traditional');
    const words = tokens.filter((t) => t.kind !== 'space').map((t) => t.text);
    expect(words).toEqual(expect.arrayContaining(['1.7 億', '70 萬', 'TikTok', '１７％', 'ＴＯＥＦＬ', '——', '二○○一年']));
    expect(tokens.find((t) => t.text === '名')?.kind).toBe('measure');
    for (const t of tokens) {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      if (t.text.length > 1) expect(t.text).not.toMatch(/^[，。、]|[，。、]$/);
    }
  });

  it('a dictionary cut to one text segments it exactly as the whole dictionary does', async () => {
    const text = hasShared ? readFileSync(seedArticle, 'utf8') : '北京當局表示，為因應這波突如其來的人潮，將鼓勵與他國加強文化交流。';
    // New words found in the text, and which of the HMM's guesses the text repeats, are what a
    // whole dictionary cannot know: left out here.
    const [subset, full] = [await loadSegmenter(text, { newWords: null, recurringGuesses: false }), await loadSegmenter()];
    for (const line of text.split('\n')) expect(subset.words(line, 'traditional')).toEqual(full.words(line, 'traditional'));
  });

  it('knows jieba frequencies for ranking', async () => {
    const d = await loadSegmentDictionary();
    expect(d.frequency('中国')).toBeGreaterThan(d.frequency('防火长城'));
    expect(d.frequency('防火长城')).toBeGreaterThan(0);
    expect(d.toSimplified('防火長城的審查')).toBe('防火长城的审查');
  });

  it('writes the SIGHAN format: same lines, words separated by single spaces', async () => {
    // Written by hand: blank lines kept, the space the text had dropped, punctuation a word of its own.
    expect(await segmentText('我喜歡吃蘋果。\n\n他們明天去上海，  然後回家\n')).toBe('我 喜歡 吃 蘋果 。\n\n他們 明天 去 上海 ， 然後 回家\n');
    expect(await segmentText('我们在北京工作。')).toBe('我们 在 北京 工作 。');
  });
});

const icwb2 = join(shared, 'data/icwb2');
const lines = (f: string) => readFileSync(f, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);

describe.skipIf(!existsSync(icwb2))('SIGHAN 2005 bakeoff', () => {
  it.each([
    ['as_testing_gold', 'as_test', 'traditional'],
    ['cityu_test_gold', 'cityu_test', 'traditional'],
    ['pku_test_gold', 'pku_test', 'simplified'],
    ['msr_test_gold', 'msr_test', 'simplified'],
  ] as const)('%s: F1 ≥ 0.86 (issue 18)', async (goldFile, testFile, script) => {
    const gold = lines(join(icwb2, 'gold', `${goldFile}.utf8`)).map((l) => l.trim().split(/[ \u3000]+/).filter(Boolean));
    const test = lines(join(icwb2, 'testing', `${testFile}.utf8`));
    const seg = await loadSegmenter(test.join('\n'));
    const cut = test.map((l) => seg.words(l, script));
    const scored = gold.map((g, i) => [g, cut[i] ?? []] as const).filter(([g, t]) => g.join('') === t.join(''));
    expect(scored.length).toBeGreaterThan(0.99 * gold.length);
    const s = scoreSegmentation(scored.map((x) => x[0]), scored.map((x) => [...x[1]]));
    expect(s.f1).toBeGreaterThanOrEqual(0.86);
  });

  it('scores word spans as the bakeoff does', () => {
    const s = scoreSegmentation([['我們', '在', '北京']], [['我們', '在北京']]);
    expect(s.precision).toBeCloseTo(1 / 2);
    expect(s.recall).toBeCloseTo(1 / 3);
  });
});
