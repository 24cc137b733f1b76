import {
  createEmptyCard,
  default_w,
  forgetting_curve,
  FSRS,
  generatorParameters,
  get_fuzz_range,
  Rating,
  StrategyMode,
  type AbstractScheduler,
  type Card,
  type Grade,
  type int,
} from 'ts-fsrs';
import type { CardState } from '../collection/index.js';
import type { LoadBalancer } from './balance.js';

export const GRADES = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const satisfies readonly Grade[];
export const GRADE_NAMES = ['again', 'hard', 'good', 'easy'] as const;

/** FSRS-6's default parameters, as ts-fsrs has them. */
export const DEFAULT_PARAMETERS: readonly number[] = default_w;
/** Anki's default maximum interval, in days. */
export const DEFAULT_MAXIMUM_INTERVAL = 36500;
export const DEFAULT_RETENTION = 0.9;

const DAY = 86_400_000;

/** A card's state, with its id when it has one (the seed of its fuzz). */
export type SchedulingCard = CardState & { id?: number };

const toCard = (s: SchedulingCard): Card => ({
  ...s,
  due: new Date(s.due),
  last_review: s.last_review === null ? undefined : new Date(s.last_review),
});

const toState = (c: Card): CardState => ({
  due: c.due.getTime(),
  stability: c.stability,
  difficulty: c.difficulty,
  // Deprecated in ts-fsrs 5 and gone in 6: kept as ts-fsrs computes it, never read.
  elapsed_days: c.elapsed_days ?? 0,
  scheduled_days: c.scheduled_days,
  learning_steps: c.learning_steps,
  reps: c.reps,
  lapses: c.lapses,
  state: c.state,
  last_review: c.last_review ? c.last_review.getTime() : null,
});

/** The fuzz seed: the card and its repetition, as Anki seeds it, so that a preview and the rating agree. */
function cardSeed(this: AbstractScheduler): string {
  const current = Reflect.get(this, 'current') as Card & { id?: number };
  return `${current.id ?? 'card'}_${current.reps}`;
}

/** ts-fsrs with Anki's load balancer choosing the day within the fuzz range. */
class BalancedFSRS extends FSRS {
  /** The card being scheduled and when; set around each call. */
  context: { now: number; cardId: number | undefined } | undefined;

  constructor(
    params: ReturnType<typeof generatorParameters>,
    private readonly balancer: LoadBalancer | undefined,
  ) {
    super(params);
    this.useStrategy(StrategyMode.SEED, cardSeed);
  }

  override apply_fuzz(ivl: number, elapsed_days: number): int {
    const { enable_fuzz, maximum_interval } = this.parameters;
    if (enable_fuzz && ivl >= 2.5 && this.balancer && this.context) {
      const { min_ivl, max_ivl } = get_fuzz_range(ivl, elapsed_days, maximum_interval);
      const days = this.balancer.choose(ivl, min_ivl, max_ivl, this.context.now, this.context.cardId, this._seed ?? '');
      if (days !== undefined) return days as int;
    }
    return super.apply_fuzz(ivl, elapsed_days);
  }
}

export interface SchedulerOptions {
  /** Desired retention (default 0.9). */
  retention?: number;
  /** FSRS parameters (default FSRS-6's). */
  parameters?: readonly number[];
  /** The longest interval, in days (default 36500). */
  maximumInterval?: number;
  /** Fuzz on review intervals, as Anki (default true). */
  fuzz?: boolean;
  /** Balances due days within the fuzz range; without it, plain fuzz. */
  balancer?: LoadBalancer;
}

/**
 * FSRS-6 through ts-fsrs: (re)learning steps 1m 10m / 10m, the desired retention, parameters
 * and maximum interval asked for, fuzz, and the load balancer. Our card state is ts-fsrs's
 * own, in milliseconds.
 */
export class Scheduler {
  readonly retention: number;
  readonly parameters: readonly number[];
  readonly maximumInterval: number;
  private readonly f: BalancedFSRS;

  constructor(private readonly opts: SchedulerOptions = {}) {
    this.retention = opts.retention ?? DEFAULT_RETENTION;
    this.parameters = opts.parameters ?? DEFAULT_PARAMETERS;
    this.maximumInterval = opts.maximumInterval ?? DEFAULT_MAXIMUM_INTERVAL;
    const params = generatorParameters({
      request_retention: this.retention,
      w: [...this.parameters],
      maximum_interval: this.maximumInterval,
      enable_fuzz: opts.fuzz ?? true,
    });
    this.f = new BalancedFSRS(params, opts.balancer);
  }

  /** A new card, due now. */
  initial = (now: number): CardState => toState(createEmptyCard(new Date(now)));

  private with<T>(card: SchedulingCard, now: number, fn: () => T): T {
    this.f.context = { now, cardId: card.id };
    try {
      return fn();
    } finally {
      this.f.context = undefined;
    }
  }

  /** The state after rating `grade` at `now`. The load balancer then forgets its counts: this card moves. */
  next(card: SchedulingCard, now: number, grade: Grade): CardState {
    const state = this.with(card, now, () => toState(this.f.next(toCard(card), new Date(now), grade).card));
    this.opts.balancer?.forget();
    return state;
  }

  /** When each rating would bring the card back, in ms from now: Again, Hard, Good, Easy. */
  intervals(card: SchedulingCard, now: number): number[] {
    return this.with(card, now, () => {
      const preview = this.f.repeat(toCard(card), new Date(now));
      return GRADES.map((g) => preview[g].card.due.getTime() - now);
    });
  }

  /** The probability of recalling the card now (FSRS's forgetting curve), or null for a card never studied. */
  retrievability(card: CardState, now: number): number | null {
    if (card.state === 0 || card.last_review === null) return null;
    return forgetting_curve(this.parameters as number[], Math.max(0, (now - card.last_review) / DAY), card.stability);
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
