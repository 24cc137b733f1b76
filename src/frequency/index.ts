// Frequency ranks (install-time data/frequency.bin): how common each word is, for levels and bands.
import { loadData, prepareData, readDataFile, type DataSet } from '../data/index.js';
import type { LexiconEntry } from '../lexicon/index.js';
import { FREQUENCY, FrequencyRanks } from './ranks.js';

export { FrequencyRanks, bandOf, bandLabel, type Band } from './ranks.js';

let shared: FrequencyRanks | undefined;

/** data/frequency.bin: made from the Leiden counts and the segmentation dictionary, for CC-CEDICT's words (`entries`, read when not given). */
const frequencyData = (entries?: Iterable<LexiconEntry>): DataSet<FrequencyRanks> => ({
  what: 'the frequency ranks',
  layouts: [FREQUENCY],
  sources: () => [...(require('./build.js') as typeof import('./build.js')).SOURCES, ...(require('../lexicon/build.js') as typeof import('../lexicon/build.js')).SOURCES],
  async build() {
    const { buildFrequencyData } = require('./build.js') as typeof import('./build.js');
    const { readCedictEntries } = require('../lexicon/build.js') as typeof import('../lexicon/build.js');
    const { loadSegmentDictionary } = require('../segment/index.js') as typeof import('../segment/index.js');
    return [buildFrequencyData(entries ?? readCedictEntries(), await loadSegmentDictionary())];
  },
  open: () => new FrequencyRanks(readDataFile(FREQUENCY)),
});

/** Builds data/frequency.bin (install time). */
export const prepareFrequencyData = (entries?: Iterable<LexiconEntry>) => prepareData(frequencyData(entries));

export async function loadFrequencyRanks(): Promise<FrequencyRanks> {
  return (shared ??= await loadData(frequencyData()));
}
