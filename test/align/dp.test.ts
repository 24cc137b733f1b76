import { describe, expect, it } from 'vitest';
import { alignSequences } from '../../src/align/dp.js';
import { EvidenceSpace } from '../../src/align/index.js';
import { smallLexicon } from '../small-lexicon.js';

// The aligner's dynamic programme alone, on short sentences of our own and a lexicon of a few
// entries: which beads it makes when the words, the lengths and the order agree.
const lexicon = smallLexicon([
  '貓 猫 [mao1] /cat/',
  '狗 狗 [gou3] /dog/',
  '魚 鱼 [yu2] /fish/',
  '吃 吃 [chi1] /to eat/',
  '河 河 [he2] /river/',
  '游泳 游泳 [you2 yong3] /to swim/',
  '今天 今天 [jin1 tian1] /today/',
  '下雨 下雨 [xia4 yu3] /to rain/',
  '公園 公园 [gong1 yuan2] /park/',
  '孩子 孩子 [hai2 zi5] /child/',
  '跑步 跑步 [pao3 bu4] /to run/',
  '老師 老师 [lao3 shi1] /teacher/',
  '書 书 [shu1] /book/',
  '讀 读 [du2] /to read/',
  '杭 杭 [hang2] /(name of a place)/',
  '州 州 [zhou1] /prefecture/',
]);

function align(en: string[], zh: string[]) {
  const space = new EvidenceSpace(lexicon);
  return alignSequences(
    en.map((s) => space.english(s)),
    zh.map((s) => space.chinese(s)),
  ).map((b) => [b.en, b.zh]);
}

const EN = ['The cat eats fish.', 'The dog swims in the river.', 'It rains today.', 'The children run in the park.', 'The teacher reads a book.'];
const ZH = ['猫吃鱼。', '狗在河里游泳。', '今天下雨。', '孩子们在公园里跑步。', '老师读书。'];

describe('alignSequences', () => {
  it('pairs sentences one to one when each pair shares its words', () => {
    expect(align(EN, ZH)).toEqual(EN.map((_, i) => [[i], [i]]));
  });

  it('joins two English sentences that one Chinese sentence translates', () => {
    const zh = ['猫吃鱼，狗在河里游泳。', '今天下雨。', '孩子们在公园里跑步。', '老师读书。'];
    expect(align(EN, zh)).toEqual([
      [[0, 1], [0]],
      [[2], [1]],
      [[3], [2]],
      [[4], [3]],
    ]);
  });

  it('joins two Chinese sentences that one English sentence translates', () => {
    const en = ['The cat eats fish and the dog swims in the river.', 'It rains today.', 'The children run in the park.', 'The teacher reads a book.'];
    const zh = ['猫吃鱼。', '狗在河里游泳。', '今天下雨。', '孩子们在公园里跑步。', '老师读书。'];
    expect(align(en, zh)[0]).toEqual([[0], [0, 1]]);
    expect(align(en, zh).slice(1)).toEqual([
      [[1], [2]],
      [[2], [3]],
      [[3], [4]],
    ]);
  });

  it('follows the words, not the position, when a sentence has no translation', () => {
    const zh = ['猫吃鱼。', '今天下雨。', '孩子们在公园里跑步。', '老师读书。'];
    const beads = align(EN, zh);
    // The dog's sentence is left without a partner or joined to a neighbour; every other
    // sentence keeps its own translation.
    const partner = (i: number) => beads.find(([en]) => en.includes(i))![1];
    expect(partner(0)).toEqual([0]);
    expect(partner(2)).toEqual([1]);
    expect(partner(3)).toEqual([2]);
    expect(partner(4)).toEqual([3]);
  });

  it('reads a name spelled in pinyin as evidence (杭州 "Hangzhou")', () => {
    const space = new EvidenceSpace(lexicon);
    const en = space.english('Hangzhou is by a river.');
    expect(en.items.some((it) => it.names?.includes('hangzhou'))).toBe(true);
    expect(space.chinese('杭州在河边。').spells!('hangzhou')).toBe(true);
    expect(space.chinese('今天下雨。').spells!('hangzhou')).toBe(false);
  });

  it('gives every sentence its own bead when the other side is empty', () => {
    const space = new EvidenceSpace(lexicon);
    expect(alignSequences([space.english(EN[0]!), space.english(EN[1]!)], []).map((b) => [b.en, b.zh])).toEqual([
      [[0], []],
      [[1], []],
    ]);
  });
});
