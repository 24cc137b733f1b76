// The reverse dictionary: which entries an English word renders, by stem, and what the
// glosser's shared-morpheme pass reads of them (morpheme profiles). Built at install time
// from the entries; stored with the lexicon (data/lexicon.bin), read here.
//
// The profiles are derived data, not tuning: which characters the short everyday words
// rendering a stem are written with. They are stored, not computed by the glosser from the
// entries, because computing them costs more than the rest of glossing: measured on the seed
// article (29 stems, ~2,000 entries), a cold `zhdeck build` took 22 ms more CPU (230 against
// 208 ms, median of 12 runs) with them computed from a neutral index of entry ids, headwords
// and flags, and the file was 1 MB larger.
import { SortedKeys } from '../util/keys.js';
import type { LexiconEntry } from './types.js';
import { senseStems } from './senses.js';

/** The reverse index as the lexicon file stores it. */
export interface ReverseSections {
  keys: string;
  offsets: Uint32Array;
  firstUnit: Uint32Array;
  /** How many entries use each stem, as running totals (one more than there are stems): where each stem's ids start in `postings`. */
  counts: Uint32Array;
  /** Per stem, the ids of the entries whose first senses use it, in lexicon order. */
  postings: Uint32Array;
  /** Per stem, where its profile starts in `profileChars` / `profileWeights`. */
  profileStarts: Uint32Array;
  profileChars: string;
  profileWeights: Uint16Array;
}

// First senses only: the main meanings. Variants only point at other entries.
const SENSES_INDEXED = 3;

/** The reverse index of entries in their lexicon order. */
export function encodeReverseIndex(entries: readonly LexiconEntry[]): ReverseSections {
  const byStem = new Map<string, Set<number>>();
  entries.forEach((e, id) => {
    if (e.flags.includes('variant')) return;
    for (const sense of e.senses.slice(0, SENSES_INDEXED)) {
      for (const st of senseStems(sense)) {
        let ids = byStem.get(st);
        if (!ids) byStem.set(st, (ids = new Set()));
        ids.add(id);
      }
    }
  });
  const { keys, offsets, firstUnit, sorted } = SortedKeys.pack(byStem.keys());
  // A stem too many entries use tells nothing: the reader needs how many.
  const counts = new Uint32Array(sorted.length + 1);
  sorted.forEach((k, i) => (counts[i + 1] = counts[i]! + byStem.get(k)!.size));
  const postings = new Uint32Array(counts[sorted.length]!);
  sorted.forEach((k, i) => postings.set([...byStem.get(k)!].sort((a, b) => a - b), counts[i]!));

  // Per stem, the characters of the short everyday words (three characters at most, no names)
  // that render it, weighted (a single character counts twice).
  const profileStarts = new Uint32Array(sorted.length + 1);
  let profileChars = '';
  const weightsOut: number[] = [];
  sorted.forEach((k, i) => {
    profileStarts[i] = weightsOut.length;
    const weights = new Map<string, number>();
    for (const id of byStem.get(k)!) {
      const e = entries[id]!;
      if (e.traditional.length > 3 || e.flags.includes('proper-noun')) continue;
      const w = e.traditional.length === 1 ? 2 : 1;
      for (const c of new Set(e.traditional + e.simplified)) weights.set(c, (weights.get(c) ?? 0) + w);
    }
    for (const [c, w] of [...weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (c.length !== 1) continue; // one UTF-16 unit per character keeps the table aligned
      profileChars += c;
      weightsOut.push(Math.min(w, 65535));
    }
  });
  profileStarts[sorted.length] = weightsOut.length;
  return { keys, offsets, firstUnit, counts, postings, profileStarts, profileChars, profileWeights: Uint16Array.from(weightsOut) };
}

const EMPTY = new Uint32Array(0);

/** English stems and the entries whose first senses use them. */
export class ReverseIndex {
  private readonly keys: SortedKeys;

  constructor(private readonly s: ReverseSections) {
    this.keys = new SortedKeys(s.keys, s.offsets, s.firstUnit);
  }

  /** The stem keys an English stem stands for: itself, and stems one short ending apart (broadcast / broadcaster). */
  private keysFor(stem: string): number[] {
    if (stem.length < 5) {
      const k = this.keys.indexOf(stem);
      return k < 0 ? [] : [k];
    }
    const keys: number[] = [];
    for (let len = Math.max(5, stem.length - 3); len < stem.length; len++) {
      const k = this.keys.indexOf(stem.slice(0, len));
      if (k >= 0) keys.push(k);
    }
    for (let k = this.keys.lowerBound(stem); k < this.keys.size; k++) {
      const key = this.keys.at(k);
      if (!key.startsWith(stem)) break;
      if (key.length <= stem.length + 3) keys.push(k);
    }
    return keys;
  }

  /**
   * The ids of the entries whose first senses use exactly this stem (lexicon order); none when
   * more than `max` do (a word so common tells nothing of a meaning).
   */
  entryIds(stem: string, max = Infinity): Uint32Array {
    const k = this.keys.indexOf(stem);
    if (k < 0) return EMPTY;
    const { counts, postings } = this.s;
    const from = counts[k]!;
    const to = counts[k + 1]!;
    return to - from > max ? EMPTY : postings.subarray(from, to);
  }

  /**
   * The characters of the short everyday words whose first senses use an English word, each
   * weighted by how many such words hold it (a single character counts twice); none when more
   * than `max` entries use the word (it is too common to tell).
   */
  morphemeProfile(stem: string, max = Infinity): Map<string, number> {
    const { counts, profileStarts, profileChars, profileWeights } = this.s;
    const keys = this.keysFor(stem);
    const out = new Map<string, number>();
    let entries = 0;
    for (const k of keys) entries += counts[k + 1]! - counts[k]!;
    if (entries > max) return out;
    for (const k of keys) {
      for (let p = profileStarts[k]!; p < profileStarts[k + 1]!; p++) {
        const c = profileChars[p]!;
        out.set(c, (out.get(c) ?? 0) + profileWeights[p]!);
      }
    }
    return out;
  }
}
