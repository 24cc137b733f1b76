import { checkCollection, type CheckReport } from '../../app/check.js';
import { now } from '../../util/clock.js';
import { colors, printJson, printLines } from '../output.js';

interface Options {
  collection?: string;
  restore?: boolean;
  json?: boolean;
}

/** One screen: the verdict, what the file holds, each problem, the backups, and what a restore did. */
export function checkLines(r: CheckReport): string[] {
  const k = colors();
  const holds = r.cards === undefined ? '' : ` · ${r.notes} notes, ${r.cards} cards, ${r.reviews} reviews (schema ${r.version})`;
  const newest = r.backups[0];
  const lines = [
    `${r.sound ? k.green('✓ sound') : k.bold('✗ damaged')}: ${r.collection}${holds}`,
    ...r.problems.map((p) => `  - ${p}`),
    ...(r.history ? [k.dim(`  history: ${r.history.cards - r.history.mismatched} of ${r.history.cards} cards in the state their review log gives`)] : []),
    ...(r.history?.examples.slice(1).map((e) => k.dim(`    ${e}`)) ?? []),
    k.dim(`  backups: ${r.backups.length ? `${r.backups.length}, the newest of ${newest!.day} (${newest!.file})` : 'none yet (one is made before the first change of each day)'}`),
  ];
  if (r.restored) {
    const lost = r.restored.reviewsLost === null ? 'the reviews made after it (the damaged file could not be read to count them)' : `${r.restored.reviewsLost} review(s) made after it`;
    lines.push(`${k.green('✓')} restored the backup of ${r.restored.day}; lost: ${lost}`);
    if (r.restored.damagedAside) lines.push(`  the damaged file is kept as ${r.restored.damagedAside}`);
  } else if (!r.sound && r.problems.length && !r.history) {
    lines.push(`  \`zhdeck check --restore\` puts back the newest backup that passes (the damaged file is kept aside)`);
  }
  return lines;
}

/** Exit 0 when the collection is sound or was restored, 2 when it is not (STANDARDS §1: a corrupt collection). */
export default async function run(opts: Options): Promise<void> {
  const report = checkCollection({ collection: opts.collection, restore: opts.restore, now: now() });
  if (opts.json) printJson(report);
  else printLines(checkLines(report));
  if (!report.sound && !report.restored) process.exitCode = 2;
}
