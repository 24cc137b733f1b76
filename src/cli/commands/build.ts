import { build, formatFor } from '../../app/index.js';
import { knowledgeFrom, type KnownFlags } from '../known.js';
import { parseNoteTypes } from '../../export/index.js';
import { parseTags } from '../../notes/index.js';
import { UserError } from '../../util/errors.js';
import { parseCount, parseOptionsOf, type ReadFlags } from '../args.js';
import { colors, printJson } from '../output.js';

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
  });
  if (opts.json) return printJson(summary);
  const c = colors(process.stderr);
  if (summary.warning) process.stderr.write(`${c.yellow('zhdeck: warning:')} ${summary.warning}\n`);
  const n = summary.notes;
  process.stderr.write(
    `${c.green('✓')} ${summary.output === '-' ? 'standard output' : summary.output}: ${n.total} notes (${n.cloze} cloze, ${n.translation} translation, ${n.vocabulary} vocabulary), ${summary.cards} cards, ${summary.words} words from ${summary.pairs} sentence pairs${summary.media ? `, ${summary.media.files} recordings (${(summary.media.bytes / 1e6).toFixed(1)} MB)` : ''}\n`,
  );
}
