import { pack, unpack } from '../util/pack.js';
import type { Classifier, EntryFlag, LexiconEntry } from './types.js';

// Layout of data/lexicon.bin. Bump FORMAT when it changes: an old file is then rebuilt.
export const FORMAT = 3;
const enum S {
  EntryOffsets,
  KeyOffsets,
  PostingStarts,
  Postings,
  Keys,
  Records,
  TraditionalOnly,
  SimplifiedOnly,
  CommonChars,
}

const FIELD = '\t';
const ITEM = '\x1f';

function encodeEntry(e: LexiconEntry): string {
  return [
    e.traditional,
    e.simplified,
    e.pinyin,
    e.flags.join(','),
    e.senses.join(ITEM),
    e.classifiers.map((c) => `${c.traditional}|${c.simplified}|${c.pinyin}`).join(ITEM),
  ].join(FIELD);
}

function decodeEntry(record: string): LexiconEntry {
  const [traditional = '', simplified = '', pinyin = '', flags = '', senses = '', classifiers = ''] = record.split(FIELD);
  return {
    traditional,
    simplified,
    pinyin,
    senses: senses ? senses.split(ITEM) : [],
    classifiers: classifiers
      ? classifiers.split(ITEM).map((c): Classifier => {
          const [t = '', s = '', p = ''] = c.split('|');
          return { traditional: t, simplified: s, pinyin: p };
        })
      : [],
    flags: flags ? (flags.split(',') as EntryFlag[]) : [],
  };
}

export interface LexiconSource {
  /** Entries in preference order within each headword: the order lookups return them in. */
  entries: LexiconEntry[];
  traditionalOnly: string;
  simplifiedOnly: string;
  commonChars: string;
}

export function encodeLexicon(src: LexiconSource): Buffer {
  const byKey = new Map<string, number[]>();
  src.entries.forEach((e, id) => {
    for (const key of new Set([e.traditional, e.simplified])) {
      let ids = byKey.get(key);
      if (!ids) byKey.set(key, (ids = []));
      ids.push(id);
    }
  });
  const keys = [...byKey.keys()].sort();
  const keyOffsets = new Uint32Array(keys.length + 1);
  const postingStarts = new Uint32Array(keys.length + 1);
  const postings: number[] = [];
  let chars = 0;
  keys.forEach((k, i) => {
    keyOffsets[i] = chars;
    chars += k.length;
    postingStarts[i] = postings.length;
    postings.push(...byKey.get(k)!);
  });
  keyOffsets[keys.length] = chars;
  postingStarts[keys.length] = postings.length;

  const records = src.entries.map((e) => Buffer.from(encodeEntry(e), 'utf8'));
  const entryOffsets = new Uint32Array(records.length + 1);
  let bytes = 0;
  records.forEach((r, i) => {
    entryOffsets[i] = bytes;
    bytes += r.length;
  });
  entryOffsets[records.length] = bytes;

  return pack(FORMAT, [
    entryOffsets,
    keyOffsets,
    postingStarts,
    Uint32Array.from(postings),
    keys.join(''),
    Buffer.concat(records),
    src.traditionalOnly,
    src.simplifiedOnly,
    src.commonChars,
  ]);
}

/**
 * The compact lexicon: sorted headwords in one string, searched by bisection; entries decoded
 * only when asked for. Loading it costs one file read and a few views.
 */
export class Lexicon {
  private readonly entryOffsets: Uint32Array;
  private readonly keyOffsets: Uint32Array;
  private readonly postingStarts: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly keys: string;
  private readonly records: Buffer;
  private readonly decoded = new Map<number, LexiconEntry>();
  private readonly traditionalOnly: Set<string>;
  private readonly simplifiedOnly: Set<string>;
  private readonly common: Set<string>;
  /** The longest headword, in UTF-16 code units: how far a prefix search has to look. */
  readonly maxKeyLength: number;

  constructor(buf: Buffer, what = 'lexicon') {
    const u = unpack(buf, what);
    if (u.version !== FORMAT) throw new Error(`${what} has format ${u.version}, expected ${FORMAT}`);
    this.entryOffsets = u.u32(S.EntryOffsets);
    this.keyOffsets = u.u32(S.KeyOffsets);
    this.postingStarts = u.u32(S.PostingStarts);
    this.postings = u.u32(S.Postings);
    this.keys = u.utf16(S.Keys);
    this.records = u.bytes(S.Records);
    this.traditionalOnly = new Set(u.utf16(S.TraditionalOnly));
    this.simplifiedOnly = new Set(u.utf16(S.SimplifiedOnly));
    this.common = new Set(u.utf16(S.CommonChars));
    let max = 0;
    for (let i = 0; i + 1 < this.keyOffsets.length; i++) max = Math.max(max, this.keyOffsets[i + 1]! - this.keyOffsets[i]!);
    this.maxKeyLength = max;
  }

  get size(): number {
    return this.entryOffsets.length - 1;
  }

  get headwordCount(): number {
    return this.keyOffsets.length - 1;
  }

  private keyAt(i: number): string {
    return this.keys.slice(this.keyOffsets[i], this.keyOffsets[i + 1]);
  }

  /** The first headword index whose key is >= word. */
  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.keyOffsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keyAt(mid) < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the headword, or -1. */
  private find(word: string): number {
    const i = this.lowerBound(word);
    return i < this.headwordCount && this.keyAt(i) === word ? i : -1;
  }

  private entry(id: number): LexiconEntry {
    let e = this.decoded.get(id);
    if (!e) {
      e = decodeEntry(this.records.toString('utf8', this.entryOffsets[id], this.entryOffsets[id + 1]));
      this.decoded.set(id, e);
    }
    return e;
  }

  has(word: string): boolean {
    return this.find(word) >= 0;
  }

  /** Every entry for a Traditional or Simplified headword, the preferred one first. */
  lookup(word: string): LexiconEntry[] {
    const k = this.find(word);
    if (k < 0) return [];
    const out: LexiconEntry[] = [];
    for (let p = this.postingStarts[k]!; p < this.postingStarts[k + 1]!; p++) out.push(this.entry(this.postings[p]!));
    return out;
  }

  /** The everyday entry: never a variant, surname or place name when a common entry exists. */
  preferred(word: string): LexiconEntry | null {
    return this.lookup(word)[0] ?? null;
  }

  /** Every headword that starts at `pos` in `text`, shortest first. */
  prefixesAt(text: string, pos: number): string[] {
    const out: string[] = [];
    const limit = Math.min(this.maxKeyLength, text.length - pos);
    for (let len = 1; len <= limit; len++) {
      const w = text.slice(pos, pos + len);
      const i = this.lowerBound(w);
      if (i >= this.headwordCount) break;
      const k = this.keyAt(i);
      if (k === w) out.push(w);
      // Sorted keys: when none starts with w, none starts with anything longer either.
      else if (!k.startsWith(w)) break;
    }
    return out;
  }

  /** Characters that are written only in Traditional (書, 國) or only in Simplified (书, 国). */
  scriptEvidence(text: string): { traditional: number; simplified: number } {
    let traditional = 0;
    let simplified = 0;
    for (const ch of text) {
      if (this.traditionalOnly.has(ch)) traditional++;
      else if (this.simplifiedOnly.has(ch)) simplified++;
    }
    return { traditional, simplified };
  }

  /** Whether a character is among the few thousand in everyday use (either script). */
  isCommonChar(ch: string): boolean {
    return this.common.has(ch);
  }
}
