// The review path: this module must load neither the segmenter nor the lexicon.
import { createInterface, emitKeypressEvents } from 'node:readline';
import { Collection, collectionPath } from '../../collection/index.js';
import { parseCommand, readSettings, rememberSettings, runSession, schedulersFor, type Command, type ReviewIO, type ReviewSettings, type Style } from '../../review/index.js';
import { UserError } from '../../util/errors.js';
import { now } from '../../util/clock.js';
import { parseCount } from '../args.js';
import { colors, writeOut } from '../output.js';
import { toneColour } from '../tones.js';

interface Options {
  collection?: string;
  deck?: string;
  limit?: string;
  newLimit?: string;
  retention?: string;
  maxInterval?: string;
}

function styleFor(stream: NodeJS.WriteStream): Style {
  const c = colors(stream);
  return { bold: c.bold, dim: c.dim, underline: c.underline, cyan: c.cyan, tone: (t, s) => toneColour(c, t)(s) };
}

/** Line mode: one command per line from standard input (scripts, tests, pipes). */
function lineIO(style: Style): ReviewIO & { close(): void } {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    interactive: false,
    style,
    show: (text) => writeOut(`${text}\n`),
    async ask(): Promise<Command> {
      for (;;) {
        const next = await lines.next();
        if (next.done) return { type: 'quit' };
        const cmd = parseCommand(next.value);
        if (cmd && cmd.type !== 'reveal') return cmd;
        if (!cmd) process.stderr.write(`zhdeck: "${next.value.trim()}" is not a rating: 1-4 or again/hard/good/easy, u to undo, q to quit\n`);
      }
    },
    close: () => rl.close(),
  };
}

/** A terminal: raw keypresses, the answer on Space or Enter. */
function keyIO(style: Style): ReviewIO & { close(): void } {
  emitKeypressEvents(process.stdin);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  const hint = (stage: 'reveal' | 'rate') =>
    style.dim(stage === 'reveal' ? '[space] show answer · u undo · q quit' : '[1] again [2] hard [3] good [4] easy · u undo · q quit');
  return {
    interactive: true,
    style,
    show: (text) => writeOut(`${text}\n`),
    ask: (stage) =>
      new Promise<Command>((resolve) => {
        writeOut(`${hint(stage)}\n`);
        const onKey = (_: string, key: { name?: string; ctrl?: boolean; sequence?: string }) => {
          let cmd: Command | null = null;
          if (key.ctrl && key.name === 'c') cmd = { type: 'quit' };
          else if (key.name === 'escape') cmd = { type: 'quit' };
          else if (stage === 'reveal' && (key.name === 'space' || key.name === 'return')) cmd = { type: 'reveal' };
          else cmd = parseCommand(key.sequence ?? '');
          if (!cmd || (stage === 'rate' && cmd.type === 'reveal') || (stage === 'reveal' && cmd.type === 'rate')) return;
          process.stdin.off('keypress', onKey);
          resolve(cmd);
        };
        process.stdin.on('keypress', onKey);
      }),
    close: () => {
      process.stdin.setRawMode(false);
      process.stdin.pause();
    },
  };
}

function parseRetention(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const r = Number(value);
  if (!(r > 0 && r < 1)) throw new UserError(`expects a desired retention between 0 and 1 (e.g. 0.9), not "${value}"`, '--retention');
  return r;
}

/** --retention and --max-interval, checked before the collection is opened. */
function wanted(opts: Options): { retention?: number; maximumInterval?: number } {
  const maximumInterval = parseCount(opts.maxInterval, '--max-interval');
  if (maximumInterval === 0) throw new UserError('expects at least 1 day', '--max-interval');
  return { retention: parseRetention(opts.retention), maximumInterval };
}

/** They are kept in the collection: every later review uses them. */
function remember(c: Collection, want: ReturnType<typeof wanted>): ReviewSettings {
  const change = rememberSettings(c, want);
  const said = [change.retention && `desired retention ${change.retention}`, change.maximumInterval && `maximum interval ${change.maximumInterval} days`];
  if (said.some(Boolean)) process.stderr.write(`zhdeck: ${said.filter(Boolean).join(', ')} kept for this collection\n`);
  return readSettings(c);
}

export default async function run(opts: Options): Promise<void> {
  const limit = parseCount(opts.limit, '--limit');
  const newLimit = parseCount(opts.newLimit, '--new-limit') ?? 20;
  const want = wanted(opts);
  const c = Collection.open(collectionPath(opts.collection));
  let io: (ReviewIO & { close(): void }) | undefined;
  try {
    const schedulers = schedulersFor(c, remember(c, want));
    const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    io = interactive ? keyIO(styleFor(process.stdout)) : lineIO(styleFor(process.stdout));
    const summary = await runSession(c, schedulers, io, { newLimit, deck: opts.deck, limit, now });
    process.stderr.write(`zhdeck: ${summary.reviewed} card${summary.reviewed === 1 ? '' : 's'} reviewed${summary.undone ? `, ${summary.undone} rating(s) undone` : ''}\n`);
  } finally {
    io?.close();
    c.close();
  }
}
