import { describe, expect, it } from 'vitest';
import { dictionaryMatches, englishContext, headMatches, isNounAfterDeterminer, latinMatch, namedPlaceMatch, stemsMatch, surnameMatches, surnameOf, transliterationMatch } from '../../src/vocab/gloss.js';
import { MorphemeEvidence } from '../../src/vocab/morphemes.js';
import { SynonymEvidence } from '../../src/vocab/synonyms.js';
import { neighbourSwaps, type NeighbourWord } from '../../src/vocab/neighbours.js';
import { fitTokens } from '../../src/vocab/fit.js';
import { TranslationTable } from '../../src/vocab/cooccurrence.js';
import { isFunctionWord, isWeakMorpheme, meaningStems, nameRuns, pinyinSpeller, sensePhrases, senseStems, type LexiconEntry } from '../../src/lexicon/index.js';
import type { Token } from '../../src/segment/index.js';
import { smallLexicon } from '../small-lexicon.js';

// Each gloss pass alone, on sentences of our own and a lexicon of a few entries (no installed
// dictionary, no ../shared): the rule is tested on exactly the senses it reads.
const lexicon = smallLexicon([
  '難民 难民 [nan4 min2] /refugee/',
  '外交部 外交部 [Wai4 jiao1 bu4] /Ministry of Foreign Affairs/foreign office/',
  '記者會 记者会 [ji4 zhe3 hui4] /press conference/',
  '長大 长大 [zhang3 da4] /to grow up/',
  '央視 央视 [Yang1 shi4] /China Central Television (CCTV)/',
  '國家 国家 [guo2 jia1] /country/nation/state/',
  '安全 安全 [an1 quan2] /safe/secure/safety/security/',
  '國家安全 国家安全 [guo2 jia1 an1 quan2] /national security/',
  '安靜 安静 [an1 jing4] /quiet/peaceful/',
  '寂靜 寂静 [ji4 jing4] /quiet/',
  '清靜 清静 [qing1 jing4] /quiet/peaceful and quiet/',
  '靜 静 [jing4] /still/calm/quiet/',
  '謐 谧 [mi4] /(literary) peaceful/',
  '杭 杭 [hang2] /(name of a place)/',
  '州 州 [zhou1] /prefecture/',
  '郭 郭 [guo1] /outer city wall/surname Guo/',
  '家 家 [jia1] /home/family/',
  '坤 坤 [kun1] /one of the Eight Trigrams/',
  '一 一 [yi1] /one/',
  '道 道 [dao4] /road/path/CL:條|条[tiao2]/classifier for long thin things (rivers, cracks etc), barriers (walls, doors etc)/',
  '一道 一道 [yi1 dao4] /together/',
  '門 门 [men2] /gate/door/',
  '貓 猫 [mao1] /cat/',
  '條 条 [tiao2] /strip/item/article/clause (of law or treaty)/classifier for long thin things (ribbon, river, road, trousers etc)/',
  '河 河 [he2] /river/',
  '京 京 [jing1] /capital city of a country/',
  '密 密 [mi4] /secret/dense/',
  '路 路 [lu4] /road/path/',
  '左側 左侧 [zuo3 ce4] /left side/',
  '長期 长期 [chang2 qi1] /long-term/',
  '表示 表示 [biao3 shi4] /to express/to state/',
  '生成 生成 [sheng1 cheng2] /to generate/',
  '頂級 顶级 [ding3 ji2] /top-level/',
  '持久 持久 [chi2 jiu3] /lasting/persistent/persistence/',
]);

const entry = (word: string): LexiconEntry => lexicon.preferred(word)!;
const spans = (word: string, en: string) => {
  const ctx = englishContext(en);
  return dictionaryMatches(entry(word), ctx)
    .sort((a, b) => b.score - a.score)
    .map((m) => en.slice(m.start, m.end));
};

