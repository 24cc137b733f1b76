import { describe, expect, it } from 'vitest';
import { readArticles, parseArticle, decodeText, type Article } from '../../src/article/index.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import { expectPrefixes, fixture } from '../helpers.js';

const lexicon = await loadLexicon();
const read = (...names: string[]) => readArticles(names.map(fixture), lexicon);
const translated = (a: Article) => a.paragraphs.filter((p) => p.en && p.zh).map((p) => [p.en!, p.zh!]);

const MARKET = [
  ['The river market ope', '河邊市場在黎明'],
  ['Farmers bring fresh ', '農民從附近村莊'],
  ['By noon, most stalls', '到了中午，大部'],
];

describe('layouts', () => {
  it('interleaved: pairs each paragraph with its translation, drops the repeat, keeps the untranslated', () => {
    const [a] = read('market.interleaved.txt');
    expect(a!.layout).toBe('interleaved');
    expect(a!.title).toBe('The river market at dawn');
    expectPrefixes(translated(a!), [['Fishmongers set out ', '一個寒冷的早晨'], ...MARKET]);
    expect(a!.paragraphs.map((p) => p.kind)).toEqual(['title', 'caption', 'body', 'body', 'body', 'body', 'boilerplate']);
    const untranslated = a!.paragraphs.filter((p) => !p.zh).map((p) => p.en!.slice(0, 12));
    expect(untranslated).toEqual(['The river ma', '"It has been', 'Photographs ']);
    // Where each paragraph came from.
    expect(a!.paragraphs[2]!.source).toEqual({ file: fixture('market.interleaved.txt'), line: 4 });
    expect(a!.paragraphs[2]!.zhSource?.line).toBe(5);
  });

  it.each([
    [['market.en.txt', 'market.zh.txt'], 'two-files'],
    [['market.zh.txt', 'market.en.txt'], 'two-files'],
    [['market.blocks.txt'], 'blocks'],
    [['market.blocks-zh-first.txt'], 'blocks'],
  ])('%s (%s): paragraphs come one-sided, in reading order, and hard-wrapped lines are joined', (files, layout) => {
    const [a] = read(...files);
    expect(a!.layout).toBe(layout);
    expect(a!.paragraphs.filter((p) => p.en)).toHaveLength(4);
    expect(a!.paragraphs.filter((p) => p.zh)).toHaveLength(4);
    expect(a!.paragraphs.find((p) => p.en?.startsWith('The river market opens'))!.en).toBe(
      'The river market opens at dawn, long before the shops in town.',
    );
  });

  it.each([['market.tsv'], ['market.zh-en.tsv']])('TSV %s: either column order, header or not', (name) => {
    const [a] = read(name);
    expect(a!.layout).toBe('tsv');
    expectPrefixes(translated(a!), MARKET);
  });

  it('each file is its own article unless one is English and the other Chinese', () => {
    expect(read('market.tsv', 'market.interleaved.txt')).toHaveLength(2);
    expect(read('market.en.txt', 'market.zh.txt')).toHaveLength(1);
  });

  it('detects the script', () => {
    expect(read('market.interleaved.txt')[0]!.script).toBe('traditional');
    expect(read('market.simplified.txt')[0]!.script).toBe('simplified');
  });

  it('a flag may force the layout and the script', () => {
    const [a] = readArticles([fixture('market.simplified.txt')], lexicon, { script: 'traditional', layout: 'interleaved' });
    expect(a!.script).toBe('traditional');
  });
});

describe('encodings', () => {
  it.each([
    ['market.bom.txt', 'utf-8'],
    ['market.utf16le.txt', 'utf-16le'],
    ['market.big5.txt', 'big5'],
  ])('%s decodes to the same article as UTF-8', (name) => {
    const [a] = read(name);
    expect(a).toEqual({ ...read('market.interleaved.txt')[0]!, source: a!.source, paragraphs: expect.any(Array) });
    expect(translated(a!)).toEqual(translated(read('market.interleaved.txt')[0]!));
  });

  it.each([['market.gbk.txt'], ['market.utf16be.txt']])('%s decodes to the Simplified article', (name) => {
    expect(translated(read(name)[0]!)).toEqual(translated(read('market.simplified.txt')[0]!));
  });

  it('GB18030 bytes are not taken for Big5, nor Big5 for GB18030', () => {
    const big5 = Buffer.from([0xa4, 0xa4, 0xb0, 0xea]); // 中國 in Big5
    const gbk = Buffer.from([0xd6, 0xd0, 0xb9, 0xfa]); // 中国 in GBK
    expect(decodeText(big5, 'b', lexicon)).toEqual({ text: '中國', encoding: 'big5' });
    expect(decodeText(gbk, 'g', lexicon)).toEqual({ text: '中国', encoding: 'gb18030' });
  });
});

describe('bad input is a user error naming the file', () => {
  it.each([
    ['english-only.txt', /english-only\.txt: no Chinese text found/],
    ['empty.txt', /empty\.txt: the file is empty/],
    ['binary.png', /binary\.png: is binary/],
    ['no-such-file.txt', /no-such-file\.txt: no such file/],
  ])('%s', (name, message) => {
    expect(() => read(name)).toThrow(message);
    try {
      read(name);
    } catch (e) {
      expect((e as Error).name).toBe('UserError');
    }
  });

  it('a Chinese-only text has nothing to pair', () => {
    expect(() => parseArticle([{ file: 'zh.txt', text: '只有中文。' }], lexicon)).toThrow(/no English text/);
  });
});
