import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import type { CardState } from '../collection/index.js';

export const GRADES = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const satisfies readonly Grade[];
export const GRADE_NAMES = ['again', 'hard', 'good', 'easy'] as const;

const toCard = (s: CardState): Card => ({
  ...s,
  due: new Date(s.due),
  last_review: s.last_review === null ? undefined : new Date(s.last_review),
});

const toState = (c: Card): CardState => ({
  due: c.due.getTime(),
  stability: c.stability,
  difficulty: c.difficulty,
  elapsed_days: c.elapsed_days,
  scheduled_days: c.scheduled_days,
  learning_steps: c.learning_steps,
  reps: c.reps,
  lapses: c.lapses,
  state: c.state,
  last_review: c.last_review ? c.last_review.getTime() : null,
});

/**
 * FSRS-6 through ts-fsrs, with its default parameters and (re)learning steps and the desired
 * retention asked for. Our card state is ts-fsrs's own, in milliseconds.
 */
export class Scheduler {
  private readonly f;

  constructor(readonly retention = 0.9) {
    this.f = fsrs(generatorParameters({ request_retention: retention }));
  }

  /** A new card, due now. */
  initial = (now: number): CardState => toState(createEmptyCard(new Date(now)));

  /** The state after rating `grade` at `now`. */
  next(state: CardState, now: number, grade: Grade): CardState {
    return toState(this.f.next(toCard(state), new Date(now), grade).card);
  }

  /** When each rating would bring the card back, in ms from now: Again, Hard, Good, Easy. */
  intervals(state: CardState, now: number): number[] {
    const preview = this.f.repeat(toCard(state), new Date(now));
    return GRADES.map((g) => preview[g].card.due.getTime() - now);
  }
}

/** An interval the way Anki shows it: 1m, 6m, 10m, 3h, 8d, 1.5mo, 2.1y. */
export function formatInterval(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${Math.round(minutes)}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${(days / 30).toFixed(1).replace(/\.0$/, '')}mo`;
  return `${(days / 365).toFixed(1).replace(/\.0$/, '')}y`;
}
