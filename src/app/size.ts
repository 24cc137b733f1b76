// How big a deck may grow before the learner is told: one threshold for every build and add.

/** New cards a day, as `zhdeck review` (and Anki) introduce them by default. */
export const NEW_CARDS_A_DAY = 20;

/**
 * A build or add bringing more new cards than a month of new cards (at NEW_CARDS_A_DAY) says
 * so: its last cards would first be seen long after the article was read.
 */
export const NEW_CARD_WARNING = 30 * NEW_CARDS_A_DAY;

/** The warning for `cards` new cards of `words` target words, or undefined when the deck is of a size one can study. */
export function sizeWarning(cards: number, words?: number): string | undefined {
  if (cards <= NEW_CARD_WARNING) return undefined;
  const days = Math.ceil(cards / NEW_CARDS_A_DAY);
  const span = days >= 730 ? `${(days / 365).toFixed(0)} years` : days >= 60 ? `${Math.round(days / 30)} months` : `${days} days`;
  return `${cards} new cards${words !== undefined ? ` (${words} words)` : ''}: at ${NEW_CARDS_A_DAY} new cards a day, ${span} before the last is first seen; --max-words N or --level N makes the deck smaller`;
}
