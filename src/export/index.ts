export { toAnkiCsv } from './csv.js';
