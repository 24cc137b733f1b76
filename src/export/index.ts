export { toAnkiCsv } from './csv.js';
export { fromAnkiCsv, type CsvNote } from './read.js';
