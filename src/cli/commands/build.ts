import { build, formatFor } from '../../app/build.js';
import { manyCards, MANY_CARDS } from '../../app/deck.js';
import { knowledgeFrom, knownReads, type KnownFlags } from '../known.js';
import { parseNoteTypes } from '../../export/csv.js';
import { parseTags } from '../../notes/index.js';
import { UserError } from '../../util/errors.js';
import { parseCount, parseOptionsOf, type ReadFlags } from '../args.js';
import { colors, printJson, writeErr } from '../output.js';

interface Options extends ReadFlags, KnownFlags {
  output?: string;
  format?: 'csv' | 'apkg';
  noteTypes?: string;
  audio?: boolean;
  deck?: string;
  tags?: string;
  maxWords?: string;
  json?: boolean;
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

/**
 * Between the parts of a long build, a full garbage collection when the heap holds more than
 * `ceiling` bytes and has grown by `budget` since the last. Much of what a block allocates lives
 * until the block is done, reaches V8's old generation and dies there, and V8 lets that
 * generation grow to several times what is alive before it collects (measured on 5 MB of text: a
 * heap of 340 MB holding 100 MB). Collecting here keeps a book's peak near what is alive; below
 * the ceiling V8 is left alone, so shorter builds pay nothing. `gc` is V8's own, exposed by its
 * flag (set at run time, so only this process has it).
 */
function memoryKeeper(ceiling = 120 << 20, budget = 24 << 20): (last?: boolean) => void {
  // The flag is set only once a build needs it: V8 keys its code cache by the flags, so a
  // cache written by a process that set one is refused by the next start (scripts/code-cache.cjs
  // warms up on short builds), and every build would compile its own code again.
  let collect: ((opts?: { type: 'minor' }) => void) | undefined;
  const gc = (opts?: { type: 'minor' }) => {
    if (!collect) {
      (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--expose-gc');
      collect = (require('node:vm') as typeof import('node:vm')).runInNewContext('gc') as (opts?: { type: 'minor' }) => void;
    }
    collect(opts);
  };
  let floor = 0;
  return (last = false) => {
    const { heapUsed: used, arrayBuffers } = process.memoryUsage();
    // Buffers just written (a package's zip) are young garbage V8 lets pile up: a minor
    // collection (about a millisecond) frees them.
    if (arrayBuffers > budget) gc({ type: 'minor' });
    // Before the package is finished (it orders every card: ~10 MB at 5 MB of input), whatever
    // garbage the parts left, so that finishing reuses its room instead of growing the heap.
    if (last ? used < ceiling / 2 : used < ceiling || used < floor + budget) return;
    gc();
    floor = process.memoryUsage().heapUsed;
  };
}

export default async function run(inputs: string[], opts: Options): Promise<void> {
  const format = formatFor(opts.output, opts.format);
  if (opts.noteTypes !== undefined && format !== 'csv') throw new UserError('names the note types of a CSV deck: use it with --format csv', '--note-types');
  if (opts.audio && format !== 'apkg') throw new UserError('embeds recordings in an .apkg: a CSV cannot carry them', '--audio');
  const noteTypes = parseNoteTypes(opts.noteTypes);
  const maxWords = parseCount(opts.maxWords, '--max-words');
  const tags = parseTags(opts.tags);
  const { knowledge, level } = await knowledgeFrom(opts);
  const progress = progressBar(inputs.length);
  const summary = await build(inputs, {
    output: opts.output,
    reads: knownReads(opts),
    format,
    noteTypes,
    audio: opts.audio,
    deck: opts.deck,
    tags,
    knowledge,
    level,
    maxWords,
    ...parseOptionsOf(opts),
    onProgress: progress,
    onPart: memoryKeeper(),
  });
  if (summary.cards > MANY_CARDS) writeErr(`${manyCards(summary.cards, summary.words, maxWords)}\n`);
  if (opts.json) return printJson(summary);
  const c = colors('stderr');
  const n = summary.notes;
  writeErr(
    `${c.green('✓')} ${summary.output === '-' ? 'standard output' : summary.output}: ${n.total} notes (${n.cloze} cloze, ${n.translation} translation, ${n.vocabulary} vocabulary), ${summary.cards} cards, ${summary.words} words from ${summary.pairs} sentence pairs${summary.media ? `, ${summary.media.files} recordings (${(summary.media.bytes / 1e6).toFixed(1)} MB)` : ''}\n`,
  );
}
