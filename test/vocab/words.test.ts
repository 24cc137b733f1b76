import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { study, selectWords, type Word } from '../../src/stages.js';
import { fixture, hasShared, root, scratch, seedArticle, zhdeck } from '../helpers.js';

const gold = JSON.parse(readFileSync(join(root, 'test/vocab/seed-gold.json'), 'utf8')) as {
  words: { word: string; pinyin: string; gloss: string[] | null }[];
};

describe.skipIf(!hasShared)('the seed article', async () => {
  const [studied] = await study([seedArticle]);
  const byText = new Map(studied!.words.map((w) => [w.text, w]));

  it('meets the targets on my gold list of its content words', () => {
    expect(gold.words.length).toBeGreaterThanOrEqual(50);
    let found = 0;
    let pinyin = 0;
    let gloss = 0;
    for (const g of gold.words) {
      const w = byText.get(g.word);
      if (!w) continue;
      found++;
      if (w.pinyin.toLowerCase() === g.pinyin.toLowerCase()) pinyin++;
      const got = w.gloss?.text.toLowerCase() ?? null;
      if (g.gloss === null ? got === null : g.gloss.some((x) => x.toLowerCase() === got)) gloss++;
    }
    expect(found / gold.words.length).toBeGreaterThanOrEqual(0.95);
    expect(pinyin / gold.words.length).toBeGreaterThanOrEqual(0.97);
    expect(gloss / gold.words.length).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps names whole and tags them', () => {
    expect(byText.get('郭家坤')).toMatchObject({ properNoun: true, gloss: { text: 'Guo Jiakun', evidence: 'transliteration' } });
    expect(byText.get('杭州')).toMatchObject({ properNoun: true, pinyin: 'Háng zhōu', gloss: { text: 'Hangzhou' } });
  });

  it('leaves out grammar and keeps content when choosing words to study', () => {
    const chosen = selectWords(studied!.words).map((w) => w.text);
    expect(chosen).toEqual(expect.arrayContaining(['難民', '防火長城', '自拍照']));
    expect(chosen).not.toContain('的');
    expect(chosen).not.toContain('他們');
    expect(chosen.every((w) => /\p{Script=Han}/u.test(w))).toBe(true);
  });

  it('words --all --json gives the words the issue names', () => {
    const r = zhdeck(['words', seedArticle, '--all', '--json']);
    expect(r.status).toBe(0);
    const words = JSON.parse(r.stdout) as Record<string, unknown>[];
    for (const w of words) {
      expect(Object.keys(w)).toEqual(['word', 'traditional', 'simplified', 'pinyin', 'senses', 'gloss', 'glosses', 'frequency', 'rank', 'band', 'count', 'sentences']);
    }
    const find = (word: string) => words.find((w) => w.word === word);
    expect(find('小紅書')).toMatchObject({ simplified: '小红书', gloss: 'RedNote' });
    expect(find('難民')).toMatchObject({ gloss: 'refugees', pinyin: 'nàn mín', count: 2 });
    expect(find('防火長城')).toMatchObject({ gloss: 'Great Firewall', pinyin: 'Fáng huǒ Cháng chéng' });
    expect(find('字節跳動')).toMatchObject({ gloss: 'ByteDance' });
    expect(find('外交部')).toMatchObject({ gloss: 'foreign ministry' });
    expect(find('自拍照')).toMatchObject({ gloss: 'selfies' });
    // 北京當局 is rendered by "Beijing" alone: 當局 (the authorities) has no counterpart.
    expect(find('當局')).toMatchObject({ gloss: null });
    expect((find('難民')!.sentences as string[]).length).toBe(2);
  });

  it('a Simplified article gives the same words, in Simplified', async () => {
    const OpenCC = (await import('opencc-js/t2cn')) as unknown as { Converter(o: { from: string; to: string }): (s: string) => string };
    const toCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const file = join(scratch(), 'seed.simplified.txt');
    writeFileSync(file, toCn(readFileSync(seedArticle, 'utf8')));
    const [simplified] = await study([file]);
    expect(simplified!.article.script).toBe('simplified');
    const key = (w: Word) => `${w.simplified} ${w.gloss?.text ?? '-'}`;
    const trad = new Set(selectWords(studied!.words).map(key));
    const simp = selectWords(simplified!.words);
    expect(simp.map((w) => w.text)).toEqual(expect.arrayContaining(['难民', '防火长城', '字节跳动', '外交部', '小红书']));
    for (const w of simp) expect(w.text).toBe(w.simplified);
    const same = simp.filter((w) => trad.has(key(w))).length;
    expect(same / simp.length).toBeGreaterThan(0.9);
  });
});

describe('words', () => {
  it('chooses the reading the aligned English asks for', async () => {
    const [s] = await study([fixture('grow.tsv')]);
    const grow = s!.words.find((w) => w.text === '長大');
    expect(grow).toMatchObject({ pinyin: 'zhǎng dà', gloss: { text: 'grew up' } });
    const long = s!.words.find((w) => w.text === '長');
    expect(long).toMatchObject({ pinyin: 'cháng', gloss: { text: 'longer' } });
  });

  it('--known removes words the learner knows (either script); --max-words keeps the most useful', () => {
    const dir = scratch();
    const known = join(dir, 'known.txt');
    writeFileSync(known, '市场\n# a comment\n農民\n');
    const all = JSON.parse(zhdeck(['words', fixture('market.interleaved.txt'), '--json']).stdout) as { word: string }[];
    expect(all.map((w) => w.word)).toEqual(expect.arrayContaining(['市場', '農民']));
    const r = zhdeck(['words', fixture('market.interleaved.txt'), '--json', '--known', known, '--max-words', '3']);
    const left = JSON.parse(r.stdout) as { word: string }[];
    expect(left.map((w) => w.word)).not.toContain('市場');
    expect(left.map((w) => w.word)).not.toContain('農民');
    expect(left).toHaveLength(3);
    expect(left).toEqual(all.filter((w) => !['市場', '農民'].includes(w.word)).slice(0, 3));
  });

  it('a bad --max-words is exit 2 with one line', () => {
    const r = zhdeck(['words', fixture('market.tsv'), '--max-words', 'lots']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('zhdeck: --max-words: expects a whole number, not "lots"\n');
  });

  it('reads English words that are names of Object members (constructor, toString) as words', () => {
    const dir = scratch();
    const file = join(dir, 'members.txt');
    writeFileSync(file, 'The constructor calls toString and valueOf, then hasOwnProperty.\n構造函數調用 toString 和 valueOf，然後調用 hasOwnProperty。\n');
    const r = zhdeck(['words', file, '--all', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { word: string }[]).map((w) => w.word)).toContain('調用');
  });
});
