import type { Article, Script } from '../article/index.js';
import { textOf, type SentencePair } from '../align/index.js';
import { fallbackPinyin, GRAMMATICAL_CHARS, pinyinSpeller, variantTargets, type Lexicon, type LexiconEntry } from '../lexicon/index.js';
import { isAllHan, type SegmentDictionary, type Segmenter, type Token } from '../segment/index.js';
import { COOCCURRENCE_PARAMS, TranslationTable, type CooccurrencePair } from './cooccurrence.js';
import { dictionaryMatch, dictionaryMatches, englishContext, headMatches, isNounAfterDeterminer, namedPlaceMatch, latinMatch, surnameMatches, surnameOf, transliterationMatch, type EnglishContext, type GlossMatch } from './gloss.js';
import { fitTokens } from './fit.js';
import { edgeLinks, gapLinks, GAP_PARAMS } from './gaps.js';
import { neighbourSwaps } from './neighbours.js';
import { LIGHT_WORDS, MorphemeEvidence } from './morphemes.js';
import { SynonymEvidence } from './synonyms.js';
import { numberMatches, readNumeral, type Numeral } from './numbers.js';
import { hasContentSenses, isContentEntry, usefulness } from './select.js';
import type { Gloss, Occurrence, Word } from './types.js';
import { append } from '../util/collections.js';
import type { FrequencyRanks } from '../frequency/index.js';

/** How many uses of a word are weighed to choose its entry. */
const SAMPLE = 24;

export interface VocabDeps {
  lexicon: Lexicon;
  dictionary: SegmentDictionary;
  segmenter: Segmenter;
  /** Frequency ranks; without them every word is unranked. */
  ranks?: FrequencyRanks;
}

/** A translated sentence pair, ready for glossing. */
interface PairText {
  pair: SentencePair;
  zh: string;
  tokens: Token[];
  en: EnglishContext;
}

/** The entries a variant entry names, by the last form its senses give (the Simplified one). */
const variantsOf = (lexicon: Lexicon) => (e: LexiconEntry): LexiconEntry[] =>
  e.senses.flatMap((s) => {
    const forms = variantTargets(s);
    return forms.length ? lexicon.lookup(forms.at(-1)!) : [];
  });

/** The entries a written word may be: the article's script first, variants never. */
function candidates(text: string, script: Script, lexicon: Lexicon, simplified: string): LexiconEntry[] {
  let all = lexicon.lookup(text);
  if (all.length === 0 && simplified !== text) all = lexicon.lookup(simplified);
  let usable = all.filter((e) => !e.flags.includes('variant'));
  // A form CC-CEDICT knows only as a variant (身分 "variant of 身份") is taught as the word it is a variant of.
  if (usable.length === 0) usable = all.flatMap(variantsOf(lexicon)).filter((e) => !e.flags.includes('variant'));
  const inScript = usable.filter((e) => (script === 'traditional' ? e.traditional : e.simplified) === text);
  return inScript.length ? inScript : usable;
}

/**
 * Whether a span lies in a hyphenated word that starts with a number ("year" in "13-year-old"):
 * that is the number's and its measure word's rendering, not another word's (青年 "youthful years").
 */
function inNumberCompound(text: string, start: number, end: number): boolean {
  let s = start;
  while (s > 0 && /[A-Za-z0-9-]/.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && /[A-Za-z0-9-]/.test(text[e]!)) e++;
  return /^[0-9]+-/.test(text.slice(s, e)) && text.slice(s, e).length > end - start;
}

