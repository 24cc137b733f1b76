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
import { isMeasureSense, sensePhrases, senseStems } from './senses.js';

/** The reverse index as the lexicon file stores it. */
export interface ReverseSections {
  keys: string;
  offsets: Uint32Array;
  firstUnit: Uint32Array;
  /** How many entries use each stem, as running totals (one more than there are stems): where each stem's ids start in `postings`. */
  counts: Uint32Array;
  /** Per stem, the ids of the entries whose first senses use it, in lexicon order. */
  postings: Uint32Array;
  /** Per entry, where its one-word phrases start in `aloneKeys` (one more than there are entries). */
  aloneStarts: Uint32Array;
  /** The stems (as key indices) that an entry's first senses give as a whole phrase alone ("purpose", "to parse"). */
  aloneKeys: Uint32Array;
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

  // Per entry, the stems its first senses say alone: what the glosser's pass of like meanings
  // reads of an entry without decoding it (decoding and stemming ~1,500 entries took ~90 ms of
  // a cold build of decks/example.txt).
  const keyOf = new Map(sorted.map((k, i) => [k, i]));
  const aloneStarts = new Uint32Array(entries.length + 1);
  const aloneOut: number[] = [];
  entries.forEach((e, id) => {
    aloneStarts[id] = aloneOut.length;
    if (e.flags.includes('variant') || e.flags.includes('proper-noun')) return;
    const senses = e.senses.slice(0, SENSES_INDEXED).filter((x) => !isMeasureSense(x));
    const seen = new Set<number>();
    for (const phrase of sensePhrases({ ...e, senses })) {
      const w = phrase[0]!;
      const k = phrase.length === 1 && !w.name && !w.particle ? keyOf.get(w.stem) : undefined;
      if (k !== undefined && !seen.has(k)) aloneOut.push(k), seen.add(k);
    }
  });
  aloneStarts[entries.length] = aloneOut.length;

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
  return { keys, offsets, firstUnit, counts, postings, aloneStarts, aloneKeys: Uint32Array.from(aloneOut), profileStarts, profileChars, profileWeights: Uint16Array.from(weightsOut) };
}

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
   * Entries of like meaning: for the entries whose first senses use one of `stems` (a stem more
   * than `maxShared` entries use is skipped: too common to make two entries alike), the stems
   * they give as a whole phrase alone (aloneKeys), other than `stems`, each as a key index with
   * how many of those entries give it. Indexed loops over the sections, nothing decoded: this
   * runs cold, once per unglossed word.
   */
  likeStems(stems: Iterable<string>, maxShared: number): Map<number, number> {
    const { counts, postings, aloneStarts, aloneKeys } = this.s;
    const own: number[] = [];
    for (const st of stems) {
      const k = this.keys.indexOf(st);
      if (k >= 0) own.push(k);
    }
    const seen = new Set<number>();
    const out = new Map<number, number>();
    for (let i = 0; i < own.length; i++) {
      const k = own[i]!;
      if (counts[k + 1]! - counts[k]! > maxShared) continue;
      for (let p = counts[k]!; p < counts[k + 1]!; p++) {
        const id = postings[p]!;
        if (seen.has(id)) continue;
        seen.add(id);
        for (let q = aloneStarts[id]!; q < aloneStarts[id + 1]!; q++) {
          const y = aloneKeys[q]!;
          if (!own.includes(y)) out.set(y, (out.get(y) ?? 0) + 1);
        }
      }
    }
    return out;
  }

  /** How many entries' first senses use exactly this stem. */
  entryCount(stem: string): number {
    const k = this.keys.indexOf(stem);
    return k < 0 ? 0 : this.s.counts[k + 1]! - this.s.counts[k]!;
  }

  /** A stem's key index, -1 when no entry uses it. */
  keyOf(stem: string): number {
    return this.keys.indexOf(stem);
  }

  /** The key indices of the stems that start with `prefix`, with their stems. */
  keysStartingWith(prefix: string): { key: number; stem: string }[] {
    const out: { key: number; stem: string }[] = [];
    for (let k = this.keys.lowerBound(prefix); k < this.keys.size; k++) {
      const stem = this.keys.at(k);
      if (!stem.startsWith(prefix)) break;
      out.push({ key: k, stem });
    }
    return out;
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
