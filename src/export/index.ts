export { toAnkiCsv, csvHead, csvRows } from './csv.js';
export { csvSink, writingDeck, type DeckSink } from './sink.js';
export { fromAnkiCsv, isZhdeckCsv, type CsvNote } from './read.js';
