import { loadLexicon, type LexiconEntry } from '../lexicon/index.js';

/** CC-CEDICT entries for a word in either script, the everyday one first. */
export async function lookup(word: string): Promise<LexiconEntry[]> {
  return (await loadLexicon()).lookup(word.trim());
}