/** Every span of its English sentence that may render one occurrence of a word. */
function glossCandidates(d: Draft, ctx: EnglishContext): GlossMatch[] {
  const { entry, text, spellings } = d;
  let out = entry ? dictionaryMatches(entry, ctx).filter((m) => !inNumberCompound(ctx.text, m.start, m.end)) : [];
  if (d.functionWord) out = out.filter((m) => isNounAfterDeterminer(ctx, m));
  // A compound the dictionary lacks is rendered as its head word is, less surely (持久化 "persistence", as 持久).
  if (!entry && d.head) out.push(...headMatches(d.head, ctx));
  // Names are spelled in pinyin: a word CC-CEDICT lacks, or one it also knows as a name (微博 Weibo).
  if (ctx.capitalised && d.nameLike && (!entry || entry.flags.includes('proper-noun') || out.length === 0)) {
    const t = transliterationMatch(spellings, ctx) ?? (d.place ? namedPlaceMatch(d.place.spellings, d.place.suffix, ctx) : null);
    if (t) out.push(t);
  }
  const l = /[A-Za-z]/.test(text) ? latinMatch(text, ctx) : null;
  if (l) out.push(l);
  if (d.numeral) out.push(...numberMatches(d.numeral, ctx));
  return out;
}

interface Draft {
  text: string;
  entry: LexiconEntry | null;
  /** No entry, or one of its entries is a name: a pinyin spelling may render it. */
  nameLike: boolean;
  content: boolean;
  /** For a word of two or more characters the dictionary lacks: the entry of all but its last character (持久 of 持久化, 賦 of 賦有). */
  head: LexiconEntry | null;
  /** For a name the dictionary lacks: its last character as a word for what it names (路 of 京密路 "Jingmi Road"). */
  place: { spellings: string[]; suffix: LexiconEntry[] } | null;
  /** A function word with senses of content (时 "time", 後 "back"), glossed only by a noun after a determiner ("at the time"). */
  functionWord: boolean;
  /** What the word says as a number (三, 第十一, 一九六几), or null: numerals are glossed though they are function words. */
  numeral: Numeral | null;
  spellings: string[];
  occurrences: { p: PairText; start: number; end: number; gloss: Gloss | null; score: number }[];
}

type Occ = Draft['occurrences'][number];
type Offer = { o: Occ; m: GlossMatch; d: Draft };

/**
 * A span widened to the hyphenated word it is part of when the senses have that word: 內建
 * "built-in", matched on "built" ("in" tells nothing alone); not "mmseg-style" for 風格 "style".
 */
function wholeWords(text: string, from: number, to: number, senses: string[]): [number, number] {
  let start = from;
  let end = to;
  while (start > 1 && text[start - 1] === '-' && /[A-Za-z]/.test(text[start - 2]!)) {
    start -= 2;
    while (start > 0 && /[A-Za-z]/.test(text[start - 1]!)) start--;
  }
  while (text[end] === '-' && /[A-Za-z]/.test(text[end + 1] ?? '')) {
    end += 2;
    while (/[A-Za-z]/.test(text[end] ?? '')) end++;
  }
  if (start === from && end === to) return [from, to];
  const whole = text.slice(start, end).toLowerCase();
  return senses.some((s) => s.toLowerCase().includes(whole)) ? [start, end] : [from, to];
}

/**
 * Competitive linking, pair by pair: the strongest (word, span) matches are taken first, and
 * an English word rendering one Chinese word is not offered to another (聊天 takes "chat",
 * so 直播 keeps "live" rather than "live chat"). Spans already glossed in the pair stay taken.
 */
