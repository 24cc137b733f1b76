// Re-measures the install-time choices of segment/build.ts on the first half of each SIGHAN
// gold file (where they are tuned) and prints the second half beside it (reported only):
// `node bench/tune-segment.mjs` after a build. Not part of `npm run bench` (it builds the
// segmentation dictionary once per option, ~2 s each).
import { CORPORA, readSighan, scoreHalves } from './segment.mjs';
import { fmt } from './util.mjs';

const { buildSegmentData } = await import('../dist/segment/build.js');
const { readCedictEntries } = await import('../dist/lexicon/build.js');
const { SegmentDictionary, SEGMENT, segmenterFor } = await import('../dist/segment/index.js');
const { unpack } = await import('../dist/data/index.js');

const entries = readCedictEntries();
const corpora = CORPORA.map((c) => ({ name: c[0], script: c[3], ...readSighan(c) }));

const options = [];
for (const mergeRule of ['off', 'one-long', 'both-long']) options.push({ mergeRule, addedFrequency: 3 });
for (const addedFrequency of [0, 1, 2, 5, 10, 30]) options.push({ mergeRule: 'one-long', addedFrequency });
options.push({ degreePhrases: false });

console.log(`${'options'.padEnd(36)} ${CORPORA.map((c) => c[0].padStart(13)).join(' ')}   mean (first half / second half)`);
for (const opts of options) {
  const dictionary = new SegmentDictionary(unpack(await buildSegmentData(entries, opts), SEGMENT));
  const cells = [];
  let dev = 0;
  let test = 0;
  for (const c of corpora) {
    const seg = segmenterFor(dictionary, c.test.join('\n'));
    const r = await scoreHalves(c.gold, c.test.map((l) => seg.words(l, c.script)));
    cells.push(`${fmt(r.dev.f1, 3)}/${fmt(r.test.f1, 3)}`.padStart(13));
    dev += r.dev.f1 / corpora.length;
    test += r.test.f1 / corpora.length;
  }
  console.log(`${JSON.stringify(opts).padEnd(36)} ${cells.join(' ')}   ${fmt(dev, 4)} / ${fmt(test, 4)}`);
}
