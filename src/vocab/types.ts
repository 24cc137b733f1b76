import type { LexiconEntry } from '../lexicon/index.js';

/**
 * Where a gloss came from: the word's own senses, a pinyin spelling, a Latin name, a number's value, co-occurrence
 * across the article, or a word of like meaning sharing a character (the reverse dictionary).
 */
export type GlossEvidence = 'dictionary' | 'transliteration' | 'latin' | 'number' | 'cooccurrence' | 'synonym' | 'morpheme' | 'position';

/** The English words that render a Chinese word in its aligned sentence: a span copied from that sentence. */
export interface Gloss {
  text: string;
  pairId: string;
  /** Offsets in the pair's English text (its sentences joined by single spaces). */
  start: number;
  end: number;
  evidence: GlossEvidence;
}

/** One use of a word in the article. */
export interface Occurrence {
  pairId: string;
  /** Offsets in the pair's Chinese text (its sentences joined). */
  start: number;
  end: number;
  /** How this sentence renders the word, when it does. */
  gloss: Gloss | null;
}

export interface Word {
  /** As written in the article. */
  text: string;
  traditional: string;
  simplified: string;
  /** The lexicon entry that fits the article's use, or null for a word CC-CEDICT lacks. */
  entry: LexiconEntry | null;
  /** Tone marks, syllables spaced. */
  pinyin: string;
  senses: string[];
  /** The best contextual gloss over the word's occurrences. */
  gloss: Gloss | null;
  /** jieba's dictionary frequency of the Simplified form (0 when it has none). */
  frequency: number;
  /** How common the word is, 1 for the most frequent (frequency/: Leiden's list, else jieba's), null when no list ranks it. */
  rank: number | null;
  occurrences: Occurrence[];
  /** A name (person, place, company, product): kept, but tagged. */
  properNoun: boolean;
  /** Worth studying: a content word with a dictionary entry. */
  content: boolean;
  /** Higher is more useful to learn first. */
  usefulness: number;
}
