// The library API: what the CLI calls, and what tests and other programs can call.
import { readArticles, readTextFile, languageOf, type Article, type ParseOptions } from './article/index.js';
import { alignArticle, alignPresplit, type Bead, type SentencePair } from './align/index.js';
import { loadLexicon, type LexiconEntry } from './lexicon/index.js';
import { UserError } from './util/errors.js';

export * from './article/index.js';
export * from './align/index.js';
export * from './lexicon/index.js';
export { UserError } from './util/errors.js';

export async function lookup(word: string): Promise<LexiconEntry[]> {
  return (await loadLexicon()).lookup(word.trim());
}

export interface AlignedArticle {
  article: Article;
  pairs: SentencePair[];
}

/** Reads articles from files and aligns their sentences. */
export async function align(inputs: string[], opts: ParseOptions = {}): Promise<AlignedArticle[]> {
  const lexicon = await loadLexicon();
  return readArticles(inputs, lexicon, opts).map((article) => ({ article, pairs: alignArticle(article, lexicon) }));
}

export interface PresplitAlignment {
  enLines: string[];
  zhLines: string[];
  beads: Bead[];
}

/** Two files already split one sentence per line, in either order; indices are 0-based line numbers. */
export async function alignLines(inputs: string[]): Promise<PresplitAlignment> {
  if (inputs.length !== 2) throw new UserError('--presplit takes exactly two files: one English, one Chinese', 'align');
  const lexicon = await loadLexicon();
  const files = inputs.map((f) => readTextFile(f, lexicon));
  const lines = files.map((f) => f.text.replace(/\n$/, '').split('\n'));
  const zhFirst = lines.map((ls) => ls.filter((l) => languageOf(l) === 'zh').length);
  const [zhIdx, enIdx] = zhFirst[0]! > zhFirst[1]! ? [0, 1] : [1, 0];
  if (zhFirst[zhIdx] === 0) throw new UserError('no Chinese text found', `${inputs[0]} + ${inputs[1]}`);
  const enLines = lines[enIdx]!;
  const zhLines = lines[zhIdx]!;
  return { enLines, zhLines, beads: alignPresplit(enLines, zhLines, lexicon) };
}
