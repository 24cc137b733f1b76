// The job behind `words`, `build` and `add`: articles → sentence pairs → every word with its
// entry, pinyin and gloss. The core is pure over articles in memory and loaded data.
import { loadArticles, type Article, type ParseOptions } from '../article/index.js';
import { loadLexicon } from '../lexicon/index.js';
import { loadSegmenter, loadSegmentDictionary, type UserDictionary } from '../segment/index.js';
import { applyUserEntries, loadUserDictionary } from './userdict.js';
import { extractWords, placeClozes, selectWords, type VocabDeps, type Word } from '../vocab/index.js';
import { alignArticle } from '../align/index.js';
import { loadFrequencyRanks } from '../frequency/index.js';
import type { AlignedArticle } from './align.js';

export interface StudiedArticle extends AlignedArticle {
  /** Every distinct word of the article's translated sentences. */
  words: Word[];
}

export type Progress = (done: number, total: number) => void;

/** What words are found with, and the learner's corrections (user-dict.txt), if any. */
export type StudyDeps = VocabDeps & { user?: UserDictionary };

/** Aligns each article and finds its words. */
export function studyArticles(articles: Article[], deps: StudyDeps, onProgress?: Progress): StudiedArticle[] {
  return articles.map((article, i) => {
    const pairs = alignArticle(article, deps.lexicon);
    // Credits and copyright lines are kept in the pairs but teach nothing.
    const words = extractWords(article, pairs.filter((p) => p.kind !== 'boilerplate'), deps);
    if (deps.user) applyUserEntries(words, deps.user, deps.dictionary.toSimplified);
    onProgress?.(i + 1, articles.length);
    return { article, pairs, words };
  });
}

/** The data words are found with: jieba is given only the dictionary words these articles contain. */
export async function loadVocabDeps(articles: Article[]): Promise<StudyDeps> {
  const lexicon = await loadLexicon();
  const dictionary = await loadSegmentDictionary();
  const user = loadUserDictionary(dictionary.toSimplified);
  const allChinese = articles.flatMap((a) => a.paragraphs.map((p) => p.zh ?? '')).join('\n');
  return { lexicon, dictionary, user, ranks: await loadFrequencyRanks(), segmenter: await loadSegmenter(allChinese, { userCuts: user.cuts }) };
}

/** Reads, aligns and segments articles, and finds every word with its entry, pinyin and gloss. */
export async function study(inputs: string[], opts: ParseOptions & { onProgress?: Progress } = {}): Promise<StudiedArticle[]> {
  const articles = await loadArticles(inputs, await loadLexicon(), opts);
  return studyArticles(articles, await loadVocabDeps(articles), opts.onProgress);
}

export interface ChoiceOptions {
  /** Every distinct word found, chosen or not (and no cap per sentence). */
  all?: boolean;
  /** Words the learner knows, in either script. */
  known?: Set<string>;
  /** The learner knows the N most frequent words (default DEFAULT_LEVEL). */
  level?: number;
  /** At most this many distinct words, the most useful first. */
  maxWords?: number;
}

/** A chosen word as one article uses it. */
export interface ChosenWord {
  word: Word;
  /** Index of the article among those studied together. */
  article: number;
  /** The sentence pair (its id in the article) whose cloze note hides it; none with `all`. */
  cloze?: string;
}

/**
 * The words chosen for study, in one choice over every article (what `words` lists and `build`
 * makes cards of): words the learner does not know, the most useful first, each hidden in one sentence with room for it (placeClozes: at most
 * MAX_CLOZES_PER_SENTENCE a sentence), so that a deck grows with its sentences. `maxWords`
 * counts distinct words (by their Simplified form), so a word two articles share is one. Each
 * article's use of a chosen word is a row; the word is hidden in one article's sentence.
 */
export function chooseWords(studied: readonly { words: Word[] }[], opts: ChoiceOptions = {}): ChosenWord[] {
  const articleOf = new Map<Word, number>();
  studied.forEach((s, a) => s.words.forEach((w) => articleOf.set(w, a)));
  const ranked = selectWords([...articleOf.keys()], { ...opts, maxWords: undefined });
  if (opts.all) return ranked.map((word) => ({ word, article: articleOf.get(word)! }));
  // A word two articles share is placed once: its first row in the ranking.
  const first = new Map<string, Word>();
  for (const w of ranked) if (!first.has(w.simplified)) first.set(w.simplified, w);
  const placed = placeClozes([...first.values()], (w, pairId) => `${articleOf.get(w)}:${pairId}`);
  const kept = new Map([...placed].slice(0, opts.maxWords ?? Infinity).map(([w, at]) => [w.simplified, { w, at }]));
  return ranked.flatMap((word) => {
    const k = kept.get(word.simplified);
    if (!k) return [];
    return [{ word, article: articleOf.get(word)!, ...(k.w === word ? { cloze: k.at.slice(k.at.indexOf(':') + 1) } : {}) }];
  });
}
