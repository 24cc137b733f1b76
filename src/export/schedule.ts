// zhdeck's FSRS card states and review log in the form Anki keeps them, so that a package
// imported with "Import any learning progress" carries on where the terminal left off.
import { FSRS6_DEFAULT_DECAY } from 'ts-fsrs';
import type { CardState } from '../collection/index.js';

const DAY = 86_400_000;
/** Anki's default day rollover, 4 am (rslib/src/scheduler/mod.rs sets 4 when unset). */
export const ROLLOVER_HOUR = 4;
/** ts-fsrs's default (re)learning steps, as zhdeck reviews with them: 1m 10m, and 10m. */
const STEPS = { learning: 2, relearning: 1 };
/** Anki's starting ease, 250 %, kept in `factor` beside FSRS's memory state (scheduler/answering/review.rs). */
const INITIAL_EASE = 2500;

const calendarDay = (t: number) => {
  const d = new Date(t);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY);
};

/**
 * The collection creation stamp (`col.crt`, seconds) for a collection made at `t`: 4 am local
 * time of the day `t` falls in (rslib/src/scheduler/timing.rs v1_creation_date).
 */
export function creationStamp(t: number): number {
  const d = new Date(t);
  let four = new Date(d.getFullYear(), d.getMonth(), d.getDate(), ROLLOVER_HOUR).getTime();
  if (four > t) four = new Date(d.getFullYear(), d.getMonth(), d.getDate() - 1, ROLLOVER_HOUR).getTime();
  return Math.floor(four / 1000);
}

/** Minutes west of UTC at `t` (timing.rs local_minutes_west_for_stamp), for `creationOffset`. */
export const minutesWest = (t: number) => new Date(t).getTimezoneOffset();

/**
 * The Anki day `t` falls in, counted from the collection's creation: calendar days in local
 * time, a day starting at the rollover hour (timing.rs sched_timing_today_v2_new, days_elapsed).
 * Review cards' `due` is such a day; the importer shifts it by the difference between the
 * package's "today" and the target collection's (apkg/import/cards.rs
 * shift_collection_relative_dates), so a due date keeps its distance from today.
 */
export function ankiDay(t: number, crt: number): number {
  const days = calendarDay(t) - calendarDay(crt * 1000);
  return new Date(t).getHours() < ROLLOVER_HOUR ? days - 1 : days;
}

/** When the Anki day after `now`'s starts (ms). */
export function nextDayAt(now: number): number {
  const d = new Date(now);
  const today = new Date(d.getFullYear(), d.getMonth(), d.getDate(), ROLLOVER_HOUR).getTime();
  return today > now ? today : new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, ROLLOVER_HOUR).getTime();
}

/** A card's scheduling columns in Anki's schema 11 `cards` table. */
export interface AnkiSchedule {
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  type: number;
  /** -1 suspended, 0 new, 1 learning (due in seconds), 2 review, 3 learning due on a later day. */
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  data: string;
}

/** A new card at `position` in the new-card order (cards of a note share it, as Anki gives them). */
export const newSchedule = (position: number): AnkiSchedule => ({ type: 0, queue: 0, due: position, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, data: '' });

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** FSRS difficulty 1–10 as Anki's revlog keeps it: normalised to 0.1–1.1, in thousandths (rslib/src/card/mod.rs difficulty_shifted). */
export const difficultyFactor = (difficulty: number) => Math.round(((difficulty - 1) / 9 + 0.1) * 1000);

/** The card's memory state in `cards.data` (rslib/src/storage/card/data.rs: s, d, decay, lrt), rounded as Anki rounds it. */
function memoryState(s: CardState): string {
  const data: Record<string, number> = { s: round(s.stability, 4), d: round(s.difficulty, 3), decay: round(FSRS6_DEFAULT_DECAY, 3) };
  if (s.last_review !== null) data.lrt = Math.floor(s.last_review / 1000);
  return JSON.stringify(data);
}

/**
 * A card's state in Anki's terms. Review cards are due on an Anki day; learning cards due
 * before the next rollover in seconds (queue 1), later ones on a day (queue 3); `left` holds
 * the learning steps still to go (ts-fsrs's learning_steps is the index of the current one).
 */
export function ankiSchedule(s: CardState, suspended: boolean, crt: number, now: number, position: number): AnkiSchedule {
  if (s.state === 0) return { ...newSchedule(position), queue: suspended ? -1 : 0 };
  const learning = s.state === 1 || s.state === 3;
  const steps = s.state === 1 ? STEPS.learning : STEPS.relearning;
  const intraday = learning && s.due < nextDayAt(now);
  const queue = suspended ? -1 : learning ? (intraday ? 1 : 3) : 2;
  return {
    type: s.state,
    queue,
    due: intraday ? Math.floor(s.due / 1000) : ankiDay(s.due, crt),
    ivl: s.state === 1 ? 0 : Math.max(1, s.state === 2 ? s.scheduled_days : Math.round(s.stability)),
    factor: s.state === 1 ? 0 : INITIAL_EASE,
    reps: s.reps,
    lapses: s.lapses,
    left: learning ? Math.max(1, steps - s.learning_steps) : 0,
    data: memoryState(s),
  };
}

/** One answer in Anki's `revlog` (rslib/src/revlog/mod.rs RevlogEntry). */
export interface AnkiReview {
  /** Milliseconds: when the card was answered. */
  id: number;
  ease: number;
  /** Days when positive, seconds when negative. */
  ivl: number;
  lastIvl: number;
  factor: number;
  /** Milliseconds spent answering. */
  time: number;
  /** 0 learning, 1 review, 2 relearning. */
  type: number;
}

/** The interval a state stands for, as the revlog writes it: days for a review card, else minus the seconds to its due time. */
function interval(s: CardState, from: number): number {
  if (s.state === 0) return 0;
  if (s.state === 2) return Math.max(1, s.scheduled_days);
  return -Math.max(1, Math.round((s.due - from) / 1000));
}

/** A rating of zhdeck's review log as an Anki revlog row. */
export function ankiReview(time: number, rating: number, before: CardState, after: CardState, duration: number): AnkiReview {
  const kinds = [0, 0, 1, 2];
  return {
    id: time,
    ease: rating,
    ivl: interval(after, time),
    lastIvl: before.last_review === null ? 0 : interval(before, before.last_review),
    factor: difficultyFactor(after.difficulty),
    // Anki caps the time taken at the deck's limit, 60 s by default.
    time: Math.max(0, Math.min(60_000, Math.round(duration))),
    type: kinds[before.state] ?? 0,
  };
}
