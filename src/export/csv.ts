import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { UserError } from '../util/errors.js';
import { fieldValues, type Note } from '../notes/index.js';

// Columns, 1-based as Anki counts them: guid, note type, deck, the two fields, tags.
const HEADER = ['#separator:tab', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:6'];

/**
 * The Anki CSV, shaped like Anki's own "Notes in Plain Text" export, so that File → Import
 * needs nothing set: the header lines tell Anki the separator, that fields are HTML, and which
 * columns hold the GUID, note type, deck and tags. Both built-in note types have two fields.
 */
export function toAnkiCsv(notes: Note[]): string {
  const rows = notes.map((n) => [n.guid, n.type, n.deck, ...fieldValues(n), n.tags.join(' ')]);
  const body = stringify(rows, {
    delimiter: '\t',
    record_delimiter: 'unix',
    // Anki reads a line starting with # as a comment: a GUID that starts with # must be quoted.
    quoted_match: /^#/,
  });
  return `${HEADER.join('\n')}\n${body}`;
}

export interface CsvNote {
  guid: string;
  kind: Note['kind'];
  type: Note['type'];
  deck: string;
  fields: [string, string];
  tags: string[];
}

const KINDS: readonly Note['kind'][] = ['cloze', 'translation', 'vocabulary'];
const TYPES: readonly string[] = ['Cloze', 'Basic (and reversed card)'];

/** Reads a deck zhdeck wrote back into notes (for `zhdeck add deck.csv`). Anything else is a user error naming the file. */
export function fromAnkiCsv(text: string, file: string): CsvNote[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines.slice(0, HEADER.length).map((l) => l.trim());
  if (header.join('\n') !== HEADER.join('\n')) throw new UserError('is not a deck written by zhdeck (its header lines differ)', file);
  let rows: string[][];
  try {
    // As Anki's reader does: # starts a comment only at the start of a line.
    rows = parse(lines.slice(HEADER.length).join('\n'), { delimiter: '\t', comment: '#', comment_no_infix: true, relax_column_count: true });
  } catch (e) {
    throw new UserError(`is not valid CSV (${(e as Error).message.split('\n')[0]})`, file);
  }
  return rows.map((r, i) => {
    const [guid = '', type = '', deck = '', a = '', b = '', tagText = ''] = r;
    const tags = tagText.split(/\s+/).filter(Boolean);
    const kind = KINDS.find((k) => tags.includes(k));
    if (r.length !== 6 || !guid || !TYPES.includes(type) || !kind) throw new UserError(`row ${i + 1} is not a zhdeck note`, file);
    return { guid, kind, type: type as Note['type'], deck, fields: [a, b], tags };
  });
}
