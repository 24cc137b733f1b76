import { createHash } from 'node:crypto';
import { pack, unpack } from '../util/pack.js';
import { SortedKeys } from '../util/keys.js';
import { append } from '../util/collections.js';
import type { Classifier, EntryFlag, LexiconEntry } from './types.js';
import { stemmerSignature } from './english.js';
import { senseStems } from './senses.js';

// Layout of data/lexicon.bin. Bump FORMAT when it changes: an old file is then rebuilt.
export const FORMAT = 9;
const enum S {
  EntryOffsets,
  KeyOffsets,
  PostingStarts,
  Postings,
  Keys,
  RecordsStamp,
  TraditionalOnly,
  SimplifiedOnly,
  CommonChars,
  StemKeys,
  StemOffsets,
  StemPostingStarts,
  StemmerSignature,
  KeyIndex,
  StemKeyIndex,
  ProfileStarts,
  ProfileChars,
  ProfileWeights,
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

/** Whether a lexicon index was built with this code's layout and stemmer, and goes with these records (their first bytes). */
export function isCurrent(index: Buffer, recordsHead: Buffer): boolean {
  try {
    const u = unpack(index, 'lexicon');
    return u.version === FORMAT && u.utf16(S.StemmerSignature) === stemmerSignature() && u.bytes(S.RecordsStamp).equals(recordsHead.subarray(0, STAMP));
  } catch {
    return false;
  }
}

/** Reads bytes [start, end) of the records, as text. */
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

// The records file starts with this many bytes of its own digest, which the index repeats: a
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

  // The reverse index: which entries a word of English renders (first senses only: the main meanings).
  const byStem = new Map<string, Set<number>>();
  src.entries.forEach((e, id) => {
    if (e.flags.includes('variant')) return;
    for (const sense of e.senses.slice(0, 3)) {
      for (const st of senseStems(sense)) {
        let ids = byStem.get(st);
        if (!ids) byStem.set(st, (ids = new Set()));
        ids.add(id);
      }
    }
  });
  const stems = SortedKeys.pack(byStem.keys());
  // How many entries use each stem, as running totals: a stem too many entries use tells nothing.
  const stemStarts = new Uint32Array(stems.sorted.length + 1);
  stems.sorted.forEach((k, i) => (stemStarts[i + 1] = stemStarts[i]! + byStem.get(k)!.size));

  // Per stem, the characters of the short everyday words (three characters at most, no names)
  // that render it, weighted (a single character counts twice): what shared-morpheme evidence
  // reads, ready-made.
  const profileStarts = new Uint32Array(stems.sorted.length + 1);
  let profileChars = '';
  const profileWeights: number[] = [];
  stems.sorted.forEach((k, i) => {
    profileStarts[i] = profileWeights.length;
    const weights = new Map<string, number>();
    for (const id of byStem.get(k)!) {
      const e = src.entries[id]!;
      if (e.traditional.length > 3 || e.flags.includes('proper-noun')) continue;
      const w = e.traditional.length === 1 ? 2 : 1;
      for (const c of new Set(e.traditional + e.simplified)) weights.set(c, (weights.get(c) ?? 0) + w);
    }
    for (const [c, w] of [...weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (c.length !== 1) continue; // one UTF-16 unit per character keeps the table aligned
      profileChars += c;
      profileWeights.push(Math.min(w, 65535));
    }
  });
  profileStarts[stems.sorted.length] = profileWeights.length;

  const records = src.entries.map((e) => Buffer.from(encodeEntry(e), 'utf8'));
  const blob = Buffer.concat(records);
  const stamp = createHash('sha256').update(blob).digest().subarray(0, STAMP);
  const entryOffsets = new Uint32Array(records.length + 1);
  let bytes = 0;
  records.forEach((r, i) => {
    entryOffsets[i] = bytes;
    bytes += r.length;
  });
  entryOffsets[records.length] = bytes;

  const index = pack(FORMAT, [
    entryOffsets,
    keyOffsets,
    postingStarts,
    Uint32Array.from(postings),
    keys,
    stamp,
    src.traditionalOnly,
    src.simplifiedOnly,
    src.commonChars,
    stems.keys,
    stems.offsets,
    stemStarts,
    stemmerSignature(),
    firstUnit,
    stems.firstUnit,
    profileStarts,
    profileChars,
    Buffer.from(Uint16Array.from(profileWeights).buffer),
  ]);
  return { index, records: Buffer.concat([stamp, blob]) };
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
  private readonly traditionalOnly: Set<string>;
  private readonly simplifiedOnly: Set<string>;
  private readonly common: Set<string>;
  private readonly stemKeys: SortedKeys;
  private readonly stemStarts: Uint32Array;
  private readonly profileStarts: Uint32Array;
  private readonly profileChars: string;
  private readonly profileWeights: Uint16Array;

  /**
   * `readRecord` reads the records file: the index is all a lookup needs until an entry is
   * decoded, and a build decodes a few hundred of its 125,000 entries.
   */
  constructor(index: Buffer, readRecord: RecordReader, what = 'lexicon') {
    const u = unpack(index, what);
    if (u.version !== FORMAT) throw new Error(`${what} has format ${u.version}, expected ${FORMAT}`);
    this.readRecord = readRecord;
    this.entryOffsets = u.u32(S.EntryOffsets);
    this.keys = new SortedKeys(u.utf16(S.Keys), u.u32(S.KeyOffsets), u.u32(S.KeyIndex));
    this.postingStarts = u.u32(S.PostingStarts);
    this.postings = u.u32(S.Postings);
    this.traditionalOnly = new Set(u.utf16(S.TraditionalOnly));
    this.simplifiedOnly = new Set(u.utf16(S.SimplifiedOnly));
    this.common = new Set(u.utf16(S.CommonChars));
    this.stemKeys = new SortedKeys(u.utf16(S.StemKeys), u.u32(S.StemOffsets), u.u32(S.StemKeyIndex));
    this.stemStarts = u.u32(S.StemPostingStarts);
    this.profileStarts = u.u32(S.ProfileStarts);
    this.profileChars = u.utf16(S.ProfileChars);
    const pw = u.bytes(S.ProfileWeights);
    this.profileWeights = new Uint16Array(pw.buffer, pw.byteOffset, pw.length / 2);
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
      e = decodeEntry(this.readRecord(STAMP + this.entryOffsets[id]!, STAMP + this.entryOffsets[id + 1]!));
      this.decoded.set(id, e);
    }
    return e;
  }

  has(word: string): boolean {
    return this.keys.indexOf(word) >= 0;
  }

  /** Every entry for a Traditional or Simplified headword, the preferred one first. */
  lookup(word: string): LexiconEntry[] {
    const k = this.keys.indexOf(word);
    if (k < 0) return [];
    const out: LexiconEntry[] = [];
    for (let p = this.postingStarts[k]!; p < this.postingStarts[k + 1]!; p++) out.push(this.entry(this.postings[p]!));
    return out;
  }

  /** The stem keys an English stem stands for: itself, and stems one short ending apart (broadcast / broadcaster). */
  private stemKeysFor(stem: string): number[] {
    if (stem.length < 5) {
      const k = this.stemKeys.indexOf(stem);
      return k < 0 ? [] : [k];
    }
    const keys: number[] = [];
    for (let len = Math.max(5, stem.length - 3); len < stem.length; len++) {
      const k = this.stemKeys.indexOf(stem.slice(0, len));
      if (k >= 0) keys.push(k);
    }
    for (let k = this.stemKeys.lowerBound(stem); k < this.stemKeys.size; k++) {
      const key = this.stemKeys.at(k);
      if (!key.startsWith(stem)) break;
      if (key.length <= stem.length + 3) keys.push(k);
    }
    return keys;
  }

  /**
   * The characters of the short everyday words whose first senses use an English word, each
   * weighted by how many such words hold it (a single character counts twice); none when more
   * than `max` entries use the word (it is too common to tell).
   */
  morphemeProfile(stem: string, max = Infinity): Map<string, number> {
    const keys = this.stemKeysFor(stem);
    const out = new Map<string, number>();
    let entries = 0;
    for (const k of keys) entries += this.stemStarts[k + 1]! - this.stemStarts[k]!;
    if (entries > max) return out;
    for (const k of keys) {
      for (let p = this.profileStarts[k]!; p < this.profileStarts[k + 1]!; p++) {
        const c = this.profileChars[p]!;
        out.set(c, (out.get(c) ?? 0) + this.profileWeights[p]!);
      }
    }
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

  /** Characters that are written only in Traditional (書, 國) or only in Simplified (书, 国). */
  scriptEvidence(text: string): { traditional: number; simplified: number } {
    let traditional = 0;
    let simplified = 0;
    // By code unit against a table (a whole article comes through here); characters outside
    // the BMP go to the sets.
    const side = (this.scriptTable ??= this.makeScriptTable());
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let s = side[code]!;
      if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
        const ch = text.slice(i, i + 2);
        s = this.traditionalOnly.has(ch) ? 1 : this.simplifiedOnly.has(ch) ? 2 : 0;
        i++;
      }
      if (s === 1) traditional++;
      else if (s === 2) simplified++;
    }
    return { traditional, simplified };
  }

  private scriptTable?: Uint8Array;

  /** Per BMP code unit: 1 only Traditional, 2 only Simplified, 0 either or neither. */
  private makeScriptTable(): Uint8Array {
    const table = new Uint8Array(0x10000);
    for (const ch of this.simplifiedOnly) if (ch.length === 1) table[ch.charCodeAt(0)] = 2;
    for (const ch of this.traditionalOnly) if (ch.length === 1) table[ch.charCodeAt(0)] = 1;
    return table;
  }

  /** Whether a character is among the few thousand in everyday use (either script). */
  isCommonChar(ch: string): boolean {
    return this.common.has(ch);
  }
}