function assignGlosses(
  p: PairText,
  here: { d: Draft; o: Occ }[],
  candidatesOf: (d: Draft, ctx: EnglishContext, free: (start: number, end: number) => boolean) => GlossMatch[],
): void {
  const offers: Offer[] = [];
  const taken: [number, number][] = [];
  for (const { o } of here) if (o.gloss) taken.push([o.gloss.start, o.gloss.end]);
  const free = (start: number, end: number) => !taken.some(([s, e]) => start < e && s < end);
  const stronger = (a: GlossMatch, b: GlossMatch) => b.score - a.score || b.end - b.start - (a.end - a.start);
  // Between equal offers, the one whose two sides sit at like places in their sentences: a word
  // met twice (参数 … 参数) takes the English word nearer its own place, not the first one seen.
  const place = (start: number, end: number, length: number) => (start + end) / 2 / Math.max(1, length);
  const distortion = ({ o, m }: Offer) => Math.abs(place(o.start, o.end, p.zh.length) - place(m.start, m.end, p.en.text.length));
  for (const { d, o } of here) {
    // Grammatical words are not glossed. A word's few strongest spans are enough to compete with.
    if (o.gloss || !(d.content || !d.entry || d.numeral || d.functionWord)) continue;
    const spans = candidatesOf(d, p.en, free);
    if (spans.length > 1) spans.sort(stronger);
    for (let k = 0; k < spans.length && k < 4; k++) offers.push({ o, m: spans[k]!, d });
  }
  offers.sort((a, b) => stronger(a.m, b.m) || distortion(a) - distortion(b));
  for (const { o, m, d } of offers) {
    if (o.gloss || taken.some(([s, e]) => m.start < e && s < m.end)) continue;
    const [start, end] = wholeWords(p.en.text, m.start, m.end, d.entry?.senses ?? []);
    o.gloss = { text: p.en.text.slice(start, end), pairId: p.pair.id, start, end, evidence: m.evidence };
    o.score = m.score;
    taken.push([m.start, m.end]);
  }
}

/**
 * Every distinct Chinese word of an article's translated sentences, with the lexicon entry
 * that fits how the article uses it, its pinyin, senses, and the English span that renders
 * it in its aligned sentence.
 */
/**
 * The entry chosen for each word of an article, kept while the article is read in blocks (a
 * book): a word keeps the entry its first block chose for it, so it is one word throughout.
 */
export type EntryChoices = Map<string, { entry: LexiconEntry | null; nameLike: boolean }>;

