// The glosser's pass of like meanings: a word whose own senses render nothing in its sentence
// is matched through the dictionary entries that share one of its sense words (its near-
// synonyms), read from the lexicon's reverse index (lexicon/reverse.ts).
import { isMeasureSense, sensePhrases, type Lexicon, type LexiconEntry } from '../lexicon/index.js';
import type { EnglishContext, GlossMatch } from './gloss.js';
import { isAgentNoun, stemsMatch } from './gloss.js';
import { LIGHT_WORDS } from './morphemes.js';

/** The pass's scores and limits. */
export const SYNONYM_PARAMS = {
  /** The word's first senses, and a like entry's, are read: the main meanings. */
  senses: 3,
  /** A sense word more entries than this use ("general", "to make") is too common to make two entries alike. */
  maxShared: 40,
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
  private readonly alike = new Map<LexiconEntry, Map<string, number>>();

  constructor(
    private readonly lexicon: Lexicon,
    private readonly params = SYNONYM_PARAMS,
  ) {}

  /**
   * The words of an entry's first senses that are a whole phrase alone ("purpose", "to parse"):
   * a word of a longer phrase ("penal provision", "exactly alike") is not the entry's meaning.
   */
  private stemsOf(e: LexiconEntry, alone: boolean): Set<string> {
    const out = new Set<string>();
    const senses = e.senses.slice(0, this.params.senses).filter((s) => !isMeasureSense(s));
    for (const phrase of sensePhrases({ ...e, senses })) {
      if (!alone || phrase.length === 1) for (const w of phrase) if (!w.name && !w.particle) out.add(w.stem);
    }
    return out;
  }

  /** The sense stems of the entries sharing one of the word's, each with how many such entries use it. */
  private likeStems(entry: LexiconEntry): Map<string, number> {
    let out = this.alike.get(entry);
    if (out) return out;
    out = new Map();
    const own = this.stemsOf(entry, false);
    const seen = new Set<LexiconEntry>();
    for (const st of own) {
      for (const e of this.lexicon.renderersOf(st, this.params.maxShared)) {
        if (seen.has(e) || e.traditional === entry.traditional || e.flags.includes('variant') || e.flags.includes('proper-noun')) continue;
        seen.add(e);
        for (const y of this.stemsOf(e, true)) if (!own.has(y)) out.set(y, (out.get(y) ?? 0) + 1);
      }
    }
    this.alike.set(entry, out);
    return out;
  }

  /** Candidate spans among the English words `free` leaves (those no stronger evidence took). */
  matches(entry: LexiconEntry, ctx: EnglishContext, free: (start: number, end: number) => boolean = () => true): GlossMatch[] {
    const { minLetters, maxRenderings, base, weight, maxSupport } = this.params;
    const out: GlossMatch[] = [];
    let like: Map<string, number> | null = null;
    ctx.tokens.forEach((t, i) => {
      if (!t.content || ctx.named[i] || t.text.length < minLetters || LIGHT_WORDS.has(t.stem) || !free(t.start, t.end)) return;
      if (this.lexicon.reverse.entryIds(t.stem).length > maxRenderings) return;
      like ??= this.likeStems(entry);
      let support = 0;
      // A like entry's word, or a derivation of it, not its agent noun (巡視 "to visit" is no "visitor").
      for (const [y, n] of like) if (stemsMatch(y, t.stem) && !isAgentNoun(y, t.stem)) support += n;
      if (support) out.push({ start: t.start, end: t.end, score: base + weight * Math.min(support, maxSupport), evidence: 'synonym' });
    });
    return out;
  }
}
