// The review path: this module must load neither the segmenter nor the lexicon.
import { Collection, collectionPath, collectionStats, type Stats } from '../../collection/index.js';
import { isatty } from 'node:tty';
import { now } from '../../util/clock.js';
import { barChart, type ChartOptions } from '../chart.js';
import { colors, printJson, printLines, type Colors } from '../output.js';

const pct = (r: number) => `${(100 * r).toFixed(1)}%`;

/** The charts and lines a person reads: counts, the 30 days ahead and behind, retention by month. */
export function statsLines(stats: Stats, k: Colors, width: number): string[] {
  const retention = stats.retention === null ? 'no reviews yet' : `${pct(stats.retention)} of ${stats.retentionReviews} reviews`;
  const short = (date: string) => date.slice(5);
  const labels = (days: { date: string }[], first: string, last: string): [string, string, string] => [first, short(days[days.length >> 1]!.date), last];
  const ahead = stats.forecastDays;
  const behind = stats.reviewDays;
  const months = stats.retentionByMonth.slice(-12);
  // An empty chart says nothing a line cannot.
  const chart = (values: number[], opts: ChartOptions) => (values.some((v) => v > 0) ? barChart(values, opts) : [k.dim('  none')]);
  return [
    `${k.bold(String(stats.due))} due now · ${stats.new} new · ${stats.cards} cards in ${stats.notes} notes · ${stats.reviews} reviews`,
    k.dim(
      `learning ${stats.states.learning} · review ${stats.states.review} · relearning ${stats.states.relearning} · suspended ${stats.suspended}`,
    ),
    `true retention, last 30 days: ${retention}`,
    ...(months.length ? [`true retention by month: ${months.map((m) => `${m.month} ${pct(m.retention)} (${m.reviews})`).join(' · ')}`] : []),
    '',
    k.bold(`due in the next 30 days (${ahead.reduce((n, d) => n + d.due, 0)}; today includes overdue)`),
    ...chart(
      ahead.map((d) => d.due),
      { width, paint: k.cyan, labels: labels(ahead, 'today', short(ahead[ahead.length - 1]!.date)) },
    ),
    '',
    k.bold(`reviews per day, last 30 days (${behind.reduce((n, d) => n + d.reviews, 0)})`),
    ...chart(
      behind.map((d) => d.reviews),
      { width, paint: k.green, labels: labels(behind, short(behind[0]!.date), 'today') },
    ),
  ];
}

export default async function run(opts: { collection?: string; json?: boolean }): Promise<void> {
  const c = Collection.open(collectionPath(opts.collection), { readonly: true });
  let stats;
  try {
    stats = collectionStats(c, now());
  } finally {
    c.close();
  }
  if (opts.json) return printJson(stats);
  const k = colors();
  // A terminal's width; a pipe gets 80 columns (process.stdout is set up only for a terminal: see output.ts).
  const width = isatty(1) ? (process.stdout.columns ?? 80) : 80;
  printLines(statsLines(stats, k, width));
}
