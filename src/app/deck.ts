// The core of `zhdeck build`: studied articles → notes → a deck sink, in bounded memory. Input
// of up to BLOCK_CHARS characters is studied whole, exactly as deckFromStudied does; longer input
// (a book, fifty articles) is aligned, segmented and glossed a block of paragraphs at a time,
// each block's cloze and translation notes handed to the sink as soon as they are made.
//
// What stays global is what the choice of words needs, as one summary per distinct word of each
// article (its count, its gloss and example, whether it is a name), never every occurrence: the
// vocabulary notes, made from the summaries, come last. Without --max-words a word is a target
// by itself (a content word the learner does not know), so one pass does. With --max-words the
// most useful words over the whole input are chosen first, from the summaries of a first pass,
// and a second pass makes the notes of those words.
import { alignInBlocks, textOf, type SentencePair } from '../align/index.js';
import type { Article } from '../article/index.js';
import type { DeckSink } from '../export/index.js';
import { addPairNotes, addVocabularyNotes, introductionOrder, makeNotes, NoteCollector, slugOf, vocabularyTags, type Note, type Positions } from '../notes/index.js';
import { exampleOf, extractWords, placeClozes, selectWords, usefulness, type EntryChoices, type Word } from '../vocab/index.js';
import { knownFor, type LearnerKnowledge } from './known.js';
import { applyUserEntries } from './userdict.js';
import { chooseWords, studyArticles, type Progress, type StudyDeps } from './study.js';
import type { NoteOptions } from '../notes/index.js';
import type { ChoiceOptions, StudiedArticle } from './study.js';

/**
 * Characters of text studied at a time. Up to this much input is one block (the whole input,
 * however many articles), so a build of ordinary articles is the same as studying them all at
 * once; a long article is cut at the paragraph after this many characters (about 85 KB of
 * UTF-8 in a bilingual text, some 750 sentence pairs: enough for a word's entry and glosses to
 * be chosen from its uses, and a block's working set small beside what the build keeps).
 */
export const BLOCK_CHARS = 50_000;

export interface DeckOptions extends NoteOptions, Omit<ChoiceOptions, 'all'> {
  /** What the learner knows (readKnowledge): its words are no targets, with `known` if given. */
  knowledge?: LearnerKnowledge;
  /** Words the collection's reviews taught through these articles stay their targets (zhdeck add: no learned card is suspended for being learned). */
  keepTaught?: boolean;
  /** Characters studied at a time (default BLOCK_CHARS); input up to this size is studied whole. */
  blockChars?: number;
  /**
   * Called after each part of a long deck is written (the CLI keeps its memory in bounds
   * there); `last` once every part is, before the package is finished.
   */
  onPart?: (last?: boolean) => void;
}

/** The notes of articles studied together, and what they were made from. */
export interface Deck {
  studied: StudiedArticle[];
  notes: Note[];
  /** How many distinct words became targets. */
  targets: number;
  /** The order their new cards are introduced in (i+1). */
  positions: Positions;
}

/** The words a build takes as known: `known`, and what the learner's knowledge says (but what articles added again taught them, with keepTaught). */
function knownOf(studied: { article: Article }[], opts: DeckOptions): Set<string> | undefined {
  const k = opts.knowledge;
  const taught = k && knownFor(k, opts.keepTaught ? studied.map((s) => slugOf(s.article.title)) : []);
  return opts.known && taught ? new Set([...opts.known, ...taught]) : (opts.known ?? taught);
}

/**
 * The words chosen for study across all the articles (chooseWords: each hidden in one sentence
 * with room), then their cloze, translation and vocabulary notes, and the i+1 order of their cards.
 */
export function deckFromStudied(studied: StudiedArticle[], opts: DeckOptions = {}): Deck {
  const chosen = chooseWords(studied, { ...opts, known: knownOf(studied, opts) });
  const sets = studied.map((s, a) => {
    const here = chosen.filter((c) => c.article === a);
    const clozes = new Map<string, Set<Word>>();
    for (const c of here) if (c.cloze !== undefined) (clozes.get(c.cloze) ?? clozes.set(c.cloze, new Set()).get(c.cloze)!).add(c.word);
    return { ...s, words: here.map((c) => c.word), clozes };
  });
  const notes = makeNotes(sets, opts);
  return { studied, notes, targets: new Set(chosen.map((c) => c.word.simplified)).size, positions: introductionOrder(notes) };
}

