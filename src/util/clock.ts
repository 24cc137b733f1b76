import { UserError } from './errors.js';

/**
 * The time the review path works at, in ms since the epoch. ZHDECK_NOW (an ISO date or a
 * number of ms) fixes it, so that tests and scripts get the same schedule every run.
 */
export function now(env: NodeJS.ProcessEnv = process.env): number {
  const fixed = env.ZHDECK_NOW;
  if (!fixed) return Date.now();
  const t = /^\d+$/.test(fixed) ? Number(fixed) : Date.parse(fixed);
  // Beyond ±8.64e15 ms a Date is invalid: every later date computation would be NaN.
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) throw new UserError(`"${fixed}" is not a date: an ISO date (2026-01-31T09:00) or milliseconds since 1970`, 'ZHDECK_NOW');
  return t;
}

/** Local midnight of the day `t` falls in: where a day's new-card allowance starts. */
export function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

const DAY = 86_400_000;

/** The local midnight that ends the day `t` falls in (noon first: a daylight-saving day is 23 or 25 hours). */
export const endOfDay = (t: number): number => startOfDay(startOfDay(t) + DAY + DAY / 2);

/** Local midnight `k` days after the one that starts `t`'s day. */
export const dayStart = (t: number, k: number): number => startOfDay(startOfDay(t) + k * DAY + DAY / 2);

/** The local date of `t`, YYYY-MM-DD: as SQLite's date(t / 1000, 'unixepoch', 'localtime') writes it. */
export function localDate(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