describe('the sense reader (lexicon/senses.ts)', () => {
  it('reads a sense as stems, its notes left out', () => {
    expect(senseStems('(of a plant) to sprout [fa1 ya2]')).toEqual(['sprout']);
    expect(meaningStems('possessive particle')).toEqual(['possessiv']);
  });

  it('reads an entry as phrases of words, verbs and particles marked, acronyms kept', () => {
    expect(sensePhrases(entry('長大')).map((p) => p.map((w) => w.stem))).toEqual([['grow', 'up']]);
    expect(sensePhrases(entry('長大'))[0]![1]!.particle).toBe(true);
    expect(sensePhrases(entry('央視')).map((p) => p.map((w) => w.stem))).toEqual([['cctv'], ['china', 'central', 'television']]);
  });

  it('knows function words and weak morphemes in both scripts', () => {
    expect([isFunctionWord('們'), isFunctionWord('们'), isFunctionWord('這些'), isFunctionWord('貓')]).toEqual([true, true, true, false]);
    expect([isWeakMorpheme('性'), isWeakMorpheme('的'), isWeakMorpheme('吗'), isWeakMorpheme('靜')]).toEqual([true, true, false, false]);
  });
});

describe('dictionary matches (gloss.ts)', () => {
  it('finds the inflected English word a sense renders', () => {
    expect(spans('難民', 'Thousands of refugees arrived.')[0]).toBe('refugees');
  });

  it('takes a whole phrase, function words inside it', () => {
    expect(spans('外交部', 'The Ministry of Foreign Affairs said so.')[0]).toBe('Ministry of Foreign Affairs');
  });

  it('reads a compound the dictionary lacks through its head word, less surely', () => {
    const ctx = englishContext('Persistence of the data is optional.');
    const [m] = headMatches(entry('持久'), ctx);
    expect(m && ctx.text.slice(m.start, m.end)).toBe('Persistence');
    expect(m!.score).toBeLessThan(dictionaryMatches(entry('持久'), ctx)[0]!.score);
  });

  it('a function word is glossed only by a noun after a determiner', () => {
    const en = 'Bring the tools back at the time agreed.';
    const ctx = englishContext(en);
    const at = (w: string) => ({ start: en.indexOf(w), end: en.indexOf(w) + w.length, score: 2, evidence: 'dictionary' as const });
    expect(isNounAfterDeterminer(ctx, at('time'))).toBe(true);
    expect(isNounAfterDeterminer(ctx, at('back'))).toBe(false);
    expect(isNounAfterDeterminer(ctx, at('time agreed'))).toBe(false);
  });

  it('completes a two-word phrase matched by one word with its neighbour', () => {
    expect(spans('記者會', 'She spoke at a press briefing on Monday.')[0]).toBe('press briefing');
  });

  it('takes the rest of a hyphenated word inside a phrase', () => {
    expect(spans('左側', 'Keep to the left-hand side of the road.')[0]).toBe('left-hand side');
    expect(spans('左側', 'The left-hand door.')).not.toContain('left-hand door');
  });

  it('completes a hyphenated phrase only with a hyphenated neighbour', () => {
    expect(spans('頂級', 'Top-level rules come first.')[0]).toBe('Top-level');
    expect(spans('長期', 'After long isolation he spoke.')).toEqual(['long']);
  });

  it('a verb sense renders its participle after a determiner, not its own form there', () => {
    expect(spans('生成', 'Keep the generated files.')).toEqual(['generated']);
    expect(spans('表示', 'He spoke with state broadcaster CCTV.')).toEqual([]);
    expect(spans('表示', 'They state it plainly.')).toEqual(['state']);
  });

  it('closes a verb sense with its particle', () => {
    expect(spans('長大', 'The children grew up by the sea.')[0]).toBe('grew up');
  });

  it('finds nothing where the English has none of the senses', () => {
    expect(spans('難民', 'The weather was fine.')).toEqual([]);
  });

  it('pairs stems one related ending apart, not longer extensions', () => {
    expect(stemsMatch('nation', 'national')).toBe(true);
    expect(stemsMatch('sight', 'sightsee')).toBe(false);
  });
});

