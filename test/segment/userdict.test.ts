import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSegmenter, loadSegmentDictionary, parseUserDictionary } from '../../src/stages.js';
import { fixture, scratch, zhdeck } from '../helpers.js';

describe('user dictionary', () => {
  it('parses cuts and entries in either script, and names the line of a bad one', async () => {
    const d = await loadSegmentDictionary();
    const ud = parseUserDictionary('# my fixes\n大公豬=大 公豬\n\n市場 [shì chang] bazaar stall # a comment\n', 'user-dict.txt', d.toSimplified);
    expect(ud.cuts.get('大公猪')).toEqual(['大', '公猪']);
    expect(ud.entries.get('市场')).toEqual({ word: '市場', pinyin: 'shì chang', gloss: 'bazaar stall' });
    expect(() => parseUserDictionary('河邊 [hé biān]\n大公豬=大公 豬豬', 'u.txt', d.toSimplified)).toThrow(/^u\.txt:2: .*must spell 大公豬/);
    expect(() => parseUserDictionary('hello world', 'u.txt', d.toSimplified)).toThrow(/^u\.txt:1: /);
  });

  it('its cuts win over jieba and the rules, wherever the text occurs, in either script', async () => {
    const text = '那隻大公豬很胖，這兩個大公豬';
    const plain = await loadSegmenter(text);
    expect(plain.words(text, 'traditional')).not.toContain('公豬');
    const d = await loadSegmentDictionary();
    const cuts = parseUserDictionary('大公猪=大 公猪\n這兩個=這兩個', 'u', d.toSimplified).cuts;
    const seg = await loadSegmenter(text, { userCuts: cuts });
    const words = seg.words(text, 'traditional');
    expect(words.filter((w) => w === '公豬')).toHaveLength(2);
    expect(words).toContain('這兩個');
    expect(words.join('')).toBe(text);
  });
});

describe('zhdeck words --fix (CLI)', () => {
  const envFor = (dir: string) => ({ env: { XDG_DATA_HOME: dir, ZHDECK_COLLECTION: '' } });

  it('saves a correction beside the collection and every later words, segment and build run uses it', () => {
    const dir = scratch();
    const saved = zhdeck(['words', '--fix', '河邊市場=河邊 市 場', '--fix', '農民 [nóng min] growers'], envFor(dir));
    expect(saved.status).toBe(0);
    const file = join(dir, 'zhdeck', 'user-dict.txt');
    expect(readFileSync(file, 'utf8')).toBe('河邊市場=河邊 市 場\n農民 [nóng min] growers\n');

    const seg = zhdeck(['segment'], { ...envFor(dir), input: '河邊市場在黎明時開市' });
    expect(seg.stdout.split(' ').slice(0, 3)).toEqual(['河邊', '市', '場']);

    const words = zhdeck(['words', '--json', '--all', fixture('market.tsv')], envFor(dir));
    expect(words.status).toBe(0);
    const list = JSON.parse(words.stdout) as { word: string; pinyin: string; senses: string[] }[];
    expect(list.find((w) => w.word === '市場')).toBeUndefined();
    const farmers = list.find((w) => w.word === '農民')!;
    expect(farmers.pinyin).toBe('nóng min');
    expect(farmers.senses[0]).toBe('growers');

    const out = join(dir, 'deck.csv');
    expect(zhdeck(['build', fixture('market.tsv'), '-o', out], envFor(dir)).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('growers');

    // Without the file, the defaults come back.
    const clean = scratch();
    const plain = JSON.parse(zhdeck(['words', '--json', '--all', fixture('market.tsv')], envFor(clean)).stdout) as { word: string }[];
    expect(plain.some((w) => w.word === '市場')).toBe(true);
  });

  it('a bad correction or a bad line in the file: one line naming it, exit 2, nothing saved', () => {
    const dir = scratch();
    const bad = zhdeck(['words', '--fix', '大公豬=大公 豬豬'], envFor(dir));
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--fix: .*must spell/);
    expect(existsSync(join(dir, 'zhdeck', 'user-dict.txt'))).toBe(false);

    mkdirSync(join(dir, 'zhdeck'), { recursive: true });
    writeFileSync(join(dir, 'zhdeck', 'user-dict.txt'), '河邊 [hé biān]\n= 河\n');
    const run = zhdeck(['words', fixture('market.tsv')], envFor(dir));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/user-dict\.txt:2: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
