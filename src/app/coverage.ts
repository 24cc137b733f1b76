// `zhdeck coverage`: before anything is built, how much of an article the learner can read.
import type { ParseOptions } from '../article/index.js';
import { isKnown, type Word } from '../vocab/index.js';
import { knownFor, type LearnerKnowledge } from './known.js';
import { study, type StudiedArticle } from './study.js';
import { DEFAULT_LEVEL } from '../vocab/index.js';

/** The shape `coverage --json` prints (STANDARDS §1). */
export interface Coverage {
  /** Chinese word tokens in the articles' sentences (not credits; not numbers, Latin or punctuation). */
  tokens: number;
  knownTokens: number;
  /** knownTokens / tokens. */
  coverage: number;
  /** Words not known, the most frequent in the text first: as first written, occurrences, frequency rank (null: unranked). */
  unknownWords: { word: string; count: number; rank: number | null }[];
  /** Sentence pairs with Chinese words. */
  sentences: number;
  /** Of them, those with exactly one distinct unknown word. */
  iPlus1: number;
}

/**
 * Word tokens known, as a build decides it: a word is known when a source lists it (either
 * script) or it is among the `level` most frequent; every other Chinese word is unknown,
 * names and grammatical words included.
 */
export function coverageOf(studied: StudiedArticle[], known: Set<string>, level = DEFAULT_LEVEL): Coverage {
  let tokens = 0;
  let knownTokens = 0;
  const unknown = new Map<string, { word: Word; count: number }>();
  const bySentence = new Map<string, Set<string>>();
  studied.forEach((s, a) => {
    for (const w of s.words) {
      const isIt = isKnown(w, known, level);
      for (const o of w.occurrences) {
        tokens++;
        const sentence = `${a}:${o.pairId}`;
        const here = bySentence.get(sentence) ?? bySentence.set(sentence, new Set()).get(sentence)!;
        if (isIt) knownTokens++;
        else here.add(w.simplified);
      }
      if (!isIt) {
        const u = unknown.get(w.simplified) ?? unknown.set(w.simplified, { word: w, count: 0 }).get(w.simplified)!;
        u.count += w.occurrences.length;
      }
    }
  });
  const unknownWords = [...unknown.values()]
    .sort((x, y) => y.count - x.count || (x.word.rank ?? Infinity) - (y.word.rank ?? Infinity) || (x.word.text < y.word.text ? -1 : 1))
    .map(({ word, count }) => ({ word: word.text, count, rank: word.rank }));
  return {
    tokens,
    knownTokens,
    coverage: tokens ? knownTokens / tokens : 0,
    unknownWords,
    sentences: bySentence.size,
    iPlus1: [...bySentence.values()].filter((u) => u.size === 1).length,
  };
}

/** Reads and segments articles, and measures what the learner knows of them. */
export async function coverage(inputs: string[], opts: ParseOptions & { knowledge?: LearnerKnowledge; level?: number } = {}): Promise<Coverage> {
  const studied = await study(inputs, opts);
  return coverageOf(studied, opts.knowledge ? knownFor(opts.knowledge) : new Set(), opts.level);
}
