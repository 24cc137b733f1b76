// The review path's neighbour: this module must load neither the segmenter nor the lexicon.
import { Collection, collectionPath } from '../../collection/index.js';
import { now } from '../../util/clock.js';
import { colors, printJson, printLines } from '../output.js';

interface Options {
  collection?: string;
  json?: boolean;
}

export default async function run(opts: Options): Promise<void> {
  const c = Collection.open(collectionPath(opts.collection), { readonly: true });
  try {
    const decks = c.deckCounts(now());
    if (opts.json) return printJson(decks);
    const s = colors();
    if (decks.length === 0) return printLines(['The collection has no decks yet: `zhdeck add <article>` makes one.']);
    const width = Math.max(...decks.map((d) => String(d.new).length), 3);
    printLines([
      s.dim(`${'new'.padStart(width)}  ${'due'.padStart(width)}  deck`),
      ...decks.map((d) => `${String(d.new).padStart(width)}  ${(d.due ? s.bold : String)(String(d.due).padStart(width))}  ${d.deck}`),
    ]);
  } finally {
    c.close();
  }
}
