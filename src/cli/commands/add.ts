import { add } from '../../app/add.js';
import { knownFiles } from '../../app/known.js';
import { manyCards, MANY_CARDS } from '../../app/deck.js';
import { knowledgeFrom, type KnownFlags } from '../known.js';
import { collectionPath } from '../../collection/index.js';
import { now } from '../../util/clock.js';
import { parseCount, parseOptionsOf, type ReadFlags } from '../args.js';
import { colors, printJson, writeErr } from '../output.js';

interface Options extends ReadFlags, KnownFlags {
  maxWords?: string;
  json?: boolean;
}

export default async function run(inputs: string[], opts: Options): Promise<void> {
  const maxWords = parseCount(opts.maxWords, '--max-words');
  const { knowledge, level } = await knowledgeFrom(opts);
  const results = await add(inputs, { collection: opts.collection, reads: knownFiles(opts.known), knowledge, level, maxWords, ...parseOptionsOf(opts), now: now() });
  const added = results.reduce((n, r) => n + r.cardsAdded, 0);
  if (added > MANY_CARDS) writeErr(`${manyCards(added, undefined, maxWords)}\n`);
  if (opts.json) return printJson({ collection: collectionPath(opts.collection), sources: results });
  const c = colors('stderr');
  for (const r of results) {
    const parts = [
      `${r.added} notes added`,
      r.updated ? `${r.updated} updated` : '',
      r.unchanged ? `${r.unchanged} unchanged` : '',
      r.conflicting ? `${r.conflicting} left alone (another kind of note has their GUID)` : '',
      `${r.cardsAdded} new cards`,
      r.cardsSuspended ? `${r.cardsSuspended} cards suspended (no longer targets)` : '',
      r.cardsRestored ? `${r.cardsRestored} restored` : '',
    ].filter(Boolean);
    writeErr(`${c.green('✓')} ${r.source}: ${parts.join(', ')}\n`);
  }
  writeErr(c.dim(`collection: ${collectionPath(opts.collection)}\n`));
}
