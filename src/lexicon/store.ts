import type * as Crypto from 'node:crypto';
import { layout, pack, type Sections } from '../data/index.js';
import { SortedKeys } from '../util/keys.js';
import { append } from '../util/collections.js';
import type { Classifier, EntryFlag, LexiconEntry } from './types.js';
import { stemmerSignature } from './english.js';
import { encodeReverseIndex, ReverseIndex } from './reverse.js';
import { ScriptTables } from './script.js';

// Layout of data/lexicon.bin. Bump FORMAT when what a section holds changes: an old file is then rebuilt.
export const FORMAT = 11;
export const LEXICON = layout('lexicon.bin', FORMAT, {
  entryOffsets: 'u32',
  keyOffsets: 'u32',
  postingStarts: 'u32',
  postings: 'u32',
  keys: 'utf16',
  recordsStamp: 'bytes',
  traditionalOnly: 'utf16',
  simplifiedOnly: 'utf16',
  commonChars: 'utf16',
  stemKeys: 'utf16',
  stemOffsets: 'u32',
  stemPostingStarts: 'u32',
  stemmerSignature: 'utf16',
  keyIndex: 'u32',
  stemKeyIndex: 'u32',
  profileStarts: 'u32',
  profileChars: 'utf16',
  profileWeights: 'bytes',
  stemPostings: 'u32',
  aloneStarts: 'u32',
  aloneKeys: 'u32',
});
/** data/lexicon-records.bin: the entries' text, read one by one as they are decoded. */
export const RECORDS = layout('lexicon-records.bin', 1, { stamp: 'bytes', records: 'bytes' });
export type LexiconSections = Sections<typeof LEXICON.sections>;

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

/** Whether a lexicon index was built with this code's stemmer, and goes with these records (their stamp). */
export const isCurrent = (index: LexiconSections, recordsStamp: Buffer): boolean =>
  index.stemmerSignature === stemmerSignature() && index.recordsStamp.equals(recordsStamp);

/** Reads bytes [start, end) of the records section, as text. */
export type RecordReader = (start: number, end: number) => string;

export interface LexiconSource {
  /** Entries in preference order within each headword: the order lookups return them in. */
  entries: LexiconEntry[];
  traditionalOnly: string;
  simplifiedOnly: string;
  commonChars: string;
}

/** The lexicon's two files: the index, read whole, and the entries' records, read one by one. */
export interface LexiconFiles {
  index: Buffer;
  records: Buffer;
}

// The records file holds this many bytes of its records' digest, which the index repeats: a
// stale pair is noticed.
const STAMP = 16;

export function encodeLexicon(src: LexiconSource): LexiconFiles {
  const byKey = new Map<string, number[]>();
  src.entries.forEach((e, id) => {
    for (const key of new Set([e.traditional, e.simplified])) append(byKey, key, id);
  });
  const { keys, offsets: keyOffsets, firstUnit, sorted } = SortedKeys.pack(byKey.keys());
  const postingStarts = new Uint32Array(sorted.length + 1);
  const postings: number[] = [];
  sorted.forEach((k, i) => {
    postingStarts[i] = postings.length;
    postings.push(...byKey.get(k)!);
  });
  postingStarts[sorted.length] = postings.length;

  const reverse = encodeReverseIndex(src.entries);

  const records = src.entries.map((e) => Buffer.from(encodeEntry(e), 'utf8'));
  const blob = Buffer.concat(records);
  // node:crypto only here, when the files are made: `lookup`, `align` and `segment` never load it.
  const { createHash } = require('node:crypto') as typeof Crypto;
  const stamp = createHash('sha256').update(blob).digest().subarray(0, STAMP);
  const entryOffsets = new Uint32Array(records.length + 1);
  let bytes = 0;
  records.forEach((r, i) => {
    entryOffsets[i] = bytes;
    bytes += r.length;
  });
  entryOffsets[records.length] = bytes;

  const index = pack(LEXICON, {
    entryOffsets,
    keyOffsets,
    postingStarts,
    postings: Uint32Array.from(postings),
    keys,
    recordsStamp: stamp,
    traditionalOnly: src.traditionalOnly,
    simplifiedOnly: src.simplifiedOnly,
    commonChars: src.commonChars,
    stemKeys: reverse.keys,
    stemOffsets: reverse.offsets,
    stemPostingStarts: reverse.counts,
    stemmerSignature: stemmerSignature(),
    keyIndex: firstUnit,
    stemKeyIndex: reverse.firstUnit,
    profileStarts: reverse.profileStarts,
    profileChars: reverse.profileChars,
    profileWeights: Buffer.from(reverse.profileWeights.buffer, reverse.profileWeights.byteOffset, reverse.profileWeights.byteLength),
    stemPostings: reverse.postings,
    aloneStarts: reverse.aloneStarts,
    aloneKeys: reverse.aloneKeys,
  });
  return { index, records: pack(RECORDS, { stamp, records: blob }) };
}

