// What the learner already knows: no cards for those words.
import { readTextFile } from '../article/index.js';
import { loadLexicon } from '../lexicon/index.js';
import { loadSegmentDictionary } from '../segment/index.js';

/** A known-words list: one word per line, either script; blank lines and # comments ignored. Both forms are kept. */
export function parseKnownWords(text: string, toSimplified: (word: string) => string): Set<string> {
  const known = new Set<string>();
  for (const raw of text.split('\n')) {
    const w = raw.replace(/#.*/, '').trim();
    if (!w) continue;
    known.add(w);
    known.add(toSimplified(w));
  }
  return known;
}

/** Reads a known-words file (see parseKnownWords). */
export async function readKnownWords(file: string): Promise<Set<string>> {
  const { text } = readTextFile(file, await loadLexicon());
  return parseKnownWords(text, (await loadSegmentDictionary()).toSimplified);
}