describe('names and Latin letters (gloss.ts, lexicon/names.ts)', () => {
  it('spells a name in pinyin and finds it among the capitalised words', () => {
    const ctx = englishContext('He moved to Hangzhou last year.');
    const m = transliterationMatch(pinyinSpeller(lexicon).spellings('杭州'), ctx);
    expect(m && ctx.text.slice(m.start, m.end)).toBe('Hangzhou');
    expect(transliterationMatch(pinyinSpeller(lexicon).spellings('杭州'), englishContext('He moved away last year.'))).toBeNull();
  });

  it('spells a name before a possessive without the possessive', () => {
    const ctx = englishContext("We read Guo Jiakun's letter.");
    const m = transliterationMatch(pinyinSpeller(lexicon).spellings('郭家坤'), ctx);
    expect(m && ctx.text.slice(m.start, m.end)).toBe('Guo Jiakun');
  });

  it('names a person met in full by the surname alone', () => {
    const guo = pinyinSpeller(lexicon).readingLetters('郭');
    expect(surnameOf('Guo Jiakun', guo)).toBe('Guo');
    expect([surnameOf('Jiakun Guo', guo), surnameOf('Guo', guo), surnameOf('Hangzhou Bay', guo)]).toEqual([null, null, null]);
    const ctx = englishContext("Later Guo's answer came: Guo agreed.");
    expect(surnameMatches('Guo', ctx).map((m) => ctx.text.slice(m.start, m.end))).toEqual(['Guo', 'Guo']);
  });

  it('reads runs of capitalised words and hyphenated given names as one name', () => {
    const ctx = englishContext('Yesterday Guo Jiakun met Mei-ling.');
    expect(nameRuns(ctx.tokens, ctx.text).map((r) => r.letters)).toEqual(['yesterday', 'yesterdayguo', 'yesterdayguojiakun', 'guo', 'guojiakun', 'jiakun', 'mei', 'meiling']);
  });

  it('matches the Latin part of a mixed word', () => {
    const ctx = englishContext('He wore a red T-shirt.');
    const m = latinMatch('T恤', ctx);
    expect(m && ctx.text.slice(m.start, m.end)).toBe('T');
  });
});

describe('shared morphemes (morphemes.ts)', () => {
  it('links a word the dictionary cannot gloss to an English word its characters render elsewhere', () => {
    const ctx = englishContext('The old library was quiet at night.');
    const found = new MorphemeEvidence(lexicon).matches('靜謐', ctx).map((m) => ctx.text.slice(m.start, m.end));
    expect(found).toEqual(['quiet']);
  });

  it('offers nothing for words made of weak morphemes only, or English words already taken', () => {
    const ctx = englishContext('The old library was quiet at night.');
    const morphemes = new MorphemeEvidence(lexicon);
    expect(morphemes.matches('的', ctx)).toEqual([]);
    expect(morphemes.matches('靜謐', ctx, () => false)).toEqual([]);
  });
});

describe('entries of like meaning (synonyms.ts)', () => {
  const like = smallLexicon([
    '志向 志向 [zhi4 xiang4] /ambition/goal/',
    '目的 目的 [mu4 di4] /purpose/aim/goal/',
    '條款 条款 [tiao2 kuan3] /clause/provision/',
    '罰則 罚则 [fa2 ze2] /penal provision/penalty/',
    '察看 察看 [cha2 kan4] /to inspect/to watch/',
    '巡視 巡视 [xun2 shi4] /to inspect/to visit/',
  ]);
  const found = (word: string, en: string, free?: (s: number, e: number) => boolean) => {
    const ctx = englishContext(en);
    return new SynonymEvidence(like).matches(like.preferred(word)!, ctx, free).map((m) => en.slice(m.start, m.end));
  };

  it('links a word to an English word that an entry sharing one of its senses renders', () => {
    // 志向 and 目的 share "goal"; 目的 renders "purpose".
    expect(found('志向', 'She never forgot the purpose of her journey.')).toEqual(['purpose']);
    expect(found('察看', 'They came to visit the old harbour.')).toEqual(['visit']);
  });

  it('reads a like entry only where its word is a whole phrase, never an agent noun, never a taken word', () => {
    // 罰則 shares "provision" but renders "penal" only as part of "penal provision".
    expect(found('條款', 'The penal code was changed.')).toEqual([]);
    // 巡視 "to visit" is the act, not the person.
    expect(found('察看', 'The visitor waited at the gate.')).toEqual([]);
    expect(found('志向', 'She never forgot the purpose of her journey.', () => false)).toEqual([]);
  });
});

