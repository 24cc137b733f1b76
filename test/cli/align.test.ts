import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, scratch, zhdeck } from '../helpers.js';

describe('zhdeck align', () => {
  it('--json gives exactly id, en, zh, enText, zhText, confidence', () => {
    const r = zhdeck(['align', fixture('market.interleaved.txt'), '--json']);
    expect(r.status).toBe(0);
    const pairs = JSON.parse(r.stdout) as Record<string, unknown>[];
    for (const p of pairs) expect(Object.keys(p)).toEqual(['id', 'en', 'zh', 'enText', 'zhText', 'confidence']);
    const farmers = pairs.filter((p) => String(p.enText).startsWith('Farmers') || String(p.enText).startsWith('Buyers'));
    expect(farmers.map((p) => [p.en, p.zh])).toEqual([
      [[3], [2]],
      [[4], [3]],
    ]);
    expect(pairs[0]).toMatchObject({ id: '1.1', en: [0], zh: [], zhText: '' });
  });

  it('--presplit reports 0-based line numbers, whichever file comes first', () => {
    const dir = scratch();
    const en = join(dir, 'en.txt');
    const zh = join(dir, 'zh.txt');
    writeFileSync(en, 'The river market opens at dawn.\nFarmers bring fresh fish.\nThey come from nearby villages.\nBy noon the stalls close.\n');
    writeFileSync(zh, '河邊市場在黎明時開市。\n農民從附近村莊帶來新鮮的魚。\n到了中午，攤位都收了。\n');
    for (const args of [[en, zh], [zh, en]]) {
      const r = zhdeck(['align', '--presplit', '--json', ...args]);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).map((p: { en: number[]; zh: number[] }) => [p.en, p.zh])).toEqual([
        [[0], [0]],
        [[1, 2], [1]],
        [[3], [2]],
      ]);
    }
  });

  it('prints a readable alignment', () => {
    const r = zhdeck(['align', fixture('market.tsv')]);
    expect(r.stdout).toContain('EN The river market opens at dawn');
    expect(r.stdout).toContain('ZH 河邊市場在黎明時開市');
  });

  it('an English-only file is exit 2 naming the file', () => {
    const r = zhdeck(['align', fixture('english-only.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`zhdeck: ${fixture('english-only.txt')}: no Chinese text found\n`);
  });
});
