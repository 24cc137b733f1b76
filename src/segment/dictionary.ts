import { layout, pack, type Sections } from '../data/index.js';
import { SortedKeys } from '../util/keys.js';

/**
 * data/segment.bin. Bump the format when what a section holds changes: an old file is then rebuilt.
 * 4: jieba's degree-adverb phrases (很好, 更好) dropped at build time (issue 18).
 * 5: the Traditional → Simplified table whole (no table to fill at start), and the keys'
 *    first two code units indexed (`pairs`), so that finding a text's words bisects numbers.
 */
export const SEGMENT = layout('segment.bin', 5, {
  keys: 'utf16',
  offsets: 'u32',
  frequencies: 'u32',
  /** 65,536 UTF-16 units: each code unit's Simplified form (itself when it has none). */
  toSimplified: 'bytes',
  keyIndex: 'u32',
  /** The first two code units (first << 16 | second) of the keys of two units or more, each once, ascending. */
  pairs: 'u32',
  /** The first key with each pair's two units: a pair's keys run to the next pair's first key (or its first unit's end). */
  pairStart: 'u32',
  /** 65,537 entries: the first pair of each first unit. */
  pairIndex: 'u32',
  total: 'f64',
});

export interface SegmentSource {
  keys: string;
  offsets: Uint32Array;
  firstUnit: Uint32Array;
  frequencies: Uint32Array;
  /** Pairs of characters: Traditional, Simplified. */
  traditionalToSimplified: string;
}

export function encodeSegmentData(s: SegmentSource): Buffer {
  let total = 0;
  for (const f of s.frequencies) total += f;
  const { keys, offsets, frequencies, traditionalToSimplified, firstUnit } = s;
  const table = new Uint16Array(65536);
  for (let i = 0; i < 65536; i++) table[i] = i;
  for (let i = 0; i + 1 < traditionalToSimplified.length; i += 2) table[traditionalToSimplified.charCodeAt(i)] = traditionalToSimplified.charCodeAt(i + 1);
  // Keys are sorted by code unit, so their first two units come in order and each pair's keys are one run.
  const pairs: number[] = [];
  const pairStart: number[] = [];
  const pairIndex = new Uint32Array(65537);
  let unit = 0;
  for (let i = 0; i + 1 < offsets.length; i++) {
    if (offsets[i + 1]! - offsets[i]! < 2) continue;
    const c0 = keys.charCodeAt(offsets[i]!);
    const pair = ((c0 << 16) | keys.charCodeAt(offsets[i]! + 1)) >>> 0;
    if (pairs.length && pairs[pairs.length - 1] === pair) continue;
    while (unit <= c0) pairIndex[unit++] = pairs.length;
    pairs.push(pair);
    pairStart.push(i);
  }
  while (unit <= 65536) pairIndex[unit++] = pairs.length;
  return pack(SEGMENT, {
    keys,
    offsets,
    frequencies,
    toSimplified: Buffer.from(table.buffer),
    keyIndex: firstUnit,
    pairs: Uint32Array.from(pairs),
    pairStart: Uint32Array.from(pairStart),
    pairIndex,
    total: Float64Array.of(total),
  });
}

// A word no text contains: it carries the frequency of every dictionary word left out of a
// subset, so that jieba's total, and with it every path probability, stays what it was.
const ABSENT = '\uE000';

// Texts up to this long are converted through one reused array (String.fromCharCode takes them as arguments).
const SCRATCH_UNITS = 4096;

/**
 * jieba's dictionary (merged with CC-CEDICT at install time) and the Traditional → Simplified
 * table, as one buffer. jieba spends ~150 ms parsing its full dictionary; a text only ever
 * meets the words that are substrings of it, so each text gets a dictionary of just those.
 */
export class SegmentDictionary {
  private readonly keys: SortedKeys;
  private readonly frequencies: Uint32Array;
  private readonly total: number;
  private readonly t2s: Uint16Array;
  private readonly scratch = new Uint16Array(SCRATCH_UNITS);
  // Where each first code unit's keys start, and the pair index: dictionaryFor's text scan.
  private readonly firstUnit: Uint32Array;
  private readonly pairs: Uint32Array;
  private readonly pairStart: Uint32Array;
  private readonly pairIndex: Uint32Array;

  constructor(s: Sections<typeof SEGMENT.sections>) {
    this.keys = new SortedKeys(s.keys, s.offsets, s.keyIndex);
    this.frequencies = s.frequencies;
    this.total = s.total[0]!;
    const t = s.toSimplified;
    this.t2s = new Uint16Array(t.buffer, t.byteOffset, t.byteLength >> 1);
    this.firstUnit = s.keyIndex;
    this.pairs = s.pairs;
    this.pairStart = s.pairStart;
    this.pairIndex = s.pairIndex;
  }

  get size(): number {
    return this.keys.size;
  }

