import { describe, expect, it } from 'vitest';
import { stem } from '../../src/lexicon/index.js';
import { stemsMatch } from '../../src/vocab/index.js';

// A sense's word and the article's word meet when one is the other with an ending that keeps the
// meaning: "to limit" renders "limitation", "to determine" renders "determination".
const meet = (sense: string, text: string) => stemsMatch(stem(sense), stem(text));

describe('related English words', () => {
  it('a verb meets its noun in -ion, -ation, -ment, -ence and -ance', () => {
    expect(meet('limit', 'limitation')).toBe(true);
    expect(meet('determine', 'determination')).toBe(true);
    expect(meet('validate', 'validation')).toBe(true);
    expect(meet('persist', 'persistence')).toBe(true);
    expect(meet('govern', 'government')).toBe(true);
    expect(meet('nation', 'national')).toBe(true);
  });

  it('two derivations of one root meet, a verb its adjective in -ent, a noun its state in -hood, -ship', () => {
    expect(meet('geology', 'geological')).toBe(true);
    expect(meet('economy', 'economic')).toBe(true);
    expect(meet('differ', 'different')).toBe(true);
    expect(meet('depend', 'dependent')).toBe(true);
    expect(meet('child', 'childhood')).toBe(true);
    expect(meet('citizen', 'citizenship')).toBe(true);
  });

  it('an agent noun is not the action of its root', () => {
    expect(meet('compiler', 'compilation')).toBe(false);
    expect(meet('segmenter', 'segmentation')).toBe(false);
  });

  it('a longer extension is another word, and short stems meet only themselves', () => {
    expect(meet('sight', 'sightseeing')).toBe(false);
    expect(meet('act', 'action')).toBe(false);
    expect(meet('station', 'stationery')).toBe(false);
  });
});

describe('short irregular forms', () => {
  it('used, using, made and got meet their verbs', () => {
    for (const [form, verb] of [['used', 'use'], ['using', 'use'], ['made', 'make'], ['got', 'get']] as const) expect(stem(form)).toBe(stem(verb));
  });
});

describe('code names in English text', () => {
  it('a part of a snake_case name is no English word to gloss with', async () => {
    const { englishContext } = await import('../../src/vocab/index.js');
    const ctx = englishContext('learning_steps control short-term learning.');
    expect(ctx.tokens.filter((t) => t.content).map((t) => t.text)).toEqual(['control', 'short', 'term', 'learning']);
  });
});
