import type { Script } from '../article/index.js';

/**
 * zhdeck's own note types, which the `.apkg` carries with fixed ids (Anki matches note types
 * by id, so a collection made in any language, or one where the user renamed them, still
 * matches), and Anki's built-in ones, which only the CSV uses (Anki matches those by name).
 */
export type ZhdeckNoteType = 'zhdeck cloze' | 'zhdeck translation' | 'zhdeck vocabulary';
/** Anki's built-in note types, as a collection created in English names them. */
export type BuiltinNoteType = 'Cloze' | 'Basic (and reversed card)';
export type NoteType = ZhdeckNoteType | BuiltinNoteType;
export type NoteKind = 'cloze' | 'translation' | 'vocabulary';

/** A sentence with one cloze per target word; the back lists the words, the tested one first. */
export interface ClozeFields {
  /** The Chinese sentence with `{{cN::word::hint}}` per target word. */
  Text: string;
  /** The aligned English sentence, shown as context. */
  English: string;
  /** One line per target word (hanzi, pinyin, gloss, senses), each inside the cloze of its number, so the back can find the tested one. */
  Words: string;
  /** Not empty when the Chinese is written in Traditional characters (picks the zh_TW voice and glyphs). */
  Traditional: string;
  /** `[sound:…]` of the sentence, made with --audio. */
  Audio: string;
  /** The article's title. */
  Source: string;
}

/** A Chinese sentence and its English translation. */
export interface TranslationFields {
  Sentence: string;
  English: string;
  Traditional: string;
  Audio: string;
  Source: string;
}

/** A word: recognition (word → reading and meaning) and production (meaning and blanked example → word). */
export interface VocabularyFields {
  /** As written in the article. */
  Hanzi: string;
  /** The other script's form, when it differs. */
  'Other script': string;
  /** Tone-marked, one span per syllable with its tone's class. */
  Pinyin: string;
  /** The contextual gloss, else the first sense. */
  Gloss: string;
  Senses: string;
  'Measure words': string;
  /** The example sentence, the word in bold. */
  Sentence: string;
  /** The example sentence with every occurrence of the word blanked. */
  'Sentence blank': string;
  /** The example's English, the gloss underlined. */
  English: string;
  Traditional: string;
  /** `[sound:…]` of the word and of the example, made with --audio. */
  Audio: string;
  'Sentence audio': string;
  Source: string;
}

interface NoteBase {
  /** From what the note is (its kind and its Chinese sentence or word), never from position or time. */
  guid: string;
  deck: string;
  tags: string[];
  /** How many cards Anki makes of it. */
  cards: number;
  script: Script;
  /** What its cards share with other notes' cards (see sibling.ts): not studied on one day. */
  sibling: string;
}

export interface ClozeNote extends NoteBase {
  kind: 'cloze';
  type: 'zhdeck cloze';
  fields: ClozeFields;
}

export interface TranslationNote extends NoteBase {
  kind: 'translation';
  type: 'zhdeck translation';
  fields: TranslationFields;
}

export interface VocabularyNote extends NoteBase {
  kind: 'vocabulary';
  type: 'zhdeck vocabulary';
  fields: VocabularyFields;
}

export type Note = ClozeNote | TranslationNote | VocabularyNote;

/** Each note type's fields, in order: the order Anki stores them in and the collection keeps. */
export const FIELDS = {
  'zhdeck cloze': ['Text', 'English', 'Words', 'Traditional', 'Audio', 'Source'],
  'zhdeck translation': ['Sentence', 'English', 'Traditional', 'Audio', 'Source'],
  'zhdeck vocabulary': [
    'Hanzi',
    'Other script',
    'Pinyin',
    'Gloss',
    'Senses',
    'Measure words',
    'Sentence',
    'Sentence blank',
    'English',
    'Traditional',
    'Audio',
    'Sentence audio',
    'Source',
  ],
  Cloze: ['Text', 'Back Extra'],
  'Basic (and reversed card)': ['Front', 'Back'],
} as const satisfies Record<NoteType, readonly string[]>;

/** The zhdeck note type of each kind. */
export const TYPE_OF_KIND = { cloze: 'zhdeck cloze', translation: 'zhdeck translation', vocabulary: 'zhdeck vocabulary' } as const satisfies Record<
  NoteKind,
  ZhdeckNoteType
>;

export const isZhdeckType = (t: string): t is ZhdeckNoteType => t === 'zhdeck cloze' || t === 'zhdeck translation' || t === 'zhdeck vocabulary';

/** A note's fields in its note type's order. */
export const fieldValues = (n: Note): string[] => FIELDS[n.type].map((f) => (n.fields as unknown as Record<string, string>)[f]!);

/** Fields in a note type's order as a record by name (missing ones empty). */
export function fieldsByName(type: NoteType, values: readonly string[]): Record<string, string> {
  return Object.fromEntries(FIELDS[type].map((f, i) => [f, values[i] ?? '']));
}