  /** Traditional → Simplified, character for character: offsets carry over unchanged. */
  toSimplified = (text: string): string => {
    // Untouched text (most Simplified, much Traditional) is returned as it is, unallocated.
    let i = 0;
    while (i < text.length && this.t2s[text.charCodeAt(i)] === text.charCodeAt(i)) i++;
    if (i === text.length) return text;
    // A line (what the segmenter converts, one at a time) is made from a scratch array: a
    // typed array and a Buffer for each cost AS's cold pass 15 ms of its ~130.
    if (text.length <= SCRATCH_UNITS) {
      const scratch = this.scratch;
      for (let k = 0; k < text.length; k++) scratch[k] = this.t2s[text.charCodeAt(k)]!;
      return String.fromCharCode.apply(null, scratch.subarray(0, text.length) as unknown as number[]);
    }
    const codes = new Uint16Array(text.length);
    for (let k = 0; k < text.length; k++) codes[k] = this.t2s[text.charCodeAt(k)]!;
    return Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString('utf16le');
  };

  /** jieba's frequency for a (Simplified) word, 0 when it has none: a measure of how common it is. */
  frequency(simplified: string): number {
    const i = this.keys.indexOf(simplified);
    return i < 0 ? 0 : this.frequencies[i]!;
  }

  /** How common a word is, as a share of all of jieba's counts. */
  probability(simplified: string): number {
    return this.frequency(simplified) / this.total;
  }

  /**
   * jieba dictionary text for the words that occur in `simplifiedText`, plus one absent word
   * carrying the rest of the total: jieba then cuts that text exactly as with every word.
   * Without a text, the whole dictionary. `extra` words (found in the text itself) come first.
   * `words`, when given, receives every word the dictionary text holds.
   */
  dictionaryFor(simplifiedText?: string, extra: ReadonlyArray<readonly [string, number]> = [], words?: { add(word: string): void }): Buffer {
    const lines: string[] = extra.map(([w, f]) => `${w} ${f}`);
    for (const [w] of extra) words?.add(w);
    let kept = 0;
    if (simplifiedText === undefined) {
      for (let i = 0; i < this.keys.size; i++) kept += this.addLine(i, lines, words);
    } else {
      // No closure per call: a second text's scan runs the code compiled for the first.
      const seen = new Uint8Array(this.keys.size);
      const found = new Uint32Array(this.keys.maxLength + 1);
      for (let pos = 0; pos < simplifiedText.length; pos++) {
        for (let j = 0, n = this.wordsAt(simplifiedText, pos, found); j < n; j++) {
          const i = found[j]!;
          if (seen[i]) continue;
          seen[i] = 1;
          kept += this.addLine(i, lines, words);
        }
      }
    }
    if (this.total > kept) lines.push(`${ABSENT} ${this.total - kept}`);
    return Buffer.from(lines.join('\n'), 'utf8');
  }

  /** Key i's line of jieba's dictionary text, into `lines`; its frequency back. */
  private addLine(i: number, lines: string[], words?: { add(word: string): void }): number {
    const w = this.keys.at(i);
    words?.add(w);
    lines.push(`${w} ${this.frequencies[i]}`);
    return this.frequencies[i]!;
  }

  /**
   * Every key that starts at `pos` in `text`, shortest first, into `found`; how many there
   * are back. SortedKeys.forEachPrefix, with
   * its first two steps (the widest bisections, over a character's thousands of keys, which
   * were most of a book's or a long article's preparation) taken from the pair index.
   */
  private wordsAt(text: string, pos: number, found: Uint32Array): number {
    const keys = this.keys;
    let n = 0;
    const c0 = text.charCodeAt(pos);
    const blockEnd = this.firstUnit[c0 + 1]!;
    let lo = this.firstUnit[c0]!;
    if (lo >= blockEnd) return 0;
    if (keys.lengthOf(lo) === 1) found[n++] = lo;
    const limit = Math.min(keys.maxLength, text.length - pos);
    if (limit <= 1) return n;
    const pair = ((c0 << 16) | text.charCodeAt(pos + 1)) >>> 0;
    const last = this.pairIndex[c0 + 1]!;
    let a = this.pairIndex[c0]!;
    for (let b = last; a < b; ) {
      const m = (a + b) >> 1;
      if (this.pairs[m]! < pair) a = m + 1;
      else b = m;
    }
    if (a === last || this.pairs[a] !== pair) return n;
    lo = this.pairStart[a]!;
    let hi = a + 1 < last ? this.pairStart[a + 1]! : blockEnd;
    if (keys.lengthOf(lo) === 2) found[n++] = lo;
    // Each further character narrows the range of keys sharing the text's first k characters.
    for (let k = 2; k < limit && lo < hi; k++) {
      const c = text.charCodeAt(pos + k);
      lo = keys.firstAtLeast(lo, hi, k, c);
      hi = keys.firstAtLeast(lo, hi, k, c + 1);
      if (lo < hi && keys.lengthOf(lo) === k + 1) found[n++] = lo;
    }
    return n;
  }
}
