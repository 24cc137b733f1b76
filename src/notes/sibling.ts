import { guidFor } from './guid.js';
import type { NoteKind } from './types.js';

/**
 * A note's sibling key: what its cards ask about, shared with other notes' cards. A sentence's
 * cloze and translation notes share the Chinese sentence; a word's vocabulary note is its own.
 * Cards with one key are not studied on the same day (bury siblings, as Anki does for the cards
 * of one note: here one sentence makes two notes).
 */
export const sentenceSibling = (zh: string): string => guidFor('zhdeck', 'sentence', zh);

const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string) =>
  s.replace(ENTITY, (_, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name.toLowerCase()]!,
  );

/**
 * The sibling key of a note known only by its fields (a deck or package read back, a collection
 * from before keys were stored): its Chinese sentence — the first field on zhdeck's note types,
 * the first `zh` block on Anki's built-in ones and in collections from before zhdeck had its
 * own — cloze markup reduced to its words, tags dropped, unescaped, as makeNotes keyed it. A
 * word's note is its own sibling, and so is a note with no sentence.
 */
export function siblingFromFields(kind: NoteKind, guid: string, fields: readonly string[]): string {
  if (kind === 'vocabulary') return guid;
  const first = fields[0] ?? '';
  const sentence = /<div class="zh">(.*?)<\/div>/s.exec(first)?.[1] ?? first;
  const zh = decode(sentence.replace(/\{\{c\d+::(.*?)(?:::.*?)?\}\}/g, '$1').replace(/<[^>]*>/g, ''));
  return zh ? sentenceSibling(zh) : guid;
}
