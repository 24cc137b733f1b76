import type { NoteKind, NoteType } from '../notes/index.js';

/** A card's FSRS scheduling state, as ts-fsrs keeps it; times in ms since the epoch. */
export interface CardState {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  last_review: number | null;
}

export interface CardRow extends CardState {
  id: number;
  noteId: number;
  ord: number;
  key: string;
  suspended: boolean;
  /** Where a new card comes in the order new cards are introduced (0: added before there were positions). */
  position: number;
}

/** What every note is, wherever it comes from: identity, note type, deck, fields in order, tags. */
export interface NoteRecord {
  guid: string;
  kind: NoteKind;
  type: NoteType;
  deck: string;
  fields: string[];
  tags: string[];
  /** What its cards share with other notes' cards (notes/sibling.ts); derived from the fields when absent. */
  sibling?: string | null;
}

/** A note in the collection. */
export interface StoredNote extends NoteRecord {
  id: number;
  /** The article (or deck file) it belongs to: the first that added it, whose deck and fields it keeps. */
  source: string;
}

/** A note as `zhdeck add` brings it, with the cards it makes, each with a stable key. */
export interface CollectionNote extends NoteRecord {
  sibling: string;
  /** `position`: where a new card comes among those added with it (notes/order.ts); default, in the order given. */
  cards: { ord: number; key: string; position?: number }[];
}

/** A word of a vocabulary note, with its recognition card's memory: what `--known collection` reads. */
export interface VocabularyMemory {
  /** The note's Chinese fields, as stored (HTML): the word and its other script. */
  fields: string[];
  state: number;
  stability: number;
  lastReview: number | null;
  /** By the learner (not by zhdeck for a word no longer a target). */
  suspended: boolean;
  /** The sources (articles, deck files) that yield the note. */
  sources: string[];
}

/** A deck with how many of its cards are new and due. */
export interface DeckCardCounts {
  deck: string;
  cards: number;
  /** New cards not suspended. */
  new: number;
  /** Cards already studied that are due now (not buried). */
  due: number;
}

export interface AddSummary {
  added: number;
  updated: number;
  unchanged: number;
  conflicting: number;
  cardsAdded: number;
  cardsSuspended: number;
  cardsRestored: number;
}

export interface ReviewRecord {
  id: number;
  cardId: number;
  time: number;
  rating: number;
  before: CardState;
  after: CardState;
}

/** How many cards are in a state (0–3), suspended or not. */
export interface CardCount {
  state: number;
  suspended: number;
  n: number;
}

/** One local day of the review log. */
export interface ReviewDay {
  /** YYYY-MM-DD */
  day: string;
  /** Ratings not undone. */
  reviews: number;
  /** Of them, first ratings of new cards. */
  learned: number;
  /** Of them, ratings of cards in review state. */
  mature: number;
  /** Of those, not Again. */
  passed: number;
}

/** A rating as FSRS fitting reads it: the card, when (ms), the grade, and the state it was rated in. */
export interface FitReview {
  cardId: number;
  time: number;
  rating: number;
  state: number;
}

/** What an export reads: notes (with when they last changed), their cards, the ratings that stand. */
export interface Snapshot {
  notes: (StoredNote & { modified: number })[];
  cards: CardRow[];
  reviews: (ReviewRecord & { duration: number })[];
  /** When the collection was made (ms). */
  created: number;
}

/** A card, its deck, and the ratings that stand, oldest first (see Collection.histories). */
export interface CardHistory {
  card: CardRow;
  deck: string;
  reviews: { id: number; time: number; rating: number; before: CardState; after: CardState }[];
}
