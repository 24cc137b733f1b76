import type { Collection } from './collection.js';
import { dayStart, localDate } from '../util/clock.js';

export interface Stats {
  cards: number;
  notes: number;
  /** Ratings in the log, undone ones excepted. */
  reviews: number;
  /** Cards already studied that are due now (siblings buried today excepted). */
  due: number;
  /** New cards, not yet studied. */
  new: number;
  suspended: number;
  states: { new: number; learning: number; review: number; relearning: number };
  /** Share of reviews of cards in review state, over the last 30 days, that were not Again; null with none. */
  retention: number | null;
  retentionReviews: number;
  /** Cards due on each of the next 7 days (today includes what is overdue). */
  forecast: { date: string; due: number }[];
  /** The same for the next 30 days. */
  forecastDays: { date: string; due: number }[];
  /** Ratings on each of the last 30 days, today last, and how many of them were new cards' first. */
  reviewDays: { date: string; reviews: number; learned: number }[];
  /** True retention per calendar month with reviews of cards in review state, oldest first. */
  retentionByMonth: { month: string; retention: number; reviews: number }[];
}

const FORECAST_DAYS = 30;
const PAST_DAYS = 30;

/**
 * The collection's figures. Every one is read from an index range or a few rows (card_counts
 * and review_days, which triggers keep): the cost does not grow with the review log, and with the
 * cards only through those due in the next 30 days.
 */
export function collectionStats(c: Collection, now: number): Stats {
  const counts = c.cardCounts();
  const count = (state: number, suspended = 0) => counts.filter((r) => r.state === state && r.suspended === suspended).reduce((n, r) => n + r.n, 0);
  const days = c.reviewDays();
  const firstRecent = localDate(dayStart(now, 1 - PAST_DAYS));
  const recent = days.filter((d) => d.day >= firstRecent);
  const mature = recent.reduce((n, d) => n + d.mature, 0);
  const passed = recent.reduce((n, d) => n + d.passed, 0);
  const byDay = new Map(recent.map((d) => [d.day, d]));
  const months = new Map<string, { mature: number; passed: number }>();
  for (const d of days) {
    if (!d.mature) continue;
    const m = months.get(d.day.slice(0, 7)) ?? { mature: 0, passed: 0 };
    m.mature += d.mature;
    m.passed += d.passed;
    months.set(d.day.slice(0, 7), m);
  }
  const ahead = c.dueDays(localDate(dayStart(now, 1)), localDate(dayStart(now, FORECAST_DAYS)));
  const forecastDays = Array.from({ length: FORECAST_DAYS }, (_, k) => {
    const date = localDate(dayStart(now, k));
    return { date, due: k === 0 ? c.dueBy(date) : (ahead.get(date) ?? 0) };
  });
  return {
    cards: counts.reduce((n, r) => n + r.n, 0),
    notes: c.noteCount(),
    reviews: days.reduce((n, d) => n + d.reviews, 0),
    due: c.get<{ n: number }>(
      'SELECT count(*) AS n FROM cards c WHERE c.suspended = 0 AND c.state != 0 AND c.due <= ? AND c.buried_until <= ?',
      now,
      now,
    ).n,
    new: count(0),
    suspended: counts.filter((r) => r.suspended).reduce((n, r) => n + r.n, 0),
    states: { new: count(0), learning: count(1), review: count(2), relearning: count(3) },
    retention: mature ? passed / mature : null,
    retentionReviews: mature,
    forecast: forecastDays.slice(0, 7),
    forecastDays,
    reviewDays: Array.from({ length: PAST_DAYS }, (_, k) => {
      const date = localDate(dayStart(now, k + 1 - PAST_DAYS));
      const d = byDay.get(date);
      return { date, reviews: d?.reviews ?? 0, learned: d?.learned ?? 0 };
    }),
    retentionByMonth: [...months].map(([month, m]) => ({ month, retention: m.passed / m.mature, reviews: m.mature })),
  };
}
