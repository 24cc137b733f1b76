import { isFunctionWord, isGrammaticalSense, type LexiconEntry } from '../lexicon/index.js';
import type { Occurrence, Word } from './types.js';

/** Whether an entry carries content a learner studies, rather than grammar or a bare surname. */
export function isContentEntry(text: string, entry: LexiconEntry | null): boolean {
  return !isFunctionWord(text) && hasContentSenses(entry);
}

/** Whether an entry says something beyond grammar: not a variant, and a sense that is not grammatical. */
export function hasContentSenses(entry: LexiconEntry | null): boolean {
  if (!entry) return false;
  if (entry.flags.includes('variant')) return false;
  const senses = entry.senses;
  if (senses.length === 0) return false;
  if (senses.every(isGrammaticalSense)) return false;
  return true;
}

/** jieba's frequency and the article's own repetitions: common words the article leans on come first. */
export function usefulness(frequency: number, count: number, length: number, properNoun: boolean): number {
  return Math.log10(1 + frequency) + 1.5 * Math.log2(1 + count) - (length === 1 ? 1 : 0) - (properNoun ? 0.5 : 0);
}

/**
 * The words a learner is taken to know with no word list: the N most frequent (frequency/
 * ranks). 1,000 leaves out the basics every course starts with (人 12th, 來 25th, 說 32nd, 到
 * 34th, 新 88th) and, measured, 60% of a beginner's vocabulary (bench/levels.mjs), so that an
 * article's cards go to the words a reader of bilingual articles is learning; `--level 0` keeps them.
 */
export const DEFAULT_LEVEL = 1000;

/**
 * At most this many words are hidden in one sentence's cloze note. Each of its cards shows the
 * same sentence: past three a learner meets it often enough to remember the sentence instead
 * of the words, and a sentence with more new words than that is not one a learner can follow.
 */
export const MAX_CLOZES_PER_SENTENCE = 3;

export interface SelectOptions {
  /** Every distinct word found, chosen or not. */
  all?: boolean;
  /** Words the learner knows, in either script. */
  known?: Set<string>;
  /** The learner knows the N most frequent words (default DEFAULT_LEVEL). */
  level?: number;
  /** At most this many, the most useful first. */
  maxWords?: number;
}

const has = (w: Word, set: Set<string>) => set.has(w.text) || set.has(w.traditional) || set.has(w.simplified);

/** Whether the learner is taken to know a word: listed as known, or among the `level` most frequent. */
export const isKnown = (w: Word, known: Set<string>, level: number): boolean => has(w, known) || (w.rank !== null && w.rank <= level);

const byCodePoint = (a: Word, b: Word) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);

/** The words chosen for study (with `all`, every word), the most useful first. */
export function selectWords(words: Word[], opts: SelectOptions = {}): Word[] {
  const known = opts.known ?? new Set<string>();
  const level = opts.level ?? DEFAULT_LEVEL;
  const chosen = words
    .filter((w) => opts.all || (w.content && !isKnown(w, known, level)))
    // Code-point order breaks ties: stable across machines, and no collator to load.
    .sort((a, b) => b.usefulness - a.usefulness || byCodePoint(a, b));
  return opts.maxWords !== undefined ? chosen.slice(0, opts.maxWords) : chosen;
}

/** The occurrence a word's vocabulary note takes its example from: the one its gloss came from, else the first. */
export const exampleOf = (w: Word): Occurrence => w.occurrences.find((o) => o.gloss && o.gloss === w.gloss) ?? w.occurrences[0]!;

/**
 * Which sentences hide which words: ranked words, in order, each hidden in one sentence that
 * has room (fewer than `max` words hidden), the first such one other than its example sentence
 * (whose blank the word's own production card asks already) if there is one. A word no sentence
 * has room for is left for another article. Sentences are named by `sentenceOf`; returns the
 * sentence of each word taken.
 */
export function placeClozes(ranked: Word[], sentenceOf: (w: Word, pairId: string) => string, max = MAX_CLOZES_PER_SENTENCE): Map<Word, string> {
  const used = new Map<string, number>();
  const placed = new Map<Word, string>();
  for (const w of ranked) {
    const example = sentenceOf(w, exampleOf(w).pairId);
    const sentences = [...new Set(w.occurrences.map((o) => sentenceOf(w, o.pairId)))].filter((s) => (used.get(s) ?? 0) < max);
    const at = sentences.find((s) => s !== example) ?? sentences[0];
    if (at === undefined) continue;
    used.set(at, (used.get(at) ?? 0) + 1);
    placed.set(w, at);
  }
  return placed;
}
