import { describe, expect, it } from 'vitest';
import { alignPresplit, DEFAULT_PARAMS, EvidenceSpace, loadLexicon, punctuationOf, punctuationScore, weighByRarity } from '../../src/stages.js';

describe('punctuation as alignment evidence', () => {
  it('counts questions, exclamations and clause marks on each side', () => {
    expect(punctuationOf('Why, then, did you go? Stop!', 'en')).toEqual({ questions: 1, exclamations: 1, clauses: 2, quotes: 0 });
    expect(punctuationOf('那你為什麼去？別說了，走吧！', 'zh')).toEqual({ questions: 1, exclamations: 1, clauses: 1, quotes: 0 });
    // Opening quotes only: an apostrophe is not one.
    expect(punctuationOf('He said, ‘It’s late,’ and "go".', 'en').quotes).toBe(2);
    expect(punctuationOf('他說：「很晚了。」又說“走”。', 'zh').quotes).toBe(2);
    // The enumeration comma lists, it does not end a clause.
    expect(punctuationOf('蘋果、梨、桃', 'zh').clauses).toBe(0);
  });

  it('scores agreement 0 and a question answered by a statement lower', () => {
    const q = punctuationOf('Where is he?', 'en');
    expect(punctuationScore(q, punctuationOf('他在哪裡？', 'zh'), 1)).toBeCloseTo(0);
    expect(punctuationScore(q, punctuationOf('他在家。', 'zh'), 1)).toBeLessThanOrEqual(-1);
    // Clause counts are compared after the text's own ratio.
    const two = punctuationOf('Yes, yes.', 'en');
    expect(punctuationScore(two, punctuationOf('是，是，是。', 'zh'), 2)).toBeCloseTo(0);
    // A quotation one side opens and the other does not costs the quote weight.
    const said = punctuationOf('‘Yes.’', 'en');
    expect(punctuationScore(said, punctuationOf('「是。」', 'zh'), 1, 1.5)).toBeCloseTo(0);
    expect(punctuationScore(said, punctuationOf('是。', 'zh'), 1, 1.5)).toBeCloseTo(-1.5);
  });

  it('lets punctuation decide where words and lengths do not', async () => {
    // No shared vocabulary; three English sentences for two Chinese ones, so one bead is 2–1.
    // The question goes with the question, and the two statements with the sentence whose
    // comma stands where the English has a full stop, though lengths alone pair them otherwise.
    const lexicon = await loadLexicon();
    const en = ['Qwxz vbnm?', 'Plkj hgfdsa.', 'Zxcv.'];
    const zh = ['咗啲嘢嘢嘢嘢嘢？', '咗啲，嘢。'];
    const shape = (params = DEFAULT_PARAMS) => alignPresplit(en, zh, lexicon, params).map((b) => [b.en, b.zh]);
    expect(shape()).toEqual([[[0], [0]], [[1, 2], [1]]]);
    expect(shape({ ...DEFAULT_PARAMS, punctWeight: 0 })).toEqual([[[0, 1], [0]], [[2], [1]]]);
  });

  it('weighs a rare item more than a common one, and leaves strength 0 alone', async () => {
    const space = new EvidenceSpace(await loadLexicon());
    const en = ['The river is wide.', 'The river is deep.', 'The dragon sleeps in the river.'].map((s) => space.english(s));
    const zh = ['河很寬。', '河很深。', '龍睡在河裡。'].map((s) => space.chinese(s));
    const [same] = weighByRarity(en, zh, 0);
    expect(same[2]!.mass).toBe(en[2]!.mass);
    const [weighed] = weighByRarity(en, zh, 1);
    const weightOf = (s: (typeof en)[number], word: string) => s.items.find((it) => it.ids.includes(space.id(`@${word}`)))!.weight;
    expect(weightOf(weighed[2]!, 'dragon')).toBeGreaterThan(weightOf(weighed[2]!, 'river'));
  });
});
