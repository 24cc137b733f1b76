import { exportCollection } from '../../app/index.js';
import { now } from '../../util/clock.js';
import { colors, printJson, writeErr } from '../output.js';

interface Options {
  output?: string;
  deck?: string;
  collection?: string;
  json?: boolean;
}

export default async function run(opts: Options): Promise<void> {
  const summary = await exportCollection({ output: opts.output, deck: opts.deck, collection: opts.collection, now: now() });
  if (opts.json) return printJson(summary);
  const c = colors('stderr');
  writeErr(
    `${c.green('✓')} ${summary.output === '-' ? 'standard output' : summary.output}: ${summary.notes} notes, ${summary.cards} cards, ${summary.reviews} reviews from ${summary.decks.length} deck${summary.decks.length === 1 ? '' : 's'}\n` +
      c.dim('In Anki: File → Import…, choose the file, tick "Import any learning progress", Import.\n'),
  );
}
