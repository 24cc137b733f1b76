export { toAnkiCsv } from './csv.js';
export { fromAnkiCsv, isZhdeckCsv, type CsvNote } from './read.js';
