// The one list of Chinese function words, and the two views of it that other stages read: the
// characters the aligner skips, and the characters too common inside compounds to say what a
// compound means. Both scripts are listed: lookups are by the text as written.

// Particles, pronouns, conjunctions, prepositions, demonstratives and aspect adverbs: the
// grammatical characters. Their senses describe grammar ("possessive particle"), not content.
const GRAMMATICAL = '的了着著是在和与與也都就而及或之其这這那此他她它我你您们們个個把被将將对對从從向于於以为為所等吗嗎呢吧啊呀么麼得地很又还還再才只已';

// Further function words: more grammatical characters, and words of several characters.
const MORE_FUNCTION_WORDS = `過 过 並 并 但 且 則 则 即 若 因 由 給 给 讓 让 叫 跟 同 比
  這些 这些 那些 他們 他们 我們 我们 你們 你们 她們 她们 它們 它们 自己 什麼 什么 怎麼 怎么 一個 一个 一些 但是 而且 因為 因为
  所以 如果 雖然 虽然 這個 这个 那個 那个 哪 誰 谁 每 各 該 该 其中 其他 其它 這樣 这样 那樣 那样 這種 这种 這麼 这么 那麼 那么
  以及 或者 還是 还是 就是 也是 不是 沒有 没有 不 沒 没 有 會 会 能 要 可 可以 應該 应该 一 二 兩 两 三 哪些 如何 以後 以后 以前
  之後 之后 之前 當 当 時 时 上 下 中 裡 里 內 内 外 後 后 前 間 间 等等 一樣 一样 其實 其实 已經 已经 正在 曾 將會 将会 隨後 随后
  關於 关于 對於 对于 由於 由于 通過 通过 透過 透过 根據 根据 按照 依照 至於 至于 除了 為了 为了 因而 從而 从而 然而 而是`.split(/\s+/);

/** Grammatical characters: what the aligner's evidence skips when one stands alone. */
export const GRAMMATICAL_CHARS: ReadonlySet<string> = new Set(GRAMMATICAL);

// Grammatical words: a learner meets them everywhere; they are not what an article teaches.
const FUNCTION_WORDS = new Set([...GRAMMATICAL, ...MORE_FUNCTION_WORDS]);

/** A grammatical word (particle, pronoun, conjunction…), as written in either script. */
export const isFunctionWord = (text: string) => FUNCTION_WORDS.has(text);

// Of the grammatical characters, the sentence particles and adverbs (吗, 呢, 很, 才, 已) rarely
// build compounds; the rest do (們 in 我們, 的 in 目的), as do these function words and the
// productive morphemes after them (人, 性, 化, 者, 家).
const STANDS_ALONE = '着著您吗嗎呢吧啊呀么麼很又还還再才只已';
const WEAK = new Set([...[...GRAMMATICAL].filter((c) => !STANDS_ALONE.includes(c)), ...'一不中上下有可時时', ...'人大小子兒儿家學学性化者無无來来出到多少好年日月天事物心手發发生成行方面']);

/** A character too common in compounds to say anything about a compound's meaning. */
export const isWeakMorpheme = (ch: string) => WEAK.has(ch);
