// Frequency ranks (install-time data/frequency.bin): how common each word is, for levels and bands.
import { dataLoader, prepareData, readDataFile, type DataSet } from '../data/index.js';
import type { LexiconEntry } from '../lexicon/index.js';
import { FREQUENCY, FrequencyRanks } from './ranks.js';

export { FrequencyRanks, bandOf, bandLabel, type Band } from './ranks.js';

const making = () => require('./build.js') as typeof import('./build.js');

/** data/frequency.bin: made from the Leiden counts and the segmentation dictionary, for CC-CEDICT's words (`entries`, read when not given). */
const frequencyData = (entries?: Iterable<LexiconEntry>): DataSet<FrequencyRanks> => ({
  what: 'the frequency ranks',
  layouts: [FREQUENCY],
  sources: () => making().SOURCES,
  async build() {
    const { loadSegmentDictionary } = require('../segment/index.js') as typeof import('../segment/index.js');
    return [making().buildFrequencyData(await loadSegmentDictionary(), entries)];
  },
  open: () => new FrequencyRanks(readDataFile(FREQUENCY)),
});

/** Builds data/frequency.bin (install time). */
export const prepareFrequencyData = (entries?: Iterable<LexiconEntry>) => prepareData(frequencyData(entries));

export const loadFrequencyRanks: () => Promise<FrequencyRanks> = dataLoader(() => frequencyData());
