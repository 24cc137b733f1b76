import { pack, unpack } from '../util/pack.js';
import { SortedKeys } from '../util/keys.js';
import type { Classifier, EntryFlag, LexiconEntry } from './types.js';
import { pinyinLetters } from './pinyin.js';
import { senseStems, stemmerSignature } from './english.js';

// Layout of data/lexicon.bin. Bump FORMAT when it changes: an old file is then rebuilt.
export const FORMAT = 6;
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
  StemKeys,
  StemOffsets,
  StemPostingStarts,
  StemPostings,
  StemmerSignature,
  EntryTraditional,
  EntrySimplified,
  EntryProperNoun,
  KeyIndex,
  StemKeyIndex,
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

/** Whether a lexicon buffer was built with this code's layout and stemmer. */
export function isCurrent(buf: Buffer): boolean {
  try {
    const u = unpack(buf, 'lexicon');
    return u.version === FORMAT && u.utf16(S.StemmerSignature) === stemmerSignature();
  } catch {
    return false;
  }
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
  const { keys, offsets: keyOffsets, firstUnit, sorted } = SortedKeys.pack(byKey.keys());
  const keyIndex = new Map(sorted.map((k, i) => [k, i]));
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
  const stemStarts = new Uint32Array(stems.sorted.length + 1);
  const stemPostings: number[] = [];
  stems.sorted.forEach((k, i) => {
    stemStarts[i] = stemPostings.length;
    for (const id of byStem.get(k)!) stemPostings.push(id);
  });
  stemStarts[stems.sorted.length] = stemPostings.length;

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
    keys,
    Buffer.concat(records),
    src.traditionalOnly,
    src.simplifiedOnly,
    src.commonChars,
    stems.keys,
    stems.offsets,
    stemStarts,
    Uint32Array.from(stemPostings),
    stemmerSignature(),
    // Each entry's headwords as key indices, and whether it names something: what the reverse
    // dictionary needs, without decoding entries.
    Uint32Array.from(src.entries.map((e) => keyIndex.get(e.traditional)!)),
    Uint32Array.from(src.entries.map((e) => keyIndex.get(e.simplified)!)),
    Buffer.from(src.entries.map((e) => (e.flags.includes('proper-noun') ? 1 : 0))),
    firstUnit,
    stems.firstUnit,
  ]);
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
  private readonly records: Buffer;
  private readonly decoded = new Map<number, LexiconEntry>();
  private readonly traditionalOnly: Set<string>;
  private readonly simplifiedOnly: Set<string>;
  private readonly common: Set<string>;
  private readonly stemKeys: SortedKeys;
  private readonly stemStarts: Uint32Array;
  private readonly stemPostings: Uint32Array;
  private readonly entryTraditional: Uint32Array;
  private readonly entrySimplified: Uint32Array;
  private readonly entryProperNoun: Buffer;

  constructor(buf: Buffer, what = 'lexicon') {
    const u = unpack(buf, what);
    if (!isCurrent(buf)) throw new Error(`${what} was built by another version of zhdeck`);
    this.entryOffsets = u.u32(S.EntryOffsets);
    this.keys = new SortedKeys(u.utf16(S.Keys), u.u32(S.KeyOffsets), u.u32(S.KeyIndex));
    this.postingStarts = u.u32(S.PostingStarts);
    this.postings = u.u32(S.Postings);
    this.records = u.bytes(S.Records);
    this.traditionalOnly = new Set(u.utf16(S.TraditionalOnly));
    this.simplifiedOnly = new Set(u.utf16(S.SimplifiedOnly));
    this.common = new Set(u.utf16(S.CommonChars));
    this.stemKeys = new SortedKeys(u.utf16(S.StemKeys), u.u32(S.StemOffsets), u.u32(S.StemKeyIndex));
    this.stemStarts = u.u32(S.StemPostingStarts);
    this.stemPostings = u.u32(S.StemPostings);
    this.entryTraditional = u.u32(S.EntryTraditional);
    this.entrySimplified = u.u32(S.EntrySimplified);
    this.entryProperNoun = u.bytes(S.EntryProperNoun);
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
      e = decodeEntry(this.records.toString('utf8', this.entryOffsets[id], this.entryOffsets[id + 1]));
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

  /** Entry ids whose first senses use an English word, by its stem (see english.ts); stems one related ending apart count. */
  private renderingIds(stem: string): number[] {
    const keys: number[] = [];
    for (let len = Math.max(5, stem.length - 3); len < stem.length; len++) {
      const k = this.stemKeys.indexOf(stem.slice(0, len));
      if (k >= 0) keys.push(k);
    }
    for (let k = this.stemKeys.lowerBound(stem); k < this.stemKeys.size; k++) {
      const key = this.stemKeys.at(k);
      if (!key.startsWith(stem)) break;
      if (key === stem || (stem.length >= 5 && key.length <= stem.length + 3)) keys.push(k);
    }
    const out: number[] = [];
    for (const k of keys) for (let p = this.stemStarts[k]!; p < this.stemStarts[k + 1]!; p++) out.push(this.stemPostings[p]!);
    return out;
  }

  /**
   * The headwords of those entries, cheaply (nothing decoded), with whether each names
   * something; none when more than `max` entries use the word (it is too common to tell).
   */
  renderingHeadwords(stem: string, max = Infinity): { traditional: string; simplified: string; properNoun: boolean }[] {
    const ids = this.renderingIds(stem);
    if (ids.length > max) return [];
    return ids.map((id) => ({
      traditional: this.keys.at(this.entryTraditional[id]!),
      simplified: this.keys.at(this.entrySimplified[id]!),
      properNoun: this.entryProperNoun[id] === 1,
    }));
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

  /**
   * How English might spell a run of Han characters in pinyin, without tones or spaces
   * (杭州 → hangzhou, 郭家坤 → guojiakun): every combination of each character's first two
   * readings, at most `limit` of them.
   */
  spellings(text: string, limit = 8): string[] {
    let forms = [''];
    for (const ch of text) {
      const readings = [...new Set(this.lookup(ch).slice(0, 2).map((e) => pinyinLetters(e.pinyin)))].filter(Boolean);
      if (readings.length === 0) return [];
      forms = forms.flatMap((f) => readings.map((r) => f + r)).slice(0, limit);
    }
    return forms;
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
