/** What a CC-CEDICT definition line says about its entry, beyond its senses. */
export type EntryFlag = 'variant' | 'surname' | 'abbreviation' | 'proper-noun' | 'bound';

export interface Classifier {
  traditional: string;
  simplified: string;
  pinyin: string;
}

export interface LexiconEntry {
  traditional: string;
  simplified: string;
  /** Tone marks, syllables separated by spaces, CEDICT's capitals kept for proper nouns. */
  pinyin: string;
  senses: string[];
  classifiers: Classifier[];
  flags: EntryFlag[];
}