/**
 * More new cards than this in one build, and the CLI warns: at Anki's default of 20 new cards
 * a day, 5,000 cards are 250 days of new cards, a year of daily study. One news article makes
 * a few hundred; a book makes tens of thousands.
 */
export const MANY_CARDS = 5_000;

/** A count with thousands separated by commas, as toLocaleString('en') writes it, without loading ICU's number formats (~25 ms). */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The warning for a deck too big to study (MANY_CARDS), with what would make it smaller: one for build and add. */
export function manyCards(cards: number, words: number | undefined, maxWords: number | undefined): string {
  const years = cards / 20 / 365;
  const time = years >= 1 ? `${years.toFixed(1)} years` : `${Math.round(cards / 20)} days`;
  const fewer = words === undefined ? Infinity : Math.max(100, Math.round((words * MANY_CARDS) / cards / 100) * 100);
  const hint =
    words === undefined || fewer >= words
      ? 'build fewer articles at once'
      : maxWords === undefined || maxWords > fewer
        ? `--max-words ${fewer} keeps the ${fewer} most useful words`
        : 'a smaller --max-words keeps fewer words';
  const what = words === undefined ? '' : ` for ${thousands(words)} words`;
  return `zhdeck: warning: ${thousands(cards)} new cards${what}, ${time} of new cards at Anki's default of 20 a day; ${hint}, and --known SOURCE or --level N leaves out the words you know`;
}

/** What a deck holds, counted as it is written. */
export interface DeckCounts {
  articles: number;
  /** Translated sentence pairs (both sides). */
  pairs: number;
  /** Distinct words (by their Simplified form) that became targets. */
  words: number;
  notes: { cloze: number; translation: number; vocabulary: number; total: number };
  cards: number;
}

/** A distinct word of one article, as the choice and its vocabulary note need it. */
interface Summary {
  /** The word as its first block found it, holding one occurrence: its example. */
  word: Word;
  /** The sentence pair of that example. */
  pair: SentencePair;
  count: number;
}

const charsOf = (a: Article) => a.paragraphs.reduce((n, p) => n + (p.en?.length ?? 0) + (p.zh?.length ?? 0), 0);

/** Whether articles are studied whole (not in blocks): what every short input is. */
export const studiedWhole = (articles: Article[], opts: Pick<DeckOptions, 'blockChars'> = {}) =>
  articles.reduce((n, a) => n + charsOf(a), 0) <= (opts.blockChars ?? BLOCK_CHARS);

/** Counts of notes and cards as parts of the deck are written. */
class Counter implements DeckCounts {
  pairs = 0;
  words = 0;
  notes = { cloze: 0, translation: 0, vocabulary: 0, total: 0 };
  cards = 0;
  constructor(readonly articles: number) {}

  add(notes: readonly Note[]): void {
    for (const n of notes) {
      this.notes[n.kind]++;
      this.cards += n.cards;
    }
    this.notes.total += notes.length;
  }

  counts(): DeckCounts {
    return { articles: this.articles, pairs: this.pairs, words: this.words, notes: this.notes, cards: this.cards };
  }
}

/** The counts of a deck made in memory. */
export function countsOf(deck: Deck): DeckCounts {
  const c = new Counter(deck.studied.length);
  c.pairs = deck.studied.reduce((n, s) => n + translated(s.pairs), 0);
  c.words = deck.targets;
  c.add(deck.notes);
  return c.counts();
}

const translated = (pairs: SentencePair[]) => pairs.filter((p) => p.en.length && p.zh.length).length;

/** A copy of a string that holds no larger string it was cut from (V8 keeps a slice's parent alive). */
const own = (s: string) => (s.length > 12 ? (` ${s}`).slice(1) : s);

/**
 * A word's summary from one block, made from the block's word itself (the block is done with
 * it): it keeps one occurrence, its example (the use its gloss came from, else its first), and of
 * that example's pair only what its note shows, the pair's two texts.
 */
