// `node bench/gloss-dev/annotate.mjs`: compiles the hand annotation (annotations/<text-id>.txt)
// into dev.json and test.json, with offsets resolved against the texts as zhdeck aligns them
// today. Run after editing an annotation file; check what it prints (every English span that
// occurs more than once is reported, so that the intended one can be chosen with #k).
//
// Annotation file format (one text per file; # starts a comment):
//   @ 人人生而          a pair: the start of its Chinese text (enough characters to be unique)
//   @= 贡献             a pair whose whole Chinese text is this (a heading)
//   @2 它會在            the second pair that starts so
//   生 = born ; poly    a word of that pair, in sentence order: its gold span(s) in the pair's
//                       English, `|` between acceptable alternatives, `-` when the English has
//                       no rendering; after `;` its category (see README.md)
//   word@2 = ...        the word's second occurrence after the previous word (default: the first)
//   x = right#2 ; infl  the span's second occurrence in the English (default: the first)
import { readFileSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../util.mjs';
import { SOURCES, writeArticles } from './sources.mjs';
import { keyOf, loadLibrary, alignedPairs, pairTexts } from './common.mjs';

export const CATEGORIES = ['lexical', 'inflected', 'derived', 'multiword', 'name', 'number', 'measure', 'polysemous', 'paraphrase', 'null'];
const here = join(root, 'bench/gloss-dev');

const lib = await loadLibrary();
if (lib.loadError) throw lib.loadError;
const dir = mkdtempSync(join(tmpdir(), 'zhdeck-annotate-'));
const out = { dev: {}, test: {} };
let problems = 0;
const problem = (msg) => {
  problems++;
  console.error(msg);
};

const isWordChar = (c) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
/** The k-th occurrence of s in text standing as whole words. */
function findSpan(text, s, k) {
  const all = [];
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
    const whole = !(isWordChar(s[0]) && isWordChar(text[i - 1])) && !(isWordChar(s.at(-1)) && isWordChar(text[i + s.length]));
    if (whole) all.push(i);
  }
  return { at: all[k - 1] ?? -1, count: all.length };
}

for (const s of SOURCES) {
  const file = join(here, 'annotations', `${s.id}.txt`);
  if (!existsSync(file)) continue;
  const [{ files, skipped }] = writeArticles(dir, s.part).filter((a) => a.source.id === s.id);
  if (skipped) throw new Error(`${s.id}: ${skipped}`);
  const pairs = (await alignedPairs(lib, files)).filter((p) => pairTexts(p).zh && pairTexts(p).en);
  const text = { source: s.source, licence: s.licence, domain: s.domain, script: s.script, pairs: [] };
  let cur = null;
  let pos = 0;
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((raw, n) => {
    const line = raw.replace(/\s+#.*$|^#.*$/, '').trim();
    const where = `${s.id}.txt:${n + 1}`;
    if (!line) return;
    if (line.startsWith('@')) {
      // `@= text`: the whole Chinese text, for a short pair that starts another.
      // `@2 text`: the second pair (in reading order) that starts so, where a longer prefix
      // would quote the whole sentence.
      const [, nth, exact, prefix] = /^@(\d*)(=?)\s*(.*)$/.exec(line);
      const found = pairs.filter((p) => (exact ? pairTexts(p).zh.trim() === prefix : pairTexts(p).zh.startsWith(prefix)));
      if (nth ? found.length < Number(nth) : found.length !== 1) return problem(`${where}: ${found.length} pairs start with ${prefix}`);
      const p = found[nth ? Number(nth) - 1 : 0];
      const { en, zh } = pairTexts(p);
      cur = {
        key: keyOf(s.id, zh),
        // Each sentence's key and length: where zhdeck later pairs the sentences differently,
        // an occurrence is found again by its sentence (see score.mjs).
        zh: p.zh.map((x) => ({ key: keyOf(s.id, x), length: x.length })),
        en: p.en.map((x) => ({ key: keyOf(s.id, x), length: x.length })),
        occurrences: [],
        _en: en,
        _zh: zh,
      };
      text.pairs.push(cur);
      pos = 0;
      return;
    }
    const m = /^(\S+?)(?:@(\d+))?\s*=\s*(.*?)\s*;\s*(\w+)$/.exec(line);
    if (!m || !cur) return problem(`${where}: cannot read ${JSON.stringify(line)}`);
    const [, word, nth, goldText, category] = m;
    if (!CATEGORIES.includes(category)) return problem(`${where}: unknown category ${category}`);
    let start = pos - 1;
    for (let k = 0; k < Number(nth ?? 1); k++) start = cur._zh.indexOf(word, start + 1);
    if (start < 0) return problem(`${where}: ${word} not found after offset ${pos}`);
    pos = start + word.length;
    let gold = null;
    if (goldText !== '-') {
      gold = [];
      for (const alt of goldText.split('|').map((x) => x.trim())) {
        const g = /^(.*?)(?:#(\d+))?$/.exec(alt);
        const span = g[1];
        const { at, count } = findSpan(cur._en, span, Number(g[2] ?? 1));
        if (at < 0) {
          problem(`${where}: "${span}" not in the English`);
          continue;
        }
        if (count > 1 && !g[2]) console.log(`${where}: "${span}" occurs ${count} times; the first is taken`);
        gold.push({ text: span, start: at, end: at + span.length });
      }
    }
    // No rendering: category null, or a measure word the English leaves unsaid.
    if (gold === null ? !['null', 'measure'].includes(category) : category === 'null') problem(`${where}: "-" goes with null or measure, null with "-"`);
    cur.occurrences.push({ word, start, end: start + word.length, gold, category });
  });
  for (const p of text.pairs) {
    delete p._en;
    delete p._zh;
  }
  out[s.part][s.id] = text;
}

const NOTE = {
  dev: 'Development part of the contextual-gloss set: tune on it and read its misses (bench/gloss-dev/report.mjs).',
  test: 'Held-out test part of the contextual-gloss set: report only; never tune on it or read its misses while changing the glosser.',
};
for (const part of ['dev', 'test']) {
  const texts = out[part];
  const count = Object.values(texts).reduce((n, t) => n + t.pairs.reduce((m, p) => m + p.occurrences.length, 0), 0);
  const json = {
    note: `${NOTE[part]} Hand annotation (see bench/gloss-dev/README.md): per text, per aligned pair (keyed by a hash of the text id and the pair's normalised Chinese text; the sentences' own hashes locate it when zhdeck pairs them differently), per content-word occurrence: its offsets in the pair's Chinese text, and the English span(s) a careful translator would say render it (offsets in the pair's English text, its sentences joined by single spaces), or null.`,
    occurrences: count,
    texts,
  };
  writeFileSync(join(here, `${part}.json`), JSON.stringify(json, null, 1) + '\n');
  console.log(`${part}.json: ${Object.keys(texts).length} texts, ${count} occurrences`);
}
if (problems) {
  console.error(`${problems} problem(s)`);
  process.exitCode = 1;
}
