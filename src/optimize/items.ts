import type { FitReview } from '../collection/index.js';

/** One review in an FSRS item: the grade, and whole days since the card's previous review (0 for the first). */
export interface ItemReview {
  rating: number;
  deltaT: number;
}

/**
 * What FSRS is fitted to: a review a day or more after the card's previous one, with the card's
 * history up to and including it (fsrs-rs FSRSItem).
 */
export interface FitItem {
  cardId: number;
  /** When the last review was (ms): items are in time order, for fsrs-rs's recency weighting. */
  time: number;
  reviews: ItemReview[];
}

// fsrs-rs fits only the initial stabilities below 64 items (training.rs), and Anki's callers ask
// for 400 (rslib/src/scheduler/fsrs/params.rs, compute_params): fewer fit noise.
export const MIN_ITEMS = 400;

/** A local calendar day as a whole number: days between two reviews are differences of these. */
function dayNumber(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
}

/**
 * FSRS items from the review log, as Anki makes them for training (rslib/src/scheduler/fsrs/params.rs,
 * reviews_for_fsrs): a card's history starts at the first rating of its last run of learning
 * ratings (rated new or learning), and a card with none is left out; days are local calendar
 * days; every later review on a new day is one item. `reviews` must come card by card, in time
 * order within a card (Collection.reviewsForFit).
 */
export function fitItems(reviews: Iterable<FitReview>): FitItem[] {
  const items: FitItem[] = [];
  let card: FitReview[] = [];
  const flush = () => {
    let start = -1;
    for (let i = card.length - 1; i >= 0; i--) {
      const learning = card[i]!.state === 0 || card[i]!.state === 1;
      if (learning) start = i;
      else if (start >= 0) break;
    }
    if (start < 0) return;
    const history: ItemReview[] = [];
    for (let i = start; i < card.length; i++) {
      const r = card[i]!;
      const deltaT = i === start ? 0 : dayNumber(r.time) - dayNumber(card[i - 1]!.time);
      history.push({ rating: r.rating, deltaT });
      if (i > start && deltaT > 0) items.push({ cardId: r.cardId, time: r.time, reviews: history.slice() });
    }
  };
  for (const r of reviews) {
    if (card.length && card[0]!.cardId !== r.cardId) {
      flush();
      card = [];
    }
    card.push(r);
  }
  flush();
  return items.sort((a, b) => a.time - b.time);
}
