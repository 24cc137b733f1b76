// Names spelled in pinyin (lexicon/names.ts): which runs of a sentence's characters spell an
// English word's letters, on a lexicon of a few characters made up here.
import { describe, expect, it } from 'vitest';
import { PinyinSpeller, type LexiconEntry } from '../../src/lexicon/index.js';

const READINGS: Record<string, string[]> = { 郭: ['guo1'], 家: ['jia1', 'jie5'], 坤: ['kun1'], 行: ['xing2', 'hang2'], 長: ['chang2', 'zhang3'] };
const lookup = (ch: string) => (READINGS[ch] ?? []).map((pinyin) => ({ pinyin }) as LexiconEntry);

describe('a sentence spelling a name in pinyin', () => {
  const spells = new PinyinSpeller(lookup).speller([...'他說郭家坤在銀行長']);

  it('finds one to three characters in a row, any of their first two readings, starting anywhere', () => {
    expect(['guojiakun', 'guo', 'jiakun', 'guojie', 'hang', 'xingzhang', 'changjiakun'].map(spells)).toEqual([true, true, true, true, true, true, false]);
  });

  it('never more than three characters, nor out of order, nor a part of a reading', () => {
    expect(['guojiakunhang', 'kunjia', 'guoji', 'jiak'].map(spells)).toEqual([false, false, false, false]);
  });

  it('answers the same when asked again', () => {
    expect([spells('jiakun'), spells('jiakun'), spells('kunjia'), spells('kunjia')]).toEqual([true, true, false, false]);
  });
});
