import type { CardRow, Collection } from '../collection/index.js';
import { startOfDay } from '../util/clock.js';

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
 */
export function nextCard(c: Collection, now: number, opts: QueueOptions): CardRow | undefined {
  const due = c.dueCards(now, opts.deck, 1)[0];
  if (due) return due;
  const today = startOfDay(now);
  const allowance = opts.newLimit - c.newStudiedSince(today);
  const fresh = allowance > 0 ? c.newCards(1, today, opts.deck)[0] : undefined;
  if (fresh) return fresh;
  return c.dueCards(now + (opts.learnAheadMs ?? 20 * 60_000), opts.deck).find((card) => card.state === 1 || card.state === 3);
}
