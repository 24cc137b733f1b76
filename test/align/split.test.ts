import { describe, expect, it } from 'vitest';
import { splitChinese, splitEnglish, chineseNumbers, englishNumbers, stem } from '../../src/stages.js';

describe('sentence splitting', () => {
  it('Chinese: at 。！？；… and after closing quotes', () => {
    expect(splitChinese('他說：「好。」然後走了……真的嗎？是的！還有；最後')).toEqual(['他說：「好。」', '然後走了……', '真的嗎？', '是的！', '還有；', '最後']);
    expect(splitChinese('第一行\n第二行。')).toEqual(['第一行', '第二行。']);
  });

  it('English: not after abbreviations, initials, decimals or a mid-sentence ellipsis', () => {
    expect(splitEnglish('Mr. Smith met Dr. Jones at 3.5 p.m. on Jan. 5. He left.')).toEqual(['Mr. Smith met Dr. Jones at 3.5 p.m. on Jan. 5.', 'He left.']);
    expect(splitEnglish('A looming U.S. ban on TikTok. No. 5 is next.')).toEqual(['A looming U.S. ban on TikTok.', 'No. 5 is next.']);
    expect(splitEnglish('J. R. R. Tolkien wrote it... and more. The end.')).toEqual(['J. R. R. Tolkien wrote it... and more.', 'The end.']);
    expect(splitEnglish('She went to the U.S. The end.')).toEqual(['She went to the U.S.', 'The end.']);
  });

  it('English: closing quotes stay with their sentence', () => {
    expect(splitEnglish('They found a "new home". Guo said "yes." "Really?" he asked.')).toEqual([
      'They found a "new home".',
      'Guo said "yes."',
      '"Really?" he asked.',
    ]);
  });
});

describe('evidence', () => {
  it('numbers agree across languages', () => {
    expect(englishNumbers('170 million Americans and more than 700,000 users over thirty years')).toEqual(['170000000', '700000', '30']);
    expect(chineseNumbers('1.7 億美國人，超過 70 萬名新用戶，三十多年')).toEqual(['170000000', '700000', '30']);
  });

  it('stems meet across inflections', () => {
    expect(stem('refugees')).toBe(stem('refugee'));
    expect(stem('posted')).toBe(stem('post'));
    expect(stem('tightly')).toBe(stem('tight'));
    expect(stem('controlled')).toBe(stem('control'));
    expect(stem('making')).toBe(stem('make'));
  });
});