export function extractWords(article: Article, pairs: SentencePair[], deps: VocabDeps, chosen?: EntryChoices): Word[] {
  const { lexicon, dictionary, segmenter } = deps;
  const spellings = new Map<string, string[]>();
  const spell = (text: string) => spellings.get(text) ?? spellings.set(text, pinyinSpeller(lexicon).spellings(text)).get(text)!;
  const fit = { lexicon, toSimplified: dictionary.toSimplified, spell };
  const texts: PairText[] = pairs
    .filter((p) => p.zh.length > 0)
    .map((pair) => {
      const zh = textOf(pair.zh, 'zh');
      const en = englishContext(textOf(pair.en, 'en'));
      return { pair, zh, en, tokens: fitTokens(segmenter.segment(zh, article.script), zh, en, article.script, fit) };
    });

  const drafts = new Map<string, Draft>();
  for (const p of texts) {
    for (const t of p.tokens) {
      if (t.kind !== 'han') continue;
      let d = drafts.get(t.text);
      if (!d) drafts.set(t.text, (d = { text: t.text, entry: null, nameLike: true, content: false, head: null, place: null, functionWord: false, numeral: readNumeral(t.text), spellings: spell(t.text), occurrences: [] }));
      // The score starts as -0, a double, not the small integer 0: storing a fractional score
      // later would otherwise change the hidden class of every occurrence (measured: pass one
      // of glossing a 1 MB article, 230 → 190 ms).
      d.occurrences.push({ p, start: t.start, end: t.end, gloss: null, score: -0 });
    }
  }

  for (const d of drafts.values()) {
    const earlier = chosen?.get(d.text);
    if (earlier) {
      d.entry = earlier.entry;
      d.nameLike = earlier.nameLike;
    } else chooseEntry(d);
    d.content = isContentEntry(d.text, d.entry);
    d.functionWord = !d.content && !GRAMMATICAL_CHARS.has(d.text) && hasContentSenses(d.entry);
    if (!d.entry && d.text.length >= 3 && isAllHan(d.text)) d.place = { spellings: spell(d.text.slice(0, -1)), suffix: lexicon.lookup(d.text.slice(-1)) };
    if (!d.entry && d.text.length >= 2 && isAllHan(d.text)) d.head = candidates(d.text.slice(0, -1), article.script, lexicon, dictionary.toSimplified(d.text.slice(0, -1)))[0] ?? null;
  }

  function chooseEntry(d: Draft): void {
    const options = candidates(d.text, article.script, lexicon, dictionary.toSimplified(d.text));
    d.nameLike = options.length === 0 || options.some((e) => e.flags.includes('proper-noun'));
    // The entry that fits: the one whose senses the aligned English uses most (長 zhǎng "grow"
    // vs cháng "long"); otherwise the everyday one, which lookups return first.
    d.entry = options[0] ?? null;
    let best = 0;
    for (const e of options.length > 1 ? options : []) {
      // A sample of its uses is enough to tell which reading the article means.
      const score = d.occurrences.slice(0, SAMPLE).reduce((s, o) => s + (dictionaryMatch(e, o.p.en)?.score ?? 0), 0);
      if (score > best + 1e-9) {
        d.entry = e;
        best = score;
      }
    }
    chosen?.set(d.text, { entry: d.entry, nameLike: d.nameLike });
  }
  const all = [...drafts.values()];
  // Each pair's word occurrences, so that linking a pair looks at that pair only.
  const byPair = new Map<PairText, { d: Draft; o: Occ }[]>();
  for (const d of all) for (const o of d.occurrences) append(byPair, o.p, { d, o });
  for (const [p, here] of byPair) assignGlosses(p, here, glossCandidates);
  glossBySurname(all, byPair, (ch) => pinyinSpeller(lexicon).readingLetters(ch));
  glossByCooccurrence(all, texts, (d) => Boolean(d?.content));
  // Then entries of like meaning, for content words still without a gloss.
  const synonyms = new SynonymEvidence(lexicon);
  for (const [p, here] of byPair) assignGlosses(p, here, (d, ctx, free) => (d.entry && d.content ? synonyms.matches(d.entry, ctx, free) : []));
  // Then the weakest evidence.
  const morphemes = new MorphemeEvidence(lexicon);
  for (const [p, here] of byPair) assignGlosses(p, here, (d, ctx, free) => (d.entry && d.content ? morphemes.matches(d.text, ctx, free) : []));
  // Last, words the dictionary lacks (调度器 "scheduler"), learnt from the text with what is left
  // unlinked. A pass of their own: in the first, they would draw "said" away from 表示.
  const unlisted = (d: Draft) => !d.entry && d.text.length > 1 && isAllHan(d.text);
  glossByCooccurrence(all, texts, (d) => Boolean(d && (d.content || unlisted(d))), unlisted);
  // A compound read through its head word (序列化) is a word to gloss there too.
  // An edge of a gap takes only a word that names something (not "use", not a code name: "repeat()").
  const specific = (en: EnglishContext, i: number) => {
    const t = en.tokens[i]!;
    return !LIGHT_WORDS.has(t.stem) && lexicon.reverse.entryCount(t.stem) <= GAP_PARAMS.edgeMaxRenderings && en.text[t.end] !== '(';
  };
  for (const [p, here] of byPair) glossGaps(p, here, (d) => d.content || d.head !== null, specific);
  // Then a repeated word's renderings moved to the occurrences their neighbours' stand beside.
  for (const [p, here] of byPair) swapByNeighbours(p, here);

  return all.map((d) => {
    const simplified = d.entry?.simplified ?? (article.script === 'traditional' ? dictionary.toSimplified(d.text) : d.text);
    const properNoun = Boolean(d.entry?.flags.includes('proper-noun')) || d.occurrences.some((o) => o.gloss?.evidence === 'transliteration');
    const frequency = dictionary.frequency(simplified);
    const strongest = d.occurrences.reduce<Draft['occurrences'][number] | null>((b, o) => (o.gloss && (!b || o.score > b.score) ? o : b), null);
    const word: Word = {
      text: d.text,
      // Without an entry there is no Simplified → Traditional table to ask: the word stays as written.
      traditional: d.entry?.traditional ?? d.text,
      simplified,
      entry: d.entry,
      pinyin: d.entry?.pinyin ?? '',
      senses: d.entry?.senses ?? [],
      gloss: strongest?.gloss ?? null,
      frequency,
      rank: deps.ranks?.rank(simplified) ?? null,
      occurrences: d.occurrences.map((o): Occurrence => ({ pairId: o.p.pair.id, start: o.start, end: o.end, gloss: o.gloss })),
      properNoun,
      content: d.content,
      usefulness: usefulness(frequency, d.occurrences.length, [...d.text].length, properNoun),
    };
    // A word CC-CEDICT lacks is never studied, and is read only by `words --all`: its pinyin
    // (and with it pinyin-pro, 20 ms to load) is fetched the first time it is asked for.
    if (!d.entry) lazyPinyin(word);
    return word;
  });
}

