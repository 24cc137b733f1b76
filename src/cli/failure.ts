import { CommanderError } from 'commander';
import { isUserError } from '../util/errors.js';

const REPORT = 'please report it with the command you ran (ZHDECK_DEBUG=1 shows the stack)';

/** Exit codes per STANDARDS §1: 0 done, 1 a bug, 2 the user's input or environment. */
export function handleFailure(err: unknown): never {
  if (err instanceof CommanderError) {
    // commander has already printed its message (or the help / version).
    const ok = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help';
    process.exit(ok ? 0 : 2);
  }
  if (isUserError(err)) {
    process.stderr.write(`zhdeck: ${oneLine(err.message)}\n`);
    process.exit(2);
  }
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EPIPE') process.exit(0); // the reader went away (`zhdeck words … | head`)
  process.stderr.write(`zhdeck: internal error: ${oneLine(String(e?.message ?? err))}; ${REPORT}\n`);
  if (process.env.ZHDECK_DEBUG === '1' && e?.stack) process.stderr.write(`${e.stack}\n`);
  process.exit(1);
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

/** Exit codes of a command ended by a signal (128 + its number, as a shell reports it). */
const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

let onInterrupt: (() => void) | null = null;

/**
 * Ctrl-C (or a kill) ends a command at once, exit 130: JavaScript runs between system calls, so
 * no write is cut in half, and the temporary file of an output not yet renamed into place is
 * removed at exit (util/fs.ts). A command with something to finish first (a review: the rating
 * being committed) says so with whenInterrupted; a second Ctrl-C ends it at once.
 */
export function catchInterrupts(): void {
  for (const [signal, code] of Object.entries(SIGNALS)) {
    process.on(signal, () => {
      const finish = onInterrupt;
      onInterrupt = null;
      if (finish && signal === 'SIGINT') return finish();
      process.stderr.write('\nzhdeck: interrupted\n');
      process.exit(code);
    });
  }
}

/** What the next Ctrl-C does instead of ending the command at once. */
export function whenInterrupted(finish: () => void): void {
  onInterrupt = finish;
}
