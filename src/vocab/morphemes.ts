// The glosser's weakest pass: shared morphemes (see MorphemeEvidence), read from the
// lexicon's reverse index (lexicon/reverse.ts).
import { isWeakMorpheme, stem, type Lexicon } from '../lexicon/index.js';
import type { EnglishContext, GlossMatch } from './gloss.js';

// English words too general to point at a meaning: light verbs and the like. Short words
// (new, two, sure, runs) are as unspecific and are skipped too.
export const LIGHT_WORDS = new Set(
  'take make get have give go come see say put set let keep know want look seem find tell ask work call try need feel become leave mean way thing time year day people'
    .split(' ')
    .map(stem),
);

/** The pass's scores and limits. */
export const MORPHEME_PARAMS = {
  /** An English word this many entries render ("big", "person") says nothing about a morpheme. */
  maxRenderings: 250,
  /** Shorter English words (new, two, sure, runs) are as unspecific as light verbs. */
  minLetters: 5,
  /** Entries sharing a character that make it a pattern rather than chance, and the count past which more add nothing. */
  minShared: 2,
  fullShared: 8,
  /** A match scores base + weight × support (support capped): below any dictionary match. */
  base: 0.6,
  weight: 0.3,
  maxSupport: 1.3,
};

/**
 * Chinese words share morphemes with words of like meaning: 參與 "to participate" and 參 "to
 * join", 電視台 and 電台 "broadcaster". When the dictionary cannot gloss a word, an English
 * word of its sentence that the reverse dictionary renders with words sharing one of its
 * characters is weak evidence, taken only where nothing stronger claims that English word.
 */
export class MorphemeEvidence {
  private readonly profiles = new Map<string, Map<string, number>>();

  constructor(
    private readonly lexicon: Lexicon,
    private readonly params = MORPHEME_PARAMS,
  ) {}

  private profile(stem: string): Map<string, number> {
    let p = this.profiles.get(stem);
    if (!p) this.profiles.set(stem, (p = this.lexicon.reverse.morphemeProfile(stem, this.params.maxRenderings)));
    return p;
  }

  /** Candidate spans among the English words `free` leaves (those no stronger evidence took). */
  matches(word: string, ctx: EnglishContext, free: (start: number, end: number) => boolean = () => true): GlossMatch[] {
    const own = [...new Set(word)].filter((c) => !isWeakMorpheme(c));
    if (own.length === 0) return [];
    const { minLetters, minShared, fullShared, base, weight, maxSupport } = this.params;
    const out: GlossMatch[] = [];
    ctx.tokens.forEach((t, i) => {
      if (!t.content || ctx.named[i] || t.text.length < minLetters || LIGHT_WORDS.has(t.stem) || !free(t.start, t.end)) return;
      const chars = this.profile(t.stem);
      // One word sharing a character may be chance; two, or the character itself, is a pattern,
      // and the more words share it the stronger (安靜, 寂靜, 清靜 … all "quiet").
      const support = own.reduce((n, c) => {
        const k = chars.get(c) ?? 0;
        return n + (k >= minShared ? Math.min(k, fullShared) / fullShared : 0);
      }, 0);
      if (support) out.push({ start: t.start, end: t.end, score: base + weight * Math.min(support, maxSupport), evidence: 'morpheme' });
    });
    return out;
  }
}