function summaryOf(w: Word, pairOf: (id: string) => SentencePair): Summary {
  const example = exampleOf(w);
  const count = w.occurrences.length;
  if (w.gloss) w.gloss = { ...w.gloss, text: own(w.gloss.text) };
  w.occurrences = [{ ...example, gloss: example.gloss === null ? null : w.gloss }];
  return { word: w, pair: pairOf(example.pairId), count };
}

/** A block's pairs as examples keep them: each side's sentences as one, its own copy of the text (textOf is the same). */
function examplePairs(pairs: SentencePair[]): (id: string) => SentencePair {
  const byId = new Map(pairs.map((p) => [p.id, p]));
  const made = new Map<string, SentencePair>();
  return (id) => {
    let pair = made.get(id);
    if (!pair) {
      const p = byId.get(id)!;
      const side = (lang: 'en' | 'zh') => (p[lang].length ? [{ index: p[lang][0]!.index, text: own(textOf(p[lang], lang)) }] : []);
      made.set(id, (pair = { id: p.id, en: side('en'), zh: side('zh'), confidence: p.confidence, paragraph: p.paragraph, kind: p.kind, source: p.source }));
    }
    return pair;
  };
}

/**
 * Adds a block's words to an article's summaries: counts add up; a gloss is kept from the first
 * block that has one. Only words that may be chosen are kept (`candidate`): a function word or
 * one the learner knows never is, and most of a long text's distinct words are such.
 */
function summarize(into: Map<string, Summary>, words: Word[], pairs: SentencePair[], candidate: (w: Word) => boolean): void {
  const pairOf = examplePairs(pairs);
  for (const w of words) {
    if (!candidate(w)) continue;
    const s = into.get(w.text);
    if (!s) {
      into.set(w.text, summaryOf(w, pairOf));
      continue;
    }
    const properNoun = s.word.properNoun || w.properNoun;
    if (!s.word.gloss && w.gloss) {
      const next = summaryOf(w, pairOf);
      s.word = next.word;
      s.pair = next.pair;
      s.count += next.count;
    } else {
      s.count += w.occurrences.length;
    }
    s.word.properNoun = properNoun;
  }
}

/** A summary's word as a word of the whole article: usefulness from the whole article's count. */
function wordOf(s: Summary): Word {
  s.word.usefulness = usefulness(s.word.frequency, s.count, [...s.word.text].length, s.word.properNoun);
  return s.word;
}

const wordsOf = (summaries: Map<string, Summary>): Word[] => [...summaries.values()].map(wordOf);

/** Vocabulary notes made and written at a time. */
const VOCABULARY_PART = 1_000;

/** Writes the deck of some articles into a sink (begun and finished here; aborted on failure). */
export async function writeDeck(articles: Article[], deps: StudyDeps, sink: DeckSink, opts: DeckOptions & { onProgress?: Progress } = {}): Promise<DeckCounts> {
  await sink.begin();
  try {
    const counts = studiedWhole(articles, opts) ? await whole(articles, deps, sink, opts) : await inBlocks(articles, deps, sink, opts);
    // What studying the input kept is garbage now; finishing a package orders every card.
    opts.onPart?.(true);
    await sink.finish();
    return counts;
  } catch (e) {
    await sink.abort();
    throw e;
  }
}

/** Everything studied at once: the notes deckFromStudied makes, in one part. */
async function whole(articles: Article[], deps: StudyDeps, sink: DeckSink, opts: DeckOptions & { onProgress?: Progress }): Promise<DeckCounts> {
  const deck = deckFromStudied(studyArticles(articles, deps, opts.onProgress), opts);
  await sink.add(deck.notes);
  return countsOf(deck);
}

/** One pass over every block of every article, in order: its pairs and its words. */
function* blocksOf(articles: Article[], deps: StudyDeps, entries: EntryChoices[], blockChars: number): Generator<{ a: number; pairs: SentencePair[]; words: Word[] }> {
  for (let a = 0; a < articles.length; a++) {
    for (const pairs of alignInBlocks(articles[a]!, deps.lexicon, blockChars)) {
      const words = extractWords(articles[a]!, pairs, deps, entries[a]);
      if (deps.user) applyUserEntries(words, deps.user, deps.dictionary.toSimplified);
      yield { a, pairs, words };
    }
  }
}