describe('the renderings of a repeated word, by its neighbours (neighbours.ts)', () => {
  const en = 'The node is linked to a node list.';
  /** The nth place `part` is written in `text`, as a span. */
  const spanIn = (text: string, part: string, nth = 0) => {
    let at = -1;
    for (let k = 0; k <= nth; k++) at = text.indexOf(part, at + 1);
    return { start: at, end: at + part.length };
  };
  const span = (part: string, nth = 0) => spanIn(en, part, nth);
  const word = (key: string, start: number, gloss: { start: number; end: number } | null): NeighbourWord => ({ key, start, end: start + key.length, gloss });

  it('moves a rendering to the occurrence whose neighbour renders beside it', () => {
    // 节点 (0) holds the "node" of "node list", which the 节点 before 列表 "list" renders.
    const zh = '节点连到节点列表';
    const words = [word('节点', 0, span('node', 1)), word('连到', 2, span('linked')), word('节点', 4, null), word('列表', 6, span('list'))];
    expect(neighbourSwaps(words, zh, englishContext(en))).toEqual([[0, 2]]);
  });

  it('looks past one word without a rendering to the neighbour (树叶或节点 "leaf or node")', () => {
    const text = 'A leaf or node, and later a node.';
    const at = (part: string, nth = 0) => spanIn(text, part, nth);
    const words = [word('树叶', 0, at('leaf')), word('或', 2, null), word('节点', 3, null), word('然后', 6, at('later')), word('节点', 8, at('node', 0))];
    expect(neighbourSwaps(words, '树叶或节点，然后节点', englishContext(text))).toEqual([[4, 2]]);
  });

  it('exchanges the renderings of two different words only where each could render the other\'s', () => {
    const text = 'They have the right, as we said, to fundamental rights.';
    const at = (part: string) => spanIn(text, part);
    // 权利 after 基本 "fundamental" is the "rights" beside it; 有权 holds it.
    const words = [word('有权', 0, at('rights')), word('基本', 3, at('fundamental')), word('权利', 5, at('right,'))].map((w, i) => (i === 2 ? { ...w, gloss: { start: w.gloss!.start, end: w.gloss!.end - 1 } } : w));
    const zh = '有权，基本权利';
    expect(neighbourSwaps(words, zh, englishContext(text), () => true)).toEqual([[0, 2]]);
    expect(neighbourSwaps(words, zh, englishContext(text))).toEqual([]);
  });

  it('leaves renderings where they are when the neighbours agree, or stand across punctuation', () => {
    const zh = '节点连到节点列表';
    const right = [word('节点', 0, span('node', 0)), word('连到', 2, span('linked')), word('节点', 4, span('node', 1)), word('列表', 6, span('list'))];
    expect(neighbourSwaps(right, zh, englishContext(en))).toEqual([]);
    const apart = '节点连到节点，列表';
    const words = [word('节点', 0, span('node', 1)), word('连到', 2, span('linked')), word('节点', 4, null), word('列表', 7, span('list'))];
    expect(neighbourSwaps(words, apart, englishContext(en))).toEqual([]);
  });
});

