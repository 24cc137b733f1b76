import type { CardRow, Collection } from '../collection/index.js';

export interface QueueOptions {
  /** New cards a day (default 20). */
  newLimit: number;
  deck?: string;
  /** How far ahead a learning card may be shown when nothing else is due (Anki's learn-ahead limit). */
  learnAheadMs?: number;
}

/**
 * The next card to study: cards due now first, soonest first; then new cards while the day's
 * allowance lasts; then, rather than stopping, a learning card due within the learn-ahead limit.
 * Cards whose sibling was studied today wait for tomorrow. Each step is one index lookup: the
 * cost does not grow with the collection or with the ratings of the session.
 */
export function nextCard(c: Collection, now: number, opts: QueueOptions): CardRow | undefined {
  const due = c.dueCards(now, { deck: opts.deck, limit: 1 })[0];
  if (due) return due;
  const allowance = opts.newLimit - c.newStudiedOn(now);
  const fresh = allowance > 0 ? c.newCards(1, now, opts.deck)[0] : undefined;
  if (fresh) return fresh;
  return c.dueCards(now, { until: now + (opts.learnAheadMs ?? 20 * 60_000), deck: opts.deck, limit: 1, learning: true })[0];
}
