import { stringify } from 'csv-stringify/sync';
import { fieldValues, type Note } from '../notes/index.js';

// Columns, 1-based as Anki counts them: guid, note type, deck, the two fields, tags.
export const HEADER = ['#separator:tab', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:6'];

/**
 * The Anki CSV, shaped like Anki's own "Notes in Plain Text" export, so that File → Import
 * needs nothing set: the header lines tell Anki the separator, that fields are HTML, and which
 * columns hold the GUID, note type, deck and tags. Both built-in note types have two fields.
 */
export function toAnkiCsv(notes: Note[]): string {
  return `${csvHead()}${csvRows(notes)}`;
}

/** The header lines of the Anki CSV. */
export const csvHead = () => `${HEADER.join('\n')}\n`;

/** The CSV lines of some notes, each ending in a newline: a deck is its head and then these, in any number of parts. */
export function csvRows(notes: readonly Note[]): string {
  if (notes.length === 0) return '';
  const rows = notes.map((n) => [n.guid, n.type, n.deck, ...fieldValues(n), n.tags.join(' ')]);
  return stringify(rows, {
    delimiter: '\t',
    record_delimiter: 'unix',
    // Anki reads a line starting with # as a comment: a GUID that starts with # must be quoted.
    quoted_match: /^#/,
  });
}
