// `npm install` runs this once (the prepare script): every data file an ordinary run loads is
// built here, from the packages the project depends on, so that no run parses raw text.
import { readCedictEntries } from '../lexicon/build.js';
import { prepareLexicon, lexiconPath } from '../lexicon/index.js';
import { prepareSegmentData, segmentDataPath } from '../segment/index.js';
import { frequencyDataPath, prepareFrequencyData } from '../frequency/index.js';

async function main(): Promise<void> {
  const t0 = performance.now();
  const entries = readCedictEntries();
  const report = (path: string, buf: Buffer) => console.log(`zhdeck: prepared ${path} (${(buf.length / 1e6).toFixed(1)} MB)`);
  const lexicon = await prepareLexicon(entries);
  report(lexiconPath(), Buffer.concat([lexicon.index, lexicon.records]));
  report(segmentDataPath(), await prepareSegmentData(entries));
  report(frequencyDataPath(), await prepareFrequencyData(entries));
  console.log(`zhdeck: data ready in ${Math.round(performance.now() - t0)} ms`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
