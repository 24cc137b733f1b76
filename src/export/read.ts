import type { BuiltinNoteType, Note } from '../notes/index.js';
import { UserError } from '../util/errors.js';
import { HEADER } from './csv.js';

export interface CsvNote {
  guid: string;
  kind: Note['kind'];
  type: BuiltinNoteType;
  deck: string;
  fields: [string, string];
  tags: string[];
}

// Loaded when a deck is read (zhdeck add deck.csv), not on every build.
type Parse = typeof import('csv-parse/sync').parse;

const KINDS: readonly Note['kind'][] = ['cloze', 'translation', 'vocabulary'];

/** Whether a file's first bytes are those of a deck zhdeck wrote (its first header line). */
export const isZhdeckCsv = (bytes: Uint8Array): boolean =>
  Buffer.from(bytes.subarray(0, 64)).toString('utf8').replace(/^\uFEFF/, '').startsWith(HEADER[0]!);

/** Reads a deck zhdeck wrote back into notes (for `zhdeck add deck.csv`). Anything else is a user error naming the file. */
export function fromAnkiCsv(text: string, file: string): CsvNote[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines.slice(0, HEADER.length).map((l) => l.trim());
  if (header.join('\n') !== HEADER.join('\n')) throw new UserError('is not a deck written by zhdeck (its header lines differ)', file);
  let rows: string[][];
  try {
    // As Anki's reader does: # starts a comment only at the start of a line.
    const parse = (require('csv-parse/sync') as { parse: Parse }).parse;
    rows = parse(lines.slice(HEADER.length).join('\n'), { delimiter: '\t', comment: '#', comment_no_infix: true, relax_column_count: true });
  } catch (e) {
    throw new UserError(`is not valid CSV (${(e as Error).message.split('\n')[0]})`, file);
  }
  return rows.map((r, i) => {
    const [guid = '', type = '', deck = '', a = '', b = '', tagText = ''] = r;
    const tags = tagText.split(/\s+/).filter(Boolean);
    const kind = KINDS.find((k) => tags.includes(k));
    if (r.length !== 6 || !guid || !type || !kind) throw new UserError(`row ${i + 1} is not a zhdeck note`, file);
    // The note type column holds whatever names --note-types gave; the kind tells which built-in type it is.
    return { guid, kind, type: kind === 'cloze' ? 'Cloze' : 'Basic (and reversed card)', deck, fields: [a, b], tags };
  });
}
