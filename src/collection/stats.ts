import { NOT_UNDONE, type Collection } from './collection.js';
import { startOfDay } from '../util/clock.js';

export interface Stats {
  cards: number;
  notes: number;
  /** Ratings in the log, undone ones excepted. */
  reviews: number;
  /** Cards already studied that are due now. */
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
}

const DAY = 86_400_000;
const localDate = (t: number) => {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function collectionStats(c: Collection, now: number): Stats {
  const one = (sql: string, ...p: unknown[]) => Object.values(c.get<Record<string, number>>(sql, ...p))[0] ?? 0;
  const byState = c.all<{ state: number; n: number }>('SELECT state, count(*) AS n FROM cards WHERE suspended = 0 GROUP BY state');
  const count = (s: number) => byState.find((r) => r.state === s)?.n ?? 0;
  const since = now - 30 * DAY;
  const ret = c.get<{ n: number; pass: number }>(
    `SELECT count(*) AS n, coalesce(sum(r.rating > 1), 0) AS pass FROM revlog r
     WHERE r.kind = 'review' AND r.time >= ? AND json_extract(r.state_before, '$.state') = 2 AND ${NOT_UNDONE}`,
    since,
  );
  // Local midnights k days on (noon first, so that a daylight-saving shift cannot skip a day).
  const midnight = (k: number) => startOfDay(startOfDay(now) + k * DAY + DAY / 2);
  const forecast = Array.from({ length: 7 }, (_, k) => ({
    date: localDate(midnight(k)),
    due: one(
      'SELECT count(*) FROM cards WHERE suspended = 0 AND state != 0 AND due >= ? AND due < ?',
      k === 0 ? Number.MIN_SAFE_INTEGER : midnight(k),
      midnight(k + 1),
    ),
  }));
  return {
    cards: one('SELECT count(*) FROM cards'),
    notes: one('SELECT count(*) FROM notes'),
    reviews: one(`SELECT count(*) FROM revlog r WHERE r.kind = 'review' AND ${NOT_UNDONE}`),
    due: one('SELECT count(*) FROM cards WHERE suspended = 0 AND state != 0 AND due <= ?', now),
    new: count(0),
    suspended: one('SELECT count(*) FROM cards WHERE suspended = 1'),
    states: { new: count(0), learning: count(1), review: count(2), relearning: count(3) },
    retention: ret.n ? ret.pass / ret.n : null,
    retentionReviews: ret.n,
    forecast,
  };
}
