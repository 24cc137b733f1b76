// The order new cards are introduced in: i+1. A sentence's cloze cards come once the learner
// has met (on their recognition cards) all but one of the sentence's unknown words, and that
// one is learned from the first cloze card, in context, just before its own recognition card.
// A sentence's translation cards, and its words' production cards, wait until the next
// sentence's cards are in: they would show answers just given.
import { guidFor } from './guid.js';
import type { Note } from './types.js';

/** Each note's cards' new-card positions (1, 2, …), by GUID, in card ordinal order. */
export type Positions = Map<string, number[]>;

const vocabularyGuid = (simplified: string) => guidFor('zhdeck', 'vocabulary', simplified);

/**
 * The new-card positions of notes as makeNotes makes them (sentence by sentence, each
 * sentence's cloze then translation note, then the vocabulary notes): every card of every
 * note gets one.
 */
export function introductionOrder(notes: Note[]): Positions {
  const positions: Positions = new Map(notes.map((n) => [n.guid, new Array<number>(n.cards).fill(0)]));
  const vocabulary = new Map(notes.filter((n) => n.kind === 'vocabulary').map((n) => [n.guid, n]));
  let next = 0;
  const place = (n: Note, ord: number) => {
    const p = positions.get(n.guid)!;
    if (!p[ord]) p[ord] = ++next;
  };
  // A word's vocabulary GUID is a SHA-256: made once per word, not at each of its sentences.
  const guids = new Map<string, string>();
  const vocabularyOf = (word: string) => {
    let g = guids.get(word);
    if (g === undefined) guids.set(word, (g = vocabularyGuid(word)));
    return vocabulary.get(g);
  };
  const met = new Set<string>();
  let deferred: [Note, number][] = [];
  let pending: [Note, number][] = [];
  /** A word's recognition card now, its production card after the next sentence. */
  const meet = (word: string) => {
    const v = vocabularyOf(word);
    if (!v || met.has(word)) return;
    met.add(word);
    place(v, 0);
    for (let ord = 1; ord < v.cards; ord++) pending.push([v, ord]);
  };
  const endSentence = () => {
    for (const [n, ord] of deferred) place(n, ord);
    deferred = pending;
    pending = [];
  };
  let sentence: string | undefined;
  for (const n of notes) {
    if (n.kind === 'vocabulary') continue;
    if (n.sibling !== sentence && sentence !== undefined) endSentence();
    sentence = n.sibling;
    const unmet = (n.unknown ?? []).filter((w) => !met.has(w) && vocabularyOf(w) !== undefined);
    if (n.kind === 'cloze') {
      const plusOne = n.hides.find((w) => unmet.includes(w));
      for (const w of unmet) if (w !== plusOne) meet(w);
      if (plusOne !== undefined) {
        place(n, n.hides.indexOf(plusOne));
        meet(plusOne);
      }
      for (let ord = 0; ord < n.cards; ord++) place(n, ord);
    } else {
      for (const w of unmet) meet(w);
      for (let ord = 0; ord < n.cards; ord++) pending.push([n, ord]);
    }
  }
  endSentence();
  endSentence();
  // Words no sentence note brought in (none, as makeNotes makes notes), and anything else, last.
  for (const n of notes) for (let ord = 0; ord < n.cards; ord++) place(n, ord);
  return positions;
}
