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
