// Frequency ranks (install-time data/frequency.bin): how common each word is, for levels and bands.
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { writeFileAtomic } from '../util/fs.js';
import { unpack } from '../util/pack.js';
import { FORMAT, FrequencyRanks } from './ranks.js';

export { FrequencyRanks, bandOf, bandLabel, type Band } from './ranks.js';

export const frequencyDataPath = () => dataPath('frequency.bin');

let shared: FrequencyRanks | undefined;

/** Builds data/frequency.bin (install time, or once if it is missing or stale). */
export async function prepareFrequencyData(entries?: Iterable<import('../lexicon/index.js').LexiconEntry>): Promise<Buffer> {
  const { buildFrequencyData } = require('./build.js') as typeof import('./build.js');
  const { readCedictEntries } = require('../lexicon/build.js') as typeof import('../lexicon/build.js');
  const { loadSegmentDictionary } = require('../segment/index.js') as typeof import('../segment/index.js');
  const buf = buildFrequencyData(entries ?? readCedictEntries(), await loadSegmentDictionary());
  writeFileAtomic(frequencyDataPath(), buf);
  return buf;
}

export async function loadFrequencyRanks(): Promise<FrequencyRanks> {
  if (shared) return shared;
  const path = frequencyDataPath();
  let buf: Buffer | null = existsSync(path) ? readFileSync(path) : null;
  if (buf && unpack(buf, path).version !== FORMAT) buf = null;
  if (!buf) {
    process.stderr.write('zhdeck: preparing the frequency ranks (once)…\n');
    buf = await prepareFrequencyData();
  }
  shared = new FrequencyRanks(buf, path);
  return shared;
}
