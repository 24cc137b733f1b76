import { describe, expect, it } from 'vitest';
import { loadVocabDeps } from '../../src/stages.js';
import { englishContext } from '../../src/vocab/index.js';
import { pinyinSpeller } from '../../src/lexicon/index.js';
import { fitTokens } from '../../src/vocab/fit.js';
import { kindOf, type Token } from '../../src/segment/tokens.js';
import type { Script } from '../../src/article/index.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch, zhdeck } from '../helpers.js';

// Sentences of our own, cut as jieba cuts such sentences; the rules re-cut them by their English.
const deps = await loadVocabDeps([]);
const fit = { lexicon: deps.lexicon, toSimplified: deps.dictionary.toSimplified, spell: (t: string) => pinyinSpeller(deps.lexicon).spellings(t) };

function refit(cut: string, en: string, script: Script = 'traditional'): string {
  const tokens: Token[] = [];
  let at = 0;
  for (const text of cut.split(' ')) {
    tokens.push({ text, start: at, end: at + text.length, kind: kindOf(text) });
    at += text.length;
  }
  const zh = cut.replace(/ /g, '');
  return fitTokens(tokens, zh, englishContext(en), script, fit)
    .map((t) => (t.kind === 'measure' ? `${t.text}/m` : t.text))
    .join(' ');
}

describe('the words of a sentence, as its English shows them (issue 16)', () => {
  it('a count and a measure word the dictionary also joins are split when the English has no such word', () => {
    expect(refit('走廊 盡頭 有 一道 門 。', 'There is a door at the end of the corridor.')).toBe('走廊 盡頭 有 一 道/m 門 。');
    expect(refit('農夫 買 了 一頭 豬 。', 'The farmer bought a pig.')).toBe('農夫 買 了 一 頭/m 豬 。');
    expect(refit('球隊 又 一次 輸掉 了 比賽 。', 'The team lost the match again.')).toBe('球隊 又 一 次/m 輸掉 了 比賽 。');
    // …and kept where the English renders the word: 一道 "together".
    expect(refit('我們 一道 回家 。', 'We went home together.')).toBe('我們 一道 回家 。');
  });

  it('a compound the dictionary lacks is split into its dictionary words when the English renders them (湖心島)', () => {
    expect(refit('背景圖 上 有 河流 。', 'There are rivers on the background map.')).toBe('背景 圖 上 有 河流 。');
    expect(refit('湖心島 上 有 一座 廟 。', 'There is a temple on the island in the lake.')).toBe('湖心 島 上 有 一 座/m 廟 。');
    // …not a name the English spells, nor a word whose last character is a suffix the English does not render alone.
    expect(refit('汪淼 點點頭 。', 'Wang Miao nodded.')).toBe('汪淼 點點頭 。');
    expect(refit('調度器 選出 卡片 。', 'The scheduler picks a card.')).toBe('調度器 選出 卡片 。');
  });

  it('grammatical characters a dictionary joins into a noun are split when the English renders each (才能登入)', () => {
    expect(refit('用戶 驗證 電子郵件 後 才能 登入 。', 'Users can log in only after they verify their email.')).toBe('用戶 驗證 電子郵件 後 才 能 登入 。');
    expect(refit('她 的 才能 很 高 。', 'Her talent is great.')).toBe('她 的 才能 很 高 。');
  });

  it('a word that took the first character of the next is re-cut when the English renders the next whole (大公豬)', () => {
    expect(refit('那頭 大公 豬 睡 在 泥 裡 。', 'The big boar slept in the mud.')).toContain('大 公豬');
  });

  it('in Traditional text, another word’s Simplified form is not the word (海裡 is not 海里 "nautical mile")', () => {
    expect(refit('孩子們 在 海裡 游泳 。', 'The children swam in the sea.')).toBe('孩子們 在 海 裡 游泳 。');
    expect(refit('他 回到 了 市裡 。', 'He came back to the city.')).toBe('他 回到 了 市 裡 。');
  });

  it('a name is a name only where the English names it (大桥 "Da Qiao")', () => {
    expect(refit('新 的 大桥 通车 了 。', 'The new bridge opened to traffic.', 'simplified')).toBe('新 的 大 桥 通车 了 。');
    expect(refit('大桥 站 在 江边 。', 'Da Qiao stood by the river.', 'simplified')).toBe('大桥 站 在 江边 。');
  });

  it('pieces are joined into the word the English renders, and the pieces keep what they render (美國人 "Americans", 美國 "United States")', () => {
    expect(refit('美國 人 喝 咖啡 。', 'Americans drink coffee.')).toBe('美國人 喝 咖啡 。');
    expect(refit('美國 人 比 美國 多 。', 'Americans outnumber the United States.')).toBe('美國人 比 美國 多 。');
  });
});

describe('the entry that fits the text as written', () => {
  it('lookup 年 gives 年 "year" first, not its variant 秊', () => {
    const entries = JSON.parse(zhdeck(['lookup', '年', '--json']).stdout) as { traditional: string; senses: string[] }[];
    expect(entries[0]!.traditional).toBe('年');
    expect(entries[0]!.senses[0]).toBe('year');
  });
});

describe('glosses that teach no errors (issue 16)', () => {
  const dir = scratch();
  const article = join(dir, 'cases.txt');
  writeFileSync(
    article,
    `A 13-year-old was bitten by a shark while diving for lobster.
一名 13 歲青年在潛水捕龍蝦時被鯊魚咬傷。

The government launched a massive campaign to plant trees.
政府發起了大規模的植樹運動。

The children swam in the sea all afternoon.
孩子們整個下午都在海裡游泳。

Americans drink more coffee than people in the United States did ten years ago.
美國人現在比十年前的美國喝更多咖啡。
`,
  );
  const words = JSON.parse(zhdeck(['words', article, '--all', '--json']).stdout) as { word: string; gloss: string | null; senses: string[] }[];
  const of = (w: string) => words.find((x) => x.word === w);

  it('a word inside "13-year-old" is the number’s: 青年 is not "year"', () => expect(of('青年')?.gloss).toBeNull());
  it('大規模 is "large scale" (its own entry), with no gloss pieced from its characters', () => {
    expect(of('大規模')?.senses[0]).toBe('large scale');
    expect(of('大規模')?.gloss).toBeNull();
  });
  it('海裡 is 海 "sea" and 裡, not 海里 "nautical mile"', () => {
    expect(of('海裡')).toBeUndefined();
    expect(of('海')?.gloss).toBe('sea');
  });
  it('美國人 and 美國 each keep their own hint in one sentence', () => {
    expect(of('美國人')?.gloss).toBe('Americans');
    expect(of('美國')?.gloss).toBe('United States');
  });
});
