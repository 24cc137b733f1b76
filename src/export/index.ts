export { toAnkiCsv, fromAnkiCsv, type CsvNote } from './csv.js';
