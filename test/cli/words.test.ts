import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch, zhdeck } from '../helpers.js';

// A text of our own in which one word is rendered two ways: "library" and "libraries".
const LIBRARY = `The library opened a new reading room for children.
圖書館為孩子們開了一間新的閱讀室。

Two libraries in the city now lend seeds to gardeners.
市裡的兩座圖書館現在也借種子給園丁。

Gardeners return the seeds after the harvest.
園丁在收成之後歸還種子。
`;

interface Pair {
  id: string;
  enText: string;
}
interface WordRow {
  word: string;
  gloss: string | null;
  glosses: { pair: string; text: string; start: number; end: number }[];
}

describe('words --json: a gloss per occurrence (STANDARDS §1)', () => {
  const dir = scratch();
  const article = join(dir, 'library.txt');
  writeFileSync(article, LIBRARY);

  it('gives each occurrence its own rendering, with offsets into its pair’s enText', () => {
    const words = JSON.parse(zhdeck(['words', article, '--all', '--json']).stdout) as WordRow[];
    const pairs = new Map((JSON.parse(zhdeck(['align', article, '--json']).stdout) as Pair[]).map((p) => [p.id, p.enText]));
    const library = words.find((w) => w.word === '圖書館')!;
    expect(library.glosses.map((g) => g.text)).toEqual(['library', 'libraries']);
    expect(library.gloss).toBe('library');
    for (const w of words) {
      for (const g of w.glosses) expect(pairs.get(g.pair)!.slice(g.start, g.end)).toBe(g.text);
      // A word without a rendering in any sentence has none, and no representative gloss.
      if (w.glosses.length === 0) expect(w.gloss).toBeNull();
    }
  });

  it('a word met twice in one sentence takes the English word at its own place in the sentence', () => {
    // 種子 twice, "seed" and "seeds" both match it: the first (種子圖書館, "seed library") is the first English word.
    const twice = join(dir, 'twice.txt');
    writeFileSync(twice, 'The seed library opened with about ninety kinds of seeds.\n這座種子圖書館開幕時提供約九十個品種的種子。\n');
    const seed = (JSON.parse(zhdeck(['words', twice, '--all', '--json']).stdout) as WordRow[]).find((w) => w.word === '種子')!;
    expect(seed.glosses.map((g) => [g.text, g.start])).toEqual([['seed', 4], ['seeds', 51]]);
  });

  it('words the aligner once ignored as too common are glossed when a sense is nothing else (使用 "to use", 同樣 "same")', () => {
    const file = join(dir, 'use.txt');
    writeFileSync(file, 'Many farmers now use drones to check their fields.\n許多農民現在使用無人機檢查他們的田地。\n\nShe made the same mistake twice.\n她兩次犯了同樣的錯誤。\n');
    const words = JSON.parse(zhdeck(['words', file, '--all', '--json']).stdout) as WordRow[];
    const of = (w: string) => words.find((x) => x.word === w)?.gloss;
    expect([of('使用'), of('同樣')]).toEqual(['use', 'same']);
  });

  it('a word the dictionary lacks, used several times, is glossed with the English its sentences share (調度器)', () => {
    const file = join(dir, 'scheduler.txt');
    writeFileSync(
      file,
      'The scheduler picks the next card.\n調度器選出下一張卡片。\n\nYou can replace the scheduler with your own.\n你可以用自己的調度器替換它。\n\nEvery scheduler keeps a log of reviews.\n每個調度器都會保存複習記錄。\n',
    );
    expect(zhdeck(['lookup', '調度器']).status).toBe(2);
    const words = JSON.parse(zhdeck(['words', file, '--all', '--json']).stdout) as WordRow[];
    expect(words.find((w) => w.word === '調度器')!.glosses.map((g) => g.text)).toEqual(['scheduler', 'scheduler', 'scheduler']);
  });

  it('a form the dictionary knows only as a variant is taught as the word it is a variant of (身分, variant of 身份)', () => {
    const file = join(dir, 'variant.txt');
    writeFileSync(file, 'Her status as a citizen was confirmed last week.\n她的公民身分上週已經確認。\n');
    const words = JSON.parse(zhdeck(['words', file, '--all', '--json']).stdout) as (WordRow & { simplified: string; senses: string[] })[];
    const w = words.find((x) => x.word === '身分')!;
    expect([w.simplified, w.gloss, w.senses.some((s) => /^variant of/.test(s))]).toEqual(['身份', 'status', false]);
  });

  it('the object of a verb sense renders a noun ("to have the right to": 有權 is "the right")', () => {
    const file = join(dir, 'right.txt');
    writeFileSync(file, 'Every worker has the right to rest on Sundays.\n每位工人都有權在星期日休息。\n');
    const words = JSON.parse(zhdeck(['words', file, '--all', '--json']).stdout) as WordRow[];
    expect(words.find((w) => w.word === '有權')!.gloss).toBe('right');
  });

  it('a verb sense renders its derived noun after a determiner (確定 "to determine": "the determination")', () => {
    const file = join(dir, 'determination.txt');
    writeFileSync(file, 'The determination of the facts took a year.\n確定事實花了一年。\n');
    const words = JSON.parse(zhdeck(['words', file, '--all', '--json']).stdout) as WordRow[];
    expect(words.find((w) => w.word === '確定')!.gloss).toBe('determination');
  });

  it('the cloze hint is the occurrence’s own rendering, not the representative one', () => {
    const deck = join(dir, 'library.csv');
    expect(zhdeck(['build', article, '--format', 'csv', '--level', '0', '-o', deck]).status).toBe(0);
    const clozes = readFileSync(deck, 'utf8').split('\n').filter((l) => l.includes('{{c'));
    const second = clozes.find((l) => l.includes('Two libraries'))!;
    expect(second).toMatch(/\{\{c\d::圖書館::libraries\}\}/);
  });
});
