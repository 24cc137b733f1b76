import type { LexiconEntry } from '../lexicon/index.js';
import type { Word } from './types.js';

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

export interface SelectOptions {
  /** Every distinct word found, chosen or not. */
  all?: boolean;
  /** Words the learner knows, in either script. */
  known?: Set<string>;
  /** At most this many, the most useful first. */
  maxWords?: number;
}

const isKnown = (w: Word, known: Set<string>) => known.has(w.text) || known.has(w.traditional) || known.has(w.simplified);

/** The words chosen for study, most useful first (with `all`, every word, in the same order). */
export function selectWords(words: Word[], opts: SelectOptions = {}): Word[] {
  const known = opts.known ?? new Set<string>();
  const chosen = words
    .filter((w) => opts.all || (w.content && !isKnown(w, known)))
    // Code-point order breaks ties: stable across machines, and no collator to load.
    .sort((a, b) => b.usefulness - a.usefulness || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return opts.maxWords !== undefined ? chosen.slice(0, opts.maxWords) : chosen;
}