describe('re-cutting by the English (fit.ts)', () => {
  const deps = { lexicon, toSimplified: (t: string) => t, spell: (t: string) => pinyinSpeller(lexicon).spellings(t) };
  const cut = (zh: string, pieces: string[]): Token[] => {
    let at = 0;
    return pieces.map((p) => {
      const start = zh.indexOf(p, at);
      at = start + p.length;
      return { text: p, start, end: at, kind: /\p{Script=Han}/u.test(p) ? 'han' : 'other' } as Token;
    });
  };
  const refit = (zh: string, pieces: string[], en: string) => fitTokens(cut(zh, pieces), zh, englishContext(en), 'traditional', deps).map((t) => t.text);

  it('joins pieces into the word the English renders as a phrase', () => {
    expect(refit('國家安全', ['國家', '安全'], 'It is a matter of national security.')).toEqual(['國家安全']);
  });

  it('joins pieces into a name the English spells', () => {
    expect(refit('郭家坤說', ['郭家', '坤', '說'], 'Guo Jiakun said.')).toEqual(['郭家坤', '說']);
  });

  it('joins a place named in pinyin and the word for what it is', () => {
    expect(refit('走京密路', ['走', '京密', '路'], 'They drove along Jingmi Road.')).toEqual(['走', '京密路']);
    expect(refit('走京密路', ['走', '京密', '路'], 'They drove along the Jingmi road.')).toEqual(['走', '京密', '路']);
    const ctx = englishContext('They drove along Jingmi Road.');
    const m = namedPlaceMatch(pinyinSpeller(lexicon).spellings('京密'), lexicon.lookup('路'), ctx);
    expect(m && ctx.text.slice(m.start, m.end)).toBe('Jingmi Road');
  });

  it('splits a count and a measure word the dictionary joins, when the English does not render the whole', () => {
    expect(refit('一道門', ['一道', '門'], 'There was a door.')).toEqual(['一', '道', '門']);
    expect(refit('一道門', ['一道', '門'], 'They went through the door together.')).toEqual(['一道', '門']);
  });
});

describe('measure words the English renders (fit.ts)', () => {
  const deps = { lexicon, toSimplified: (t: string) => t, spell: (t: string) => pinyinSpeller(lexicon).spellings(t) };
  const kinds = (zh: string, en: string) => {
    // 五 (a count), then 條 as the segmenter marks a measure word after a count, then the rest.
    const tokens: Token[] = [
      { text: '五', start: 1, end: 2, kind: 'han' },
      { text: '條', start: 2, end: 3, kind: 'measure' },
      ...(zh.length > 3 ? [{ text: zh.slice(3), start: 3, end: zh.length, kind: 'han' } as Token] : []),
    ];
    return fitTokens(tokens, zh, englishContext(en), 'traditional', deps).map((t) => `${t.text}:${t.kind}`);
  };

  it('a measure word with no noun after it is a word when the English renders it', () => {
    expect(kinds('第五條', 'See Article 5.')).toContain('條:han');
    expect(kinds('第五條', 'See rule 5.')).toContain('條:measure');
  });

  it('one before its noun stays grammar, and its classifier sense renders nothing', () => {
    expect(kinds('第五條河', 'The fifth river: an article on it.')).toContain('條:measure');
    expect(kinds('第五條', 'Five ribbons.')).toContain('條:measure');
  });
});

describe('co-occurrence (cooccurrence.ts)', () => {
  it('learns the English word a Chinese word meets in every pair', () => {
    const pairs = [
      { f: ['貓', '狗'], e: ['cat', 'dog'] },
      { f: ['貓'], e: ['cat', 'sleep'] },
      { f: ['貓', '魚'], e: ['cat', 'fish'] },
    ];
    const table = new TranslationTable(pairs, () => false);
    expect(table.best('貓', ['cat', 'dog', 'fish', 'sleep'])).toMatchObject({ e: 'cat' });
    expect(table.best('貓', ['cat'])!.p).toBeGreaterThan(0.5);
  });
});
