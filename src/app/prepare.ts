// `npm install` runs this once (the prepare script): every data file an ordinary run loads is
// built here, from the packages the project depends on, so that no run parses raw text. Each is
// written atomically and read back through the checks a load makes (data/files.ts).
import { readCedictEntries } from '../lexicon/build.js';
import { prepareLexicon } from '../lexicon/index.js';
import { prepareSegmentData } from '../segment/index.js';
import { prepareFrequencyData } from '../frequency/index.js';

async function main(): Promise<void> {
  const t0 = performance.now();
  const entries = readCedictEntries();
  const report = ({ files, bytes }: { files: string[]; bytes: number }) => console.log(`zhdeck: prepared ${files.join(' and ')} (${(bytes / 1e6).toFixed(1)} MB)`);
  report(await prepareLexicon(entries));
  report(await prepareSegmentData(entries));
  report(await prepareFrequencyData(entries));
  console.log(`zhdeck: data ready in ${Math.round(performance.now() - t0)} ms`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