function lazyPinyin(word: Word): void {
  Object.defineProperty(word, 'pinyin', {
    enumerable: true,
    configurable: true,
    get(this: Word) {
      const value = fallbackPinyin(this.simplified);
      Object.defineProperty(this, 'pinyin', { value, enumerable: true, writable: true });
      return value;
    },
  });
}

/** Names spelled in full in one sentence take their surname alone in others (gloss.ts surnameOf). */
function glossBySurname(all: Draft[], byPair: Map<PairText, { d: Draft; o: Occ }[]>, readings: (ch: string) => string[]): void {
  const surnames = new Map<Draft, string>();
  for (const d of all) {
    if (!d.nameLike || d.occurrences.every((o) => o.gloss)) continue;
    for (const o of d.occurrences) {
      const s = o.gloss?.evidence === 'transliteration' ? surnameOf(o.gloss.text, readings(d.text[0]!)) : null;
      if (s) {
        surnames.set(d, s);
        break;
      }
    }
  }
  if (surnames.size === 0) return;
  for (const [p, here] of byPair) {
    if (here.some(({ d, o }) => !o.gloss && surnames.has(d))) assignGlosses(p, here, (d, ctx) => (surnames.has(d) ? surnameMatches(surnames.get(d)!, ctx) : []));
  }
}

/** A content word between two linked words takes the one English word left between their renderings, or right before its linked neighbour's (gaps.ts). */
function glossGaps(p: PairText, here: { d: Draft; o: Occ }[], glossable: (d: Draft) => boolean, usable: (en: EnglishContext, token: number) => boolean): void {
  const words = here.map(({ d, o }) => ({ start: o.start, end: o.end, gloss: o.gloss, glossable: glossable(d) }));
  const used = new Set<number>();
  for (const { word, token } of [...gapLinks(words, p.en), ...edgeLinks(words, p.en, (i) => usable(p.en, i))]) {
    if (here[word]!.o.gloss || used.has(token)) continue;
    used.add(token);
    const o = here[word]!.o;
    const t = p.en.tokens[token]!;
    o.gloss = { text: t.text, pairId: p.pair.id, start: t.start, end: t.end, evidence: 'position' };
    o.score = GAP_PARAMS.score;
  }
}

