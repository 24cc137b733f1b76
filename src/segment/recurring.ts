// jieba's HMM guesses words its dictionary lacks from the characters' usual positions in a
// word. A guess the text makes again is likely a name or a term (左詩雅 … 左詩雅); a guess
// made once is as often two words run together (今天很 → 今天 很). So a guessed word is kept
// only when it occurs at least twice in the whole text (measured on the SIGHAN first halves,
// bench/RESULTS.md), and otherwise cut again by the dictionary alone.

/**
 * Degree adverbs: before an adjective or a verb of feeling they make a phrase, not a word
 * (很 好 "very good", 更 好 "better", 太 大 "too big"). Words that start with one and mean
 * something else (太阳, 更新, 更加) are CC-CEDICT words; a guess that starts with one is not kept.
 */
export const DEGREE_ADVERBS = '很更太';

/**
 * A degree adverb and the words it makes a phrase with. 很多, 更多, 太少 are quantifiers that
 * stand before a noun with nothing between (很多人, where an adjective needs 的: 很大的房子),
 * and are kept whole.
 */
const DEGREE_CODES = [...DEGREE_ADVERBS].map((c) => c.charCodeAt(0));
const DUO = '多'.charCodeAt(0);
const SHAO = '少'.charCodeAt(0);
// By code unit: asked of every guess, where comparing one-character strings (jieba's, sliced
// or not) deoptimised the compiled test.
export const isDegreePhrase = (w: string) =>
  w.length >= 2 && DEGREE_CODES.includes(w.charCodeAt(0)) && !(w.length === 2 && (w.charCodeAt(1) === DUO || w.charCodeAt(1) === SHAO));

/** How often a guessed word must occur in the text to be kept. */
export const RECURRING_MIN = 2;

/**
 * Whether a word jieba guessed stands: it does not start with a degree adverb and occurs at
 * least `min` times in `text`. The text's positions are indexed
 * by character once (a counting sort, a few ms for a long text); a string is then checked
 * only where its rarest character occurs, and the search stops at `min`.
 */
export function recurrenceTest(text: string, min = RECURRING_MIN): (word: string) => boolean {
  const r = new Recurrence(text, min);
  return (word) => r.test(word);
}

/** recurrenceTest's index of a text, as a class (load.ts's segmenters call its method: see segmenter.ts TextModel). */
export class Recurrence {
  private readonly count = new Uint32Array(65536);
  private readonly begin = new Uint32Array(65536);
  private readonly at: Uint32Array;

  constructor(
    private readonly text: string,
    private readonly min = RECURRING_MIN,
  ) {
    const n = text.length;
    const count = this.count;
    // Counts per character, then each character's first slot in `at`: visiting only the
    // characters the text has (not all 65,536 codes, which cost a short article 2–3 ms cold).
    const codes: number[] = [];
    for (let i = 0; i < n; i++) if (count[text.charCodeAt(i)]!++ === 0) codes.push(text.charCodeAt(i));
    codes.sort((a, b) => a - b);
    const begin = this.begin;
    let sum = 0;
    for (const c of codes) {
      begin[c] = sum;
      sum += count[c]!;
    }
    const fill = begin.slice();
    const at = (this.at = new Uint32Array(n));
    for (let i = 0; i < n; i++) at[fill[text.charCodeAt(i)]!++] = i;
  }

  test(word: string): boolean {
    if (isDegreePhrase(word)) return false;
    const { count, min } = this;
    let rare = 0;
    let fewest = Infinity;
    for (let k = 0; k < word.length; k++) {
      const c = count[word.charCodeAt(k)]!;
      if (c < fewest) {
        fewest = c;
        rare = k;
      }
    }
    if (fewest < min) return false;
    const c = word.charCodeAt(rare);
    // The character after the rarest one is compared first: most places fail there, without
    // a call. (A place before the text's start is left to startsWith, which reads it as 0.)
    const next = rare + 1 < word.length ? word.charCodeAt(rare + 1) : -1;
    const text = this.text;
    let found = 0;
    for (let p = this.begin[c]!, end = p + count[c]!; p < end && found < min; p++) {
      const q = this.at[p]!;
      if (next >= 0 && q >= rare && text.charCodeAt(q + 1) !== next) continue;
      if (text.startsWith(word, q - rare)) found++;
    }
    return found >= min;
  }
}

/**
 * The words of a text's dictionary, as a bit set on a hash of their characters: asked of
 * every word of every cut, where a `Set` of strings cost a fifth of the cut's time (its
 * entries are scattered over the heap). A collision, about one word in a hundred, only lets
 * a guess stand.
 */
export class WordBits {
  private readonly bits = new Int32Array(1 << 17);

  private static hash(w: string): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), 0x01000193);
    return (h ^ (h >>> 15)) & 0x3fffff;
  }

  add(w: string): void {
    const h = WordBits.hash(w);
    this.bits[h >>> 5]! |= 1 << (h & 31);
  }

  has(w: string): boolean {
    const h = WordBits.hash(w);
    return (this.bits[h >>> 5]! & (1 << (h & 31))) !== 0;
  }
}
