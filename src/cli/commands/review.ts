// The review path: this module must load neither the segmenter nor the lexicon.
import { createInterface, emitKeypressEvents } from 'node:readline';
import { Collection, collectionPath } from '../../collection/index.js';
import { parseCommand, readSettings, rememberSettings, runSession, schedulersFor, type Command, type ReviewIO, type ReviewSettings, type Style } from '../../review/index.js';
import { UserError } from '../../util/errors.js';
import { now } from '../../util/clock.js';
import { parseCount } from '../args.js';
import { colors, writeOut } from '../output.js';
import { whenInterrupted } from '../failure.js';
import { toneColour } from '../tones.js';

interface Options {
  collection?: string;
  deck?: string;
  limit?: string;
  newLimit?: string;
  retention?: string;
  maxInterval?: string;
}

function styleFor(): Style {
  const c = colors('stdout');
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
        if (!cmd) process.stderr.write(`zhdeck: "${next.value.trim()}" is not a rating: 1-4 or again/hard/good/easy, ! to suspend, u to undo, q to quit\n`);
      }
    },
    close: () => rl.close(),
  };
}

/**
 * A terminal: raw keypresses, the answer on Space or Enter; each card on a cleared screen, every
 * line wrapped to the terminal's width as it is now (cli/wrap.ts).
 */
function keyIO(style: Style, interrupt: () => void): ReviewIO & { close(): void } {
  const { wrapText } = require('../wrap.js') as typeof import('../wrap.js');
  emitKeypressEvents(process.stdin);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  const hint = (stage: 'reveal' | 'rate') =>
    style.dim(stage === 'reveal' ? '[space] show answer · u undo · q quit' : '[1] again [2] hard [3] good [4] easy · ! suspend · u undo · q quit');
  const show = (text: string) => writeOut(`${wrapText(text, process.stdout.columns || 80)}\n`);
  return {
    interactive: true,
    style,
    show,
    // Erase the screen and its scrollback, cursor home (ECMA-48 ED 2 and 3, CUP).
    clear: () => writeOut('\x1b[2J\x1b[3J\x1b[H'),
    ask: (stage) =>
      new Promise<Command>((resolve) => {
        show(hint(stage));
        const onKey = (_: string, key: { name?: string; ctrl?: boolean; sequence?: string }) => {
          let cmd: Command | null = null;
          // In raw mode the terminal sends no signal: Ctrl-C is a key.
          if (key.ctrl && key.name === 'c') {
            interrupt();
            cmd = { type: 'quit' };
          }
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
    const deck = opts.deck === undefined ? undefined : c.findDeck(opts.deck);
    const schedulers = schedulersFor(c, remember(c, want));
    const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    // Ctrl-C ends the session as q does: every rating given is already committed (runSession
    // commits each before asking for the next), and the collection is closed; then exit 130.
    let interrupted = false;
    const interrupt = () => {
      interrupted = true;
      process.exitCode = 130;
    };
    io = interactive ? keyIO(styleFor(), interrupt) : lineIO(styleFor());
    const line = io;
    whenInterrupted(() => {
      interrupt();
      line.close(); // the next ask reads the end of input: quit
    });
    const summary = await runSession(c, schedulers, io, { newLimit, deck, limit, now });
    process.stderr.write(
      `zhdeck: ${interrupted ? 'interrupted: ' : ''}${summary.reviewed} card${summary.reviewed === 1 ? '' : 's'} reviewed${summary.undone ? `, ${summary.undone} rating(s) undone` : ''}\n`,
    );
  } finally {
    io?.close();
    c.close();
  }
}
