// The glosser's pass of like meanings: a word whose own senses render nothing in its sentence
// is matched through the dictionary entries that share one of its sense words (its near-
// synonyms), read from the lexicon's reverse index (lexicon/reverse.ts).
import { sensePhrases, type Lexicon, type LexiconEntry } from '../lexicon/index.js';
import type { EnglishContext, GlossMatch } from './gloss.js';
import { isAgentNoun, stemsMatch } from './gloss.js';
import { LIGHT_WORDS } from './morphemes.js';

/** The pass's scores and limits. */
export const SYNONYM_PARAMS = {
  /** A sense word more entries than this use ("general", "to make") is too common to make two entries alike (dev: 40 / 80 / 120 / 250 gave 531 / 532 / 532 / 532 right, P 0.947 / 0.947 / 0.945 / 0.945). */
  maxShared: 80,
  /** Shorter English words are too unspecific to take. */
  minLetters: 5,
  /** An English word more entries render ("use", "make") is too common to point at one meaning. */
  maxRenderings: 250,
  /** A match scores base + weight × support (the like entries rendering it, capped): below any dictionary match. */
  base: 0.7,
  weight: 0.1,
  maxSupport: 3,
};

/**
 * Entries of like meaning share a sense word, and render what the other does: 宗旨 "objective;
 * aim; goal" and 目的 "purpose; aim; goal" ("the purposes of"), 普通 "common; ordinary" and 正常
 * "regular; normal; ordinary" ("normal"). An English word of the sentence that such an entry
 * renders is evidence for the word, weaker than its own senses, taken only where nothing
 * stronger claims that English word.
 */
export class SynonymEvidence {
  /** Per entry: the stems (key indices) its like entries say alone, each with how many say it. */
  private readonly alike = new Map<LexiconEntry, Map<number, number>>();
  /** Per English stem: the keys of the stems it matches (gloss.ts stemsMatch), agent nouns left out. */
  private readonly matching = new Map<string, number[]>();

  constructor(
    private readonly lexicon: Lexicon,
    private readonly params = SYNONYM_PARAMS,
  ) {}

  /** The content words of the word's senses (sensePhrases, which the dictionary pass has read already). */
  private stemsOf(e: LexiconEntry): Set<string> {
    const out = new Set<string>();
    for (const phrase of sensePhrases(e)) for (const w of phrase) if (!w.name && !w.particle) out.add(w.stem);
    return out;
  }

  /** The stems the entries sharing one of the word's say alone, each with how many say it (lexicon/reverse.ts likeStems). */
  private likeStems(entry: LexiconEntry): Map<number, number> {
    let out = this.alike.get(entry);
    if (!out) this.alike.set(entry, (out = this.lexicon.reverse.likeStems(this.stemsOf(entry), this.params.maxShared)));
    return out;
  }

  /**
   * A like entry's word, or a derivation of it, not its agent noun (巡視 "to visit" is no
   * "visitor"). Stems that stemsMatch pairs share all but the last five letters at most (the
   * longest ending, -ation), and at least five: only keys starting so are compared.
   */
  private keysMatching(stem: string): number[] {
    let out = this.matching.get(stem);
    if (!out) {
      const { reverse } = this.lexicon;
      const k = reverse.keyOf(stem);
      // An English word more entries render ("use", "make") is too common to point at one meaning.
      out = reverse.entryCount(stem) > this.params.maxRenderings ? [] : stem.length < 5 ? (k >= 0 ? [k] : []) : reverse.keysStartingWith(stem.slice(0, Math.max(5, stem.length - 5))).filter((x) => stemsMatch(x.stem, stem) && !isAgentNoun(x.stem, stem)).map((x) => x.key);
      this.matching.set(stem, out);
    }
    return out;
  }

  /** Candidate spans among the English words `free` leaves (those no stronger evidence took). */
  matches(entry: LexiconEntry, ctx: EnglishContext, free: (start: number, end: number) => boolean = () => true): GlossMatch[] {
    const { minLetters, base, weight, maxSupport } = this.params;
    const out: GlossMatch[] = [];
    let like: Map<number, number> | null = null;
    ctx.tokens.forEach((t, i) => {
      if (!t.content || ctx.named[i] || t.text.length < minLetters || LIGHT_WORDS.has(t.stem) || !free(t.start, t.end)) return;
      const keys = this.keysMatching(t.stem);
      if (keys.length === 0) return;
      like ??= this.likeStems(entry);
      let support = 0;
      for (const k of keys) support += like.get(k) ?? 0;
      if (support) out.push({ start: t.start, end: t.end, score: base + weight * Math.min(support, maxSupport), evidence: 'synonym' });
    });
    return out;
  }
}
