import { layout, pack, type Sections } from '../data/index.js';
import { SortedKeys } from '../util/keys.js';

/**
 * data/segment.bin. Bump the format when what a section holds changes: an old file is then rebuilt.
 * 4: jieba's degree-adverb phrases (很好, 更好) dropped at build time (issue 18).
 */
export const SEGMENT = layout('segment.bin', 4, {
  keys: 'utf16',
  offsets: 'u32',
  frequencies: 'u32',
  traditionalToSimplified: 'utf16',
  keyIndex: 'u32',
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
  return pack(SEGMENT, { keys, offsets, frequencies, traditionalToSimplified, keyIndex: firstUnit, total: Float64Array.of(total) });
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

  constructor(s: Sections<typeof SEGMENT.sections>) {
    this.keys = new SortedKeys(s.keys, s.offsets, s.keyIndex);
    this.frequencies = s.frequencies;
    this.total = s.total[0]!;
    this.t2s = new Uint16Array(65536);
    for (let i = 0; i < 65536; i++) this.t2s[i] = i;
    const pairs = s.traditionalToSimplified;
    for (let i = 0; i + 1 < pairs.length; i += 2) this.t2s[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
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
    const add = (i: number) => {
      const w = this.keys.at(i);
      words?.add(w);
      lines.push(`${w} ${this.frequencies[i]}`);
      kept += this.frequencies[i]!;
    };
    if (simplifiedText === undefined) {
      for (let i = 0; i < this.keys.size; i++) add(i);
    } else {
      const seen = new Uint8Array(this.keys.size);
      for (let pos = 0; pos < simplifiedText.length; pos++) {
        this.keys.forEachPrefix(simplifiedText, pos, (i) => {
          if (!seen[i]) {
            seen[i] = 1;
            add(i);
          }
        });
      }
    }
    if (this.total > kept) lines.push(`${ABSENT} ${this.total - kept}`);
    return Buffer.from(lines.join('\n'), 'utf8');
  }
}
