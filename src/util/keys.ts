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
  ) {
    let max = 0;
    for (let i = 0; i + 1 < offsets.length; i++) max = Math.max(max, offsets[i + 1]! - offsets[i]!);
    this.maxLength = max;
  }

  /** Packs words (any order) into the string and offsets the constructor takes; the sorted words come back too. */
  static pack(words: Iterable<string>): { keys: string; offsets: Uint32Array; sorted: string[] } {
    const sorted = [...new Set(words)].sort();
    const offsets = new Uint32Array(sorted.length + 1);
    let at = 0;
    sorted.forEach((w, i) => {
      offsets[i] = at;
      at += w.length;
    });
    offsets[sorted.length] = at;
    return { keys: sorted.join(''), offsets, sorted };
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  at(i: number): string {
    return this.keys.slice(this.offsets[i], this.offsets[i + 1]);
  }

  /** The first index whose key is >= word. */
  lowerBound(word: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid) < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the key, or -1. */
  indexOf(word: string): number {
    const i = this.lowerBound(word);
    return i < this.size && this.at(i) === word ? i : -1;
  }

  /** Calls back with the index of every key that starts at `pos` in `text`, shortest first. */
  forEachPrefix(text: string, pos: number, found: (index: number, length: number) => void): void {
    const limit = Math.min(this.maxLength, text.length - pos);
    for (let len = 1; len <= limit; len++) {
      const w = text.slice(pos, pos + len);
      const i = this.lowerBound(w);
      if (i >= this.size) return;
      const k = this.at(i);
      if (k === w) found(i, len);
      // Sorted keys: when none starts with w, none starts with anything longer either.
      else if (!k.startsWith(w)) return;
    }
  }
}
