// Measures each segmentation rule (segment/rules.ts) and the new-word detection
// (segment/newwords.ts) and the filter on jieba's HMM guesses (segment/recurring.ts) by turning it off alone, on the first
// half of each SIGHAN gold file (tuning) with the second half beside it (reported only):
// `node bench/tune-rules.mjs` after a build.
import { CORPORA, readSighan, scoreHalves } from './segment.mjs';
import { fmt } from './util.mjs';

const { loadSegmentDictionary, segmenterFor, DEFAULT_RULES, NEW_WORD_OPTIONS } = await import('../dist/segment/index.js');
const dictionary = await loadSegmentDictionary();
const corpora = CORPORA.map((c) => ({ name: c[0], script: c[3], ...readSighan(c) }));
const off = Object.fromEntries(Object.keys(DEFAULT_RULES).map((k) => [k, false]));
const variants = [['everything', {}], ['no rules, no new words', { rules: off, newWords: null }], ['without new words', { newWords: null }]];
for (const k of Object.keys(DEFAULT_RULES)) variants.push([`without ${k}`, { rules: { ...DEFAULT_RULES, [k]: false } }]);
for (const k of Object.keys(DEFAULT_RULES)) variants.push([`only ${k}`, { rules: { ...off, [k]: true }, newWords: null }]);
variants.push(['only new words', { rules: off }]);
variants.push(['every HMM guess kept', { recurringGuesses: false }]);
for (const recurringMin of [3, 4, 1e9]) variants.push([`HMM guesses seen ${recurringMin}×`, { recurringMin }]);
for (const f of [100, 1000, 10000]) variants.push([`new words at frequency ${f}`, { newWordFrequency: f }]);
for (const minCount of [2, 4]) variants.push([`new words seen ${minCount}×`, { newWords: { ...NEW_WORD_OPTIONS, minCount } }]);
for (const cohesion of [0.4, 0.8]) variants.push([`new words, cohesion ${cohesion}`, { newWords: { ...NEW_WORD_OPTIONS, cohesion } }]);

console.log(`${'variant'.padEnd(30)} ${CORPORA.map((c) => c[0].padStart(13)).join(' ')}   mean (first half / second half)`);
for (const [name, opts] of variants) {
  const cells = [];
  let dev = 0;
  let test = 0;
  for (const c of corpora) {
    const seg = segmenterFor(dictionary, c.test.join("\n"), opts);
    const r = await scoreHalves(c.gold, c.test.map((l) => seg.words(l, c.script)));
    cells.push(`${fmt(r.dev.f1, 3)}/${fmt(r.test.f1, 3)}`.padStart(13));
    dev += r.dev.f1 / corpora.length;
    test += r.test.f1 / corpora.length;
  }
  console.log(`${name.padEnd(30)} ${cells.join(' ')}   ${fmt(dev, 4)} / ${fmt(test, 4)}`);
}
