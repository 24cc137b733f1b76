import { describe, expect, it } from 'vitest';
import { markPinyin, markSyllable, toneOf, pinyinLetters } from '../../src/pinyin/index.js';
import { readCedictText } from '../../src/lexicon/build.js';

describe('tone marks', () => {
  it.each([
    ['ma1', 'mā'],
    ['hao3', 'hǎo'],
    ['xue2', 'xué'], // e takes the mark
    ['gou3', 'gǒu'], // o of ou
    ['gui4', 'guì'], // last vowel
    ['liu2', 'liú'],
    ['zhuang4', 'zhuàng'],
    ['nu:3', 'nǚ'],
    ['lu:e4', 'lüè'],
    ['Lu:4', 'Lǜ'],
    ['de5', 'de'], // tone 5 has no mark
    ['r5', 'r'], // erhua
    ['Chang2', 'Cháng'],
    ['m2', 'ḿ'],
    ['ng2', 'ń' + 'g'],
    ['Ou1', 'Ōu'],
    ['er2', 'ér'],
  ])('%s → %s', (numbered, marked) => {
    expect(markSyllable(numbered).normalize('NFC')).toBe(marked.normalize('NFC'));
  });

  it('converts whole fields and leaves letters and numbers as they are', () => {
    expect(markPinyin('Fang2 huo3 Chang2 cheng2')).toBe('Fáng huǒ Cháng chéng');
    expect(markPinyin('K ge1')).toBe('K gē');
    expect(markPinyin('yi1 hui4 r5')).toBe('yī huì r');
  });

  it('reads tones back', () => {
    expect(['mā', 'má', 'mǎ', 'mà', 'ma', 'ḿ', 'Lǜ'].map(toneOf)).toEqual([1, 2, 3, 4, 5, 2, 4]);
    expect(pinyinLetters('Háng zhōu')).toBe('hangzhou');
  });

  it('marks every toned syllable of all of CC-CEDICT and leaves no tone digit', () => {
    const fields = [...readCedictText().matchAll(/^\S+ \S+ \[([^\]]*)\]/gm)].map((m) => m[1]!);
    expect(fields.length).toBeGreaterThan(125_000);
    const bad: string[] = [];
    for (const field of fields) {
      const numbered = field.trim().split(/\s+/);
      const marked = markPinyin(field).split(' ');
      numbered.forEach((syl, i) => {
        const out = marked[i]!;
        const tone = /^[A-Za-z:^]+([1-5])$/.exec(syl)?.[1];
        // A syllable (letters) must lose its digit; pure numbers such as the 11 of 11區 are not syllables.
        if (/[a-z]/i.test(out) && /\d/.test(out)) bad.push(`${field} → ${out}`);
        if (tone && tone !== '5' && toneOf(out) === 5 && !/^xx/i.test(syl)) bad.push(`${field}: ${syl} unmarked`);
        if (tone && /^[a-z]/i.test(syl) && toneOf(out) !== Number(tone) && !/^(xx|r)5$/i.test(syl)) bad.push(`${field}: ${syl} → ${out}`);
      });
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});
