import { add } from '../../app/add.js';
import { readKnownWords } from '../../app/known.js';
import type { Layout, Script } from '../../article/index.js';
import { collectionPath } from '../../collection/index.js';
import { now } from '../../util/clock.js';
import { parseCount } from '../args.js';
import { colors, printJson } from '../output.js';

interface Options {
  collection?: string;
  known?: string;
  maxWords?: string;
  json?: boolean;
  layout?: Layout;
  script?: Script;
}

export default async function run(inputs: string[], opts: Options): Promise<void> {
  const maxWords = parseCount(opts.maxWords, '--max-words');
  const known = opts.known ? await readKnownWords(opts.known) : undefined;
  const results = await add(inputs, { collection: opts.collection, known, maxWords, layout: opts.layout, script: opts.script, now: now() });
  if (opts.json) return printJson({ collection: collectionPath(opts.collection), sources: results });
  const c = colors(process.stderr);
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
    process.stderr.write(`${c.green('✓')} ${r.source}: ${parts.join(', ')}\n`);
  }
  process.stderr.write(c.dim(`collection: ${collectionPath(opts.collection)}\n`));
}
