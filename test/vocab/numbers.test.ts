import { describe, expect, it } from 'vitest';
import { englishContext } from '../../src/vocab/gloss.js';
import { numberMatches, readNumeral } from '../../src/vocab/numbers.js';

// The numeral pass alone, on sentences of our own: a Chinese numeral and the English number of its value.
const spans = (zh: string, en: string) => {
  const n = readNumeral(zh);
  return n ? numberMatches(n, englishContext(en)).map((m) => en.slice(m.start, m.end)) : null;
};

describe('numerals (numbers.ts)', () => {
  it('reads place-value numerals, ordinals, years and decades', () => {
    expect(readNumeral('十三')).toEqual({ value: 13, ordinal: false, decade: false });
    expect(readNumeral('三百五十')!.value).toBe(350);
    expect(readNumeral('七十萬')!.value).toBe(700000);
    expect(readNumeral('第十一')).toEqual({ value: 11, ordinal: true, decade: false });
    expect(readNumeral('一九八九')!.value).toBe(1989);
    expect(readNumeral('一八七几')).toEqual({ value: 1870, ordinal: false, decade: true });
    expect([readNumeral('三三'), readNumeral('十分'), readNumeral('第')]).toEqual([null, null, null]);
  });

  it('finds the value in digits or words', () => {
    expect(spans('兩', 'She bought two kites and a ball.')).toEqual(['two']);
    expect(spans('十七', 'The bridge has 17 arches.')).toEqual(['17']);
    expect(spans('二十八', 'It rained for twenty-eight days.')).toEqual(['twenty-eight']);
    expect(spans('二十八', 'It rained for twenty days.')).toEqual([]);
  });

  it('an ordinal in digits, as a heading numbers it, or in words', () => {
    expect(spans('第四', 'Rule 4')).toEqual(['4']);
    expect(spans('第四', 'He came fourth, not 4th.')).toEqual(['fourth', '4th']);
  });

  it('a decade by its word or digits', () => {
    expect(spans('一八七几', 'Back in the seventies, or the 1870s, they sailed.')).toEqual(['seventies', '1870s']);
  });
});