/**
 * The compact lexicon: sorted headwords in one string, searched by bisection; entries decoded
 * only when asked for. Loading it costs one file read and a few views.
 */
export class Lexicon {
  private readonly entryOffsets: Uint32Array;
  private readonly keys: SortedKeys;
  private readonly postingStarts: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly readRecord: RecordReader;
  private readonly decoded = new Map<number, LexiconEntry>();
  /** Which entries an English stem renders, and the glosser's morpheme profiles (lexicon/reverse.ts). */
  readonly reverse: ReverseIndex;
  /** Script and everyday-character tables (lexicon/script.ts). */
  readonly script: ScriptTables;

  /**
   * `readRecord` reads the records file: the index is all a lookup needs until an entry is
   * decoded, and a build decodes a few hundred of its 125,000 entries.
   */
  constructor(u: LexiconSections, readRecord: RecordReader) {
    this.readRecord = readRecord;
    this.entryOffsets = u.entryOffsets;
    this.keys = new SortedKeys(u.keys, u.keyOffsets, u.keyIndex);
    this.postingStarts = u.postingStarts;
    this.postings = u.postings;
    this.script = new ScriptTables(u.traditionalOnly, u.simplifiedOnly, u.commonChars);
    const pw = u.profileWeights;
    this.reverse = new ReverseIndex({
      keys: u.stemKeys,
      offsets: u.stemOffsets,
      firstUnit: u.stemKeyIndex,
      counts: u.stemPostingStarts,
      postings: u.stemPostings,
      aloneStarts: u.aloneStarts,
      aloneKeys: u.aloneKeys,
      profileStarts: u.profileStarts,
      profileChars: u.profileChars,
      profileWeights: new Uint16Array(pw.buffer, pw.byteOffset, pw.length / 2),
    });
  }

  get size(): number {
    return this.entryOffsets.length - 1;
  }

  get headwordCount(): number {
    return this.keys.size;
  }

  private entry(id: number): LexiconEntry {
    let e = this.decoded.get(id);
    if (!e) {
      e = decodeEntry(this.readRecord(this.entryOffsets[id]!, this.entryOffsets[id + 1]!));
      this.decoded.set(id, e);
    }
    return e;
  }

  has(word: string): boolean {
    return this.keys.indexOf(word) >= 0;
  }

  /** Every entry for a Traditional or Simplified headword, the preferred one first (the first `limit`: the rest are not decoded). */
  lookup(word: string, limit = Infinity): LexiconEntry[] {
    const k = this.keys.indexOf(word);
    if (k < 0) return [];
    const out: LexiconEntry[] = [];
    const end = Math.min(this.postingStarts[k + 1]!, this.postingStarts[k]! + limit);
    for (let p = this.postingStarts[k]!; p < end; p++) out.push(this.entry(this.postings[p]!));
    return out;
  }

  /** The everyday entry: never a variant, surname or place name when a common entry exists. */
  preferred(word: string): LexiconEntry | null {
    return this.lookup(word)[0] ?? null;
  }

  /** The length of the longest headword that starts at `pos` in `text`, 0 when none does. */
  longestAt(text: string, pos: number): number {
    let longest = 0;
    this.keys.forEachPrefix(text, pos, (_, len) => (longest = len));
    return longest;
  }

  /** Every headword that starts at `pos` in `text`, shortest first. */
  prefixesAt(text: string, pos: number): string[] {
    const out: string[] = [];
    this.keys.forEachPrefix(text, pos, (_, len) => out.push(text.slice(pos, pos + len)));
    return out;
  }

  /** Characters that are written only in Traditional (書, 國) or only in Simplified (书, 国): see ScriptTables. */
  scriptEvidence(text: string): { traditional: number; simplified: number } {
    return this.script.scriptEvidence(text);
  }

  /** Whether a character is among the few thousand in everyday use (either script). */
  isCommonChar(ch: string): boolean {
    return this.script.isCommonChar(ch);
  }
}
