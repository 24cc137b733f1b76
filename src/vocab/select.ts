import type { LexiconEntry } from '../lexicon/index.js';
import type { Occurrence, Word } from './types.js';

// Grammatical words: particles, pronouns, conjunctions, prepositions, demonstratives. A learner
// meets them everywhere; they are not what an article teaches.
const FUNCTION_WORDS = new Set(
  `的 了 著 着 過 过 是 在 和 與 与 也 都 就 而 及 或 之 其 這 这 那 此 他 她 它 我 你 您 們 们 個 个 把 被 將 将 對 对 從 从 向 於 于
  以 為 为 所 等 嗎 吗 呢 吧 啊 呀 麼 么 得 地 很 又 還 还 再 才 只 已 並 并 但 且 則 则 即 若 因 由 給 给 讓 让 叫 跟 同 比 被 着
  這些 这些 那些 他們 他们 我們 我们 你們 你们 她們 她们 它們 它们 自己 什麼 什么 怎麼 怎么 一個 一个 一些 但是 而且 因為 因为
  所以 如果 雖然 虽然 這個 这个 那個 那个 哪 誰 谁 每 各 該 该 其中 其他 其它 這樣 这样 那樣 那样 這種 这种 這麼 这么 那麼 那么
  以及 或者 還是 还是 就是 也是 不是 沒有 没有 不 沒 没 有 會 会 能 要 可 可以 應該 应该 一 二 兩 两 三 哪些 如何 以後 以后 以前
  之後 之后 之前 當 当 時 时 上 下 中 裡 里 內 内 外 後 后 前 間 间 等等 一樣 一样 其實 其实 已經 已经 正在 曾 將會 将会 隨後 随后
  關於 关于 對於 对于 由於 由于 通過 通过 透過 透过 根據 根据 按照 依照 至於 至于 除了 為了 为了 因而 從而 从而 然而 而是`.split(/\s+/),
);

/** A grammatical word (particle, pronoun, conjunction…), as written in either script. */
export const isFunctionWord = (text: string) => FUNCTION_WORDS.has(text);

const GRAMMATICAL_SENSE = /\b(particle|marker|pronoun|suffix|prefix|classifier for|measure word)\b/i;

/** Whether an entry carries content a learner studies, rather than grammar or a bare surname. */
export function isContentEntry(text: string, entry: LexiconEntry | null): boolean {
  if (!entry || FUNCTION_WORDS.has(text)) return false;
  if (entry.flags.includes('variant')) return false;
  const senses = entry.senses;
  if (senses.length === 0) return false;
  if (senses.every((s) => GRAMMATICAL_SENSE.test(s) || /^surname\b/i.test(s))) return false;
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
