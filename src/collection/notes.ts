import type { NoteType } from '../notes/index.js';
import { siblingFromFields } from '../notes/sibling.js';
import type { CollectionNote, NoteRecord } from './types.js';

const CLOZE = /\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}/g;

/**
 * The cards a note makes, each with a key that names what it asks: for a cloze, the word it
 * hides (so that a card keeps its history when the numbering of the clozes shifts); for a
 * reversible note, its front or its back.
 */
export function cardsOf(type: NoteType, fields: readonly string[]): { ord: number; key: string }[] {
  if (type === 'Basic (and reversed card)') return [{ ord: 0, key: 'front' }, { ord: 1, key: 'back' }];
  if (type === 'zhdeck vocabulary') return [{ ord: 0, key: 'recognition' }, { ord: 1, key: 'production' }];
  if (type === 'zhdeck translation') return [{ ord: 0, key: 'zh-en' }, { ord: 1, key: 'en-zh' }];
  const byNumber = new Map<number, string>();
  for (const m of (fields[0] ?? '').matchAll(CLOZE)) {
    const n = Number(m[1]);
    if (!byNumber.has(n)) byNumber.set(n, m[2]!);
  }
  return [...byNumber].sort((a, b) => a[0] - b[0]).map(([n, word]) => ({ ord: n - 1, key: `cloze:${word}` }));
}

/**
 * The keys of a note's cards on zhdeck's own note types, from the keys they had on Anki's
 * built-in ones (collections from before zhdeck had its note types): the same question, so the
 * same card and its history. Cloze keys (the hidden word) are the same on both.
 */
export const UPGRADED_KEYS: Record<string, Record<string, string>> = {
  vocabulary: { front: 'recognition', back: 'production' },
  translation: { front: 'zh-en', back: 'en-zh' },
  cloze: {},
};

export const toCollectionNote = (n: NoteRecord): CollectionNote => ({
  guid: n.guid,
  kind: n.kind,
  type: n.type,
  deck: n.deck,
  fields: [...n.fields],
  tags: [...n.tags],
  sibling: n.sibling ?? siblingFromFields(n.kind, n.guid, n.fields),
  cards: cardsOf(n.type, n.fields),
});
