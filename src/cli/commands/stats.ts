// The review path: this module must load neither the segmenter nor the lexicon.
import { Collection, collectionPath, collectionStats } from '../../collection/index.js';
import { now } from '../../util/clock.js';
import { colors, printJson, printLines } from '../output.js';

export default async function run(opts: { collection?: string; json?: boolean }): Promise<void> {
  const c = Collection.open(collectionPath(opts.collection));
  let stats;
  try {
    stats = collectionStats(c, now());
  } finally {
    c.close();
  }
  if (opts.json) return printJson(stats);
  const k = colors();
  const pct = stats.retention === null ? 'no reviews yet' : `${(100 * stats.retention).toFixed(1)}% of ${stats.retentionReviews} reviews`;
  printLines([
    `${k.bold(String(stats.due))} due now · ${stats.new} new · ${stats.cards} cards in ${stats.notes} notes · ${stats.reviews} reviews`,
    k.dim(
      `learning ${stats.states.learning} · review ${stats.states.review} · relearning ${stats.states.relearning} · suspended ${stats.suspended}`,
    ),
    `true retention, last 30 days: ${pct}`,
    `due in the next 7 days: ${stats.forecast.map((d) => `${d.date.slice(5)} ${d.due}`).join(' · ')}`,
  ]);
}
