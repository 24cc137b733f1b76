import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/lexicon/index.js';
import { parseCedict } from '../../src/lexicon/cedict.js';
import { readCedictText } from '../../src/lexicon/build.js';

const lexicon = await loadLexicon();

describe('lexicon', () => {
  it.each([
    ['長城', 'Cháng chéng'],
    ['長大', 'zhǎng dà'],
    ['了解', 'liǎo jiě'],
    ['女兒', 'nǚ ér'],
    ['綠色', 'lǜ sè'],
    ['朋友', 'péng you'],
    ['銀行', 'yín háng'],
    ['貴', 'guì'],
    ['防火長城', 'Fáng huǒ Cháng chéng'],
  ])('%s is read %s', (word, pinyin) => {
    expect(lexicon.preferred(word)?.pinyin).toBe(pinyin);
  });

  it('finds a headword from either script', () => {
    const t = lexicon.lookup('防火長城');
    const s = lexicon.lookup('防火长城');
    expect(t[0]?.senses[0]).toMatch(/Great Firewall/);
    expect(s).toEqual(t);
    expect(t[0]).toMatchObject({ traditional: '防火長城', simplified: '防火长城' });
  });

  it('keeps classifiers apart from senses and flags what the definitions say', () => {
    const bank = lexicon.preferred('銀行')!;
    expect(bank.senses).toEqual(['bank']);
    expect(bank.classifiers).toContainEqual({ traditional: '家', simplified: '家', pinyin: 'jiā' });
    const gui = lexicon.lookup('貴');
    expect(gui[1]?.flags).toEqual(expect.arrayContaining(['proper-noun', 'abbreviation']));
    expect(lexicon.lookup('乾').find((e) => e.pinyin === 'Qián')?.flags).toContain('surname');
  });

  it('never prefers a variant, surname-only or proper-noun entry when an everyday one exists', () => {
    const byKey = new Map<string, ReturnType<typeof parseCedict>>();
    for (const e of parseCedict(readCedictText())) {
      for (const k of new Set([e.traditional, e.simplified])) byKey.set(k, [...(byKey.get(k) ?? []), e]);
    }
    const wrong: string[] = [];
    for (const [key, entries] of byKey) {
      const everyday = entries.filter((e) => !e.flags.includes('variant') && !e.flags.includes('proper-noun'));
      if (everyday.length === 0) continue;
      const p = lexicon.preferred(key)!;
      if (p.flags.includes('variant') || p.flags.includes('proper-noun')) wrong.push(`${key} ${p.pinyin}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('finds every headword starting at a position', () => {
    expect(lexicon.prefixesAt('在防火長城的', 1)).toEqual(['防', '防火', '防火長城']);
    expect(lexicon.prefixesAt('abc', 3)).toEqual([]);
  });

  it('tells the scripts apart by their characters', () => {
    expect(lexicon.scriptEvidence('中國的長城').traditional).toBeGreaterThan(0);
    expect(lexicon.scriptEvidence('中国的长城')).toMatchObject({ traditional: 0 });
  });
});
