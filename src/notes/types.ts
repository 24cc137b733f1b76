/** Anki's built-in note types: importing needs no set-up. */
export type NoteType = 'Cloze' | 'Basic (and reversed card)';
export type NoteKind = 'cloze' | 'translation' | 'vocabulary';

interface NoteBase {
  /** From what the note is (its kind and its Chinese sentence or word), never from position or time. */
  guid: string;
  deck: string;
  tags: string[];
  /** How many cards Anki makes of it. */
  cards: number;
  /** What its cards share with other notes' cards (see sibling.ts): not studied on one day. */
  sibling: string;
}

/** One Chinese sentence with one cloze per target word; the English sentence as context. */
export interface ClozeNote extends NoteBase {
  kind: 'cloze';
  type: 'Cloze';
  fields: { Text: string; 'Back Extra': string };
}

/** Chinese sentence ⇄ English sentence, both directions. */
export interface TranslationNote extends NoteBase {
  kind: 'translation';
  type: 'Basic (and reversed card)';
  fields: { Front: string; Back: string };
}

/** Word ⇄ pinyin, contextual gloss, senses and the example sentence, both directions. */
export interface VocabularyNote extends NoteBase {
  kind: 'vocabulary';
  type: 'Basic (and reversed card)';
  fields: { Front: string; Back: string };
}

export type Note = ClozeNote | TranslationNote | VocabularyNote;

/** A note's fields in the note type's order. */
export const fieldValues = (n: Note): [string, string] =>
  n.type === 'Cloze' ? [n.fields.Text, n.fields['Back Extra']] : [n.fields.Front, n.fields.Back];