/** A pair's repeated words given the renderings their neighbours agree with (neighbours.ts). */
function swapByNeighbours(p: PairText, here: { d: Draft; o: Occ }[]): void {
  const order = here.slice().sort((a, b) => a.o.start - b.o.start);
  const n = order.length;
  // Two dictionary glosses exchange only where each word's entry renders the other's span (有权
  // "right", 权利 "rights"). Which occurrence's word renders which one's span, found from the
  // spans each entry renders (not by asking every two occurrences: a book has 45,000 pairs).
  const bySpan = new Map<number, number[]>();
  order.forEach(({ o }, i) => {
    if (o.gloss?.evidence === 'dictionary') append(bySpan, o.gloss.start * 65536 + o.gloss.end, i);
  });
  const renders = new Set<number>();
  if (bySpan.size > 1) {
    order.forEach(({ d, o }, a) => {
      if (o.gloss?.evidence !== 'dictionary' || !d.entry) return;
      for (const m of dictionaryMatches(d.entry, p.en)) for (const b of bySpan.get(m.start * 65536 + m.end) ?? []) if (b !== a) renders.add(a * n + b);
    });
  }
  const exchangeable = (a: number, b: number) => renders.has(a * n + b) && renders.has(b * n + a);
  // Most pairs have nothing to exchange: the neighbours are read only where something may move.
  // A word met twice with a rendering at one of them, or two occurrences that may exchange theirs.
  const met = new Map<Draft, number>();
  const glossed = new Set<Draft>();
  for (const { d, o } of order) {
    met.set(d, (met.get(d) ?? 0) + 1);
    if (o.gloss) glossed.add(d);
  }
  let any = [...glossed].some((d) => met.get(d)! > 1);
  for (const k of renders) any ||= renders.has((k % n) * n + Math.floor(k / n));
  if (!any) return;
  for (const [a, b] of neighbourSwaps(order.map(({ d, o }) => ({ key: d.text, start: o.start, end: o.end, gloss: o.gloss })), p.zh, p.en, exchangeable)) {
    const x = order[a]!.o;
    const y = order[b]!.o;
    [x.gloss, y.gloss] = [y.gloss, x.gloss];
    [x.score, y.score] = [y.score, x.score];
  }
}

/**
 * For content words the dictionary could not gloss and the article uses more than once: the
 * English word the article's own pairs say they translate, when that is clear.
 */
function glossByCooccurrence(
  drafts: Draft[],
  texts: PairText[],
  /** The words the table is learnt over. */
  learnable: (d: Draft | undefined) => boolean,
  /** The words that are given glosses from it. */
  needs: (d: Draft) => boolean = learnable,
): void {
  const needy = drafts.filter((d) => needs(d) && d.occurrences.length > 1 && d.occurrences.every((o) => !o.gloss));
  if (needy.length === 0) return;
  const byText = new Map(drafts.map((d) => [d.text, d]));
  // Only the pairs a needy word occurs in bear on its translation; a sample of them is enough.
  const relevant = new Set(needy.flatMap((d) => d.occurrences.slice(0, COOCCURRENCE_PARAMS.sample).map((o) => o.p)));
  const corpus: CooccurrencePair[] = texts
    .filter((p) => relevant.has(p))
    .map((p) => ({
      f: p.tokens.filter((t) => learnable(byText.get(t.text))).map((t) => t.text),
      e: p.en.tokens.filter((t) => t.content).map((t) => t.stem),
    }));
  // The dictionary's seed: the English stems each word was already glossed with, wherever it was.
  const glossed = new Map<string, Set<string>>();
  for (const d of drafts) {
    for (const o of d.occurrences) {
      if (!o.gloss) continue;
      const stems = glossed.get(d.text) ?? glossed.set(d.text, new Set()).get(d.text)!;
      for (const t of o.p.en.tokens) if (t.start >= o.gloss.start && t.end <= o.gloss.end) stems.add(t.stem);
    }
  }
  const seed = (f: string, e: string) => glossed.get(f)?.has(e) ?? false;
  const table = new TranslationTable(corpus, seed);
  // English spans each pair's words already render are taken.
  const taken = new Map<PairText, Gloss[]>();
  for (const x of drafts) for (const y of x.occurrences) if (y.gloss) append(taken, y.p, y.gloss);
  for (const d of needy) {
    for (const o of d.occurrences.filter((x) => relevant.has(x.p))) {
      const spans = taken.get(o.p) ?? [];
      const free = o.p.en.tokens.filter((t) => t.content && !spans.some((g) => t.start < g.end && g.start < t.end));
      const best = table.best(d.text, free.map((t) => t.stem));
      if (!best || best.p < COOCCURRENCE_PARAMS.minProbability) continue;
      const tok = free.find((t) => t.stem === best.e)!;
      o.gloss = { text: tok.text, pairId: o.p.pair.id, start: tok.start, end: tok.end, evidence: 'cooccurrence' };
      o.score = best.p;
      append(taken, o.p, o.gloss);
    }
  }
}
