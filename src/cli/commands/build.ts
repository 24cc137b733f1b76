import { build } from '../../app/build.js';
import { readKnownWords } from '../../app/known.js';
import type { Layout, Script } from '../../article/index.js';
import { parseTags } from '../../notes/index.js';
import { UserError } from '../../util/errors.js';
import { parseCount } from '../args.js';
import { colors, printJson } from '../output.js';

interface Options {
  output?: string;
  format?: 'csv' | 'apkg';
  deck?: string;
  tags?: string;
  known?: string;
  maxWords?: string;
  json?: boolean;
  layout?: Layout;
  script?: Script;
}

/** A progress bar on stderr for builds of several articles, when a person is watching. */
function progressBar(total: number): ((done: number) => void) | undefined {
  if (total < 3 || !process.stderr.isTTY) return undefined;
  const { SingleBar, Presets } = require('cli-progress') as typeof import('cli-progress');
  const bar = new SingleBar({ stream: process.stderr, format: 'articles {bar} {value}/{total}', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  bar.start(total, 0);
  return (done) => {
    bar.update(done);
    if (done >= total) bar.stop();
  };
}

export default async function run(inputs: string[], opts: Options): Promise<void> {
  if (opts.format === 'apkg') throw new UserError('.apkg output is not available yet: use --format csv (Anki imports it with no set-up)', '--format');
  const maxWords = parseCount(opts.maxWords, '--max-words');
  const tags = parseTags(opts.tags);
  const known = opts.known ? await readKnownWords(opts.known) : undefined;
  const progress = progressBar(inputs.length);
  const summary = await build(inputs, {
    output: opts.output,
    deck: opts.deck,
    tags,
    known,
    maxWords,
    layout: opts.layout,
    script: opts.script,
    onProgress: progress,
  });
  if (opts.json) return printJson(summary);
  const c = colors(process.stderr);
  const n = summary.notes;
  process.stderr.write(
    `${c.green('✓')} ${summary.output}: ${n.total} notes (${n.cloze} cloze, ${n.translation} translation, ${n.vocabulary} vocabulary), ${summary.cards} cards, ${summary.words} words from ${summary.pairs} sentence pairs\n`,
  );
}
