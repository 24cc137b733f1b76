/**
 * The time the review path works at, in ms since the epoch. ZHDECK_NOW (an ISO date or a
 * number of ms) fixes it, so that tests and scripts get the same schedule every run.
 */
export function now(env: NodeJS.ProcessEnv = process.env): number {
  const fixed = env.ZHDECK_NOW;
  if (!fixed) return Date.now();
  const t = /^\d+$/.test(fixed) ? Number(fixed) : Date.parse(fixed);
  if (!Number.isFinite(t)) throw new Error(`ZHDECK_NOW is not a date: ${fixed}`);
  return t;
}

/** Local midnight of the day `t` falls in: where a day's new-card allowance starts. */
export function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}
