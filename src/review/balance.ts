import { dayStart, localDate } from '../util/clock.js';

/** What the load balancer asks of the collection. */
export interface Load {
  /** Cards already studied due on a local day (YYYY-MM-DD). */
  dueOn(day: string): number;
  /** When a card's siblings (already studied) are due (ms). */
  siblingDues(cardId: number): number[];
}

// Anki's load balancer (rslib/src/scheduler/states/load_balancer.rs): past 90 days the need to
// balance is low, and siblings repel each other over five days either side.
const MAX_LOAD_BALANCE_INTERVAL = 90;
const SIBLING_MODIFIER = [0.000001, 0.2, 0.4, 0.6, 0.8]; // by distance in days; 1 beyond

/**
 * A seeded uniform number in [0, 1) (mulberry32 over an FNV-1a hash of the seed): the same card
 * at the same repetition gets the same day, in the preview and when rated.
 */
export function seededRandom(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * Chooses the day a review card comes back, within its fuzz range, as Anki's load balancer does:
 * each day weighted by (1 / cards due that day)^2.15 × (1 / interval)^3 (a day with none weighs
 * 1), days near a sibling's due day weighed down, one drawn with the card's seed. A day's
 * count is one row the collection keeps (due_days), read once until `forget()` (after each rating).
 */
export class LoadBalancer {
  private readonly counts = new Map<string, number>();
  private siblings: { cardId: number; days: number[] } | undefined;

  constructor(private readonly load: Load) {}

  /** Forgets what was counted: a rating has moved a card. */
  forget(): void {
    this.counts.clear();
    this.siblings = undefined;
  }

  private dueOn(now: number, days: number): number {
    const day = localDate(dayStart(now, days));
    let n = this.counts.get(day);
    if (n === undefined) this.counts.set(day, (n = this.load.dueOn(day)));
    return n;
  }

  private siblingDays(cardId: number, now: number): number[] {
    if (this.siblings?.cardId !== cardId) {
      const today = dayStart(now, 0);
      // Whole local days from today (a day is 23 to 25 hours; rounding absorbs the shift).
      const days = this.load.siblingDues(cardId).map((due) => Math.round((dayStart(due, 0) - today) / 86_400_000));
      this.siblings = { cardId, days };
    }
    return this.siblings.days;
  }

  /**
   * The interval in days for a card rated at `now`, among [min, max], or undefined to let plain
   * fuzz decide (intervals past 90 days).
   */
  choose(interval: number, min: number, max: number, now: number, cardId: number | undefined, seed: string): number | undefined {
    if (interval > MAX_LOAD_BALANCE_INTERVAL || min > MAX_LOAD_BALANCE_INTERVAL || max < min) return undefined;
    const siblingDays = cardId === undefined ? [] : this.siblingDays(cardId, now);
    const weights: number[] = [];
    for (let d = min; d <= max; d++) {
      const due = this.dueOn(now, d);
      let sibling = 1;
      for (const s of siblingDays) sibling *= SIBLING_MODIFIER[Math.abs(s - d)] ?? 1;
      weights.push(due === 0 ? 1 : (1 / due) ** 2.15 * (1 / d) ** 3 * sibling);
    }
    const total = weights.reduce((a, b) => a + b, 0);
    let r = seededRandom(seed) * total;
    for (let k = 0; k < weights.length; k++) {
      r -= weights[k]!;
      if (r < 0) return min + k;
    }
    return max;
  }
}
