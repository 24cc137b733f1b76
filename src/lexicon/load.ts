import { DataProblem, dataLoader, dataPath, openDataFile, prepareData, readDataFile, type DataSet } from '../data/index.js';
import { isCurrent, Lexicon, LEXICON, RECORDS } from './store.js';
import type { CedictEntry } from './cedict.js';

const making = () => require('./build.js') as typeof import('./build.js');

/**
 * data/lexicon-records.bin and data/lexicon.bin, made together from CC-CEDICT (`entries`, parsed
 * when not given). Records first: an index is only ever next to the records it was built with.
 */
const lexiconData = (entries?: CedictEntry[]): DataSet<Lexicon> => ({
  what: 'the CC-CEDICT lexicon',
  layouts: [RECORDS, LEXICON],
  sources: () => making().SOURCES,
  async build() {
    const files = await making().buildLexicon(entries);
    return [files.records, files.index];
  },
  open() {
    const index = readDataFile(LEXICON);
    // The records are read as entries are decoded (a positional read each; the file stays open).
    const records = openDataFile(RECORDS);
    if (!isCurrent(index, records.read('stamp', 0, records.length('stamp')))) {
      records.close();
      throw new DataProblem('stale', 'not built with this stemmer and these records', dataPath(LEXICON.file));
    }
    return new Lexicon(index, (start, end) => records.read('records', start, end).toString('utf8'));
  },
});

/** Builds data/lexicon.bin and data/lexicon-records.bin (install time). */
export const prepareLexicon = (entries?: CedictEntry[]) => prepareData(lexiconData(entries));

/** The lexicon, loaded once per process. */
export const loadLexicon: () => Promise<Lexicon> = dataLoader(() => lexiconData());