async function inBlocks(articles: Article[], deps: StudyDeps, sink: DeckSink, opts: DeckOptions & { onProgress?: Progress }): Promise<DeckCounts> {
  const entries = articles.map((): EntryChoices => new Map());
  const summaries = articles.map(() => new Map<string, Summary>());
  const c = new Counter(articles.length);
  // A content word the learner does not know (nor takes to know: --level) may be a target.
  const known = knownOf(articles.map((article) => ({ article })), opts);
  const candidate = (w: Word) => w.content && selectWords([w], { known, level: opts.level }).length > 0;
  let chosen = candidate;
  if (opts.maxWords !== undefined) {
    // The first pass only counts: the most useful words over everything, then the notes.
    for (const { a, pairs, words } of blocksOf(articles, deps, entries, opts.blockChars ?? BLOCK_CHARS)) {
      summarize(summaries[a]!, words, pairs, candidate);
      opts.onPart?.();
    }
    const ranked = selectWords(summaries.flatMap(wordsOf), { known, level: opts.level });
    const kept = new Set([...new Set(ranked.map((w) => w.simplified))].slice(0, opts.maxWords));
    chosen = (w) => w.content && kept.has(w.simplified);
  }
  // A word is a target once a block hides it in a sentence with room (placeClozes, in the
  // block's order of usefulness); later blocks do not hide it again.
  const placed = new Set<string>();
  const isTarget = (w: Word) => placed.has(w.simplified);
  // Pair notes already written, so that a line met again in a later block is not a second note.
  const written = new Set<string>();
  let last = -1;
  for (const { a, pairs, words } of blocksOf(articles, deps, entries, opts.blockChars ?? BLOCK_CHARS)) {
    if (a !== last && last >= 0) opts.onProgress?.(last + 1, articles.length);
    last = a;
    const notes = new NoteCollector();
    const fresh = selectWords(words.filter((w) => chosen(w) && !placed.has(w.simplified)), { known, level: opts.level });
    const clozes = new Map<string, Set<Word>>();
    for (const [w, at] of placeClozes(fresh, (_, pairId) => pairId)) {
      placed.add(w.simplified);
      (clozes.get(at) ?? clozes.set(at, new Set()).get(at)!).add(w);
    }
    addPairNotes({ article: articles[a]!, pairs, words: words.filter(isTarget), clozes }, opts, notes, (guid) => written.has(guid));
    const part = notes.take();
    for (const n of part) written.add(n.guid);
    c.pairs += translated(pairs);
    c.add(part);
    await sink.add(part);
    if (opts.maxWords === undefined) summarize(summaries[a]!, words, pairs, candidate);
    opts.onPart?.();
  }
  if (last >= 0) opts.onProgress?.(last + 1, articles.length);
  // Last, one vocabulary note per target word, with the tags of every article it is a target in,
  // made and written a part at a time: their fields are most of a deck's size.
  const first: { a: number; s: Summary }[] = [];
  const tags = new Map<string, Set<string>>();
  summaries.forEach((s, a) => {
    for (const x of s.values()) {
      const w = wordOf(x);
      if (!isTarget(w)) continue;
      let t = tags.get(w.simplified);
      if (!t) {
        tags.set(w.simplified, (t = new Set()));
        first.push({ a, s: x });
      }
      for (const tag of vocabularyTags(articles[a]!, w, opts)) t.add(tag);
    }
  });
  c.words = first.length;
  for (let k = 0; k < first.length; k += VOCABULARY_PART) {
    const notes = new NoteCollector();
    for (const { a, s } of first.slice(k, k + VOCABULARY_PART)) addVocabularyNotes({ article: articles[a]!, pairs: [s.pair], words: [s.word] }, opts, notes);
    const part = notes.take();
    part.forEach((n, i) => (n.tags = [...tags.get(first[k + i]!.s.word.simplified)!]));
    c.add(part);
    await sink.add(part);
    opts.onPart?.();
  }
  return c.counts();
}
