/**
 * A sorted set of words kept as one string plus offsets: no per-word objects, searched by
 * bisection. Both install-time dictionaries (the lexicon, the segmenter's) are read this way.
 */
export class SortedKeys {
  /** The longest key, in UTF-16 code units: how far a prefix search has to look. */
  readonly maxLength: number;

  constructor(
    private readonly keys: string,
    private readonly offsets: Uint32Array,
    /**
     * Where the keys starting with each UTF-16 code unit begin (65,537 entries), then the
     * longest key's length: the first bisection done ahead, at install time (see pack).
     */
    private readonly firstUnit: Uint32Array,
  ) {
    this.maxLength = firstUnit[65537]!;
  }

  /** Packs words (any order) into what the constructor takes; the sorted words come back too. */
  static pack(words: Iterable<string>): { keys: string; offsets: Uint32Array; firstUnit: Uint32Array; sorted: string[] } {
    const sorted = [...new Set(words)].sort();
    const offsets = new Uint32Array(sorted.length + 1);
    const firstUnit = new Uint32Array(65538);
    let at = 0;
    let unit = 0;
    let max = 0;
    sorted.forEach((w, i) => {
      offsets[i] = at;
      at += w.length;
      max = Math.max(max, w.length);
      const c = w.charCodeAt(0);
      while (unit <= c) firstUnit[unit++] = i;
    });
    while (unit <= 65536) firstUnit[unit++] = sorted.length;
    firstUnit[65537] = max;
    offsets[sorted.length] = at;
    return { keys: sorted.join(''), offsets, firstUnit, sorted };
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  at(i: number): string {
    return this.keys.slice(this.offsets[i], this.offsets[i + 1]);
  }

  /** Key i compared with `word`, code unit by code unit as JavaScript orders strings; nothing allocated. */
  private compare(i: number, word: string): number {
    const start = this.offsets[i]!;
    const len = this.offsets[i + 1]! - start;
    const n = Math.min(len, word.length);
    for (let k = 0; k < n; k++) {
      const d = this.keys.charCodeAt(start + k) - word.charCodeAt(k);
      if (d !== 0) return d;
    }
    return len - word.length;
  }

  /** The first index whose key is >= word. */
  lowerBound(word: string): number {
    if (word === '') return 0;
    const c = word.charCodeAt(0);
    let lo = this.firstUnit[c]!;
    let hi = this.firstUnit[c + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(mid, word) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the key, or -1. */
  indexOf(word: string): number {
    const i = this.lowerBound(word);
    return i < this.size && this.compare(i, word) === 0 ? i : -1;
  }

  /** Key i's length in code units. */
  lengthOf(i: number): number {
    return this.offsets[i + 1]! - this.offsets[i]!;
  }

  /** The code unit at `k` in key i, or -1 past its end (a shorter key sorts first). */
  private codeAt(i: number, k: number): number {
    const start = this.offsets[i]!;
    return start + k < this.offsets[i + 1]! ? this.keys.charCodeAt(start + k) : -1;
  }

  /**
   * The first key in [lo, hi), a range of keys that share their first k code units, whose unit
   * at k is >= c (a key that ends before k counts as -1): one bisection of a prefix search.
   */
  firstAtLeast(lo: number, hi: number, k: number, c: number): number {
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (this.codeAt(m, k) < c) lo = m + 1;
      else hi = m;
    }
    return lo;
  }

  /**
   * Calls back with the index of every key that starts at `pos` in `text`, shortest first.
   * The keys sharing the first k characters of the text form one sorted range; each further
   * character narrows it by bisection on that character alone, so nothing is allocated.
   */
  forEachPrefix(text: string, pos: number, found: (index: number, length: number) => void): void {
    if (pos >= text.length) return;
    const first = text.charCodeAt(pos);
    let lo = this.firstUnit[first]!;
    let hi = this.firstUnit[first + 1]!;
    if (lo < hi && this.lengthOf(lo) === 1) found(lo, 1);
    const limit = Math.min(this.maxLength, text.length - pos);
    for (let k = 1; k < limit && lo < hi; k++) {
      const c = text.charCodeAt(pos + k);
      // The keys whose code at k is c: from the first >= c to the first >= c + 1.
      lo = this.firstAtLeast(lo, hi, k, c);
      hi = this.firstAtLeast(lo, hi, k, c + 1);
      if (lo < hi && this.lengthOf(lo) === k + 1) found(lo, k + 1);
    }
  }
}
