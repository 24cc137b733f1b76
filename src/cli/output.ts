import { fstatSync, writeSync } from 'node:fs';
import { handleFailure } from './failure.js';

export type Colors = ReturnType<typeof import('picocolors').createColors>;

// Without colour every style is the identity, as picocolors makes it. picocolors itself is
// loaded only for a terminal: it sets up process.stdout as it loads (see writeOut).
const plain = new Proxy({ isColorSupported: false } as Record<string | symbol, unknown>, {
  get: (target, key) => (key in target ? target[key] : String),
}) as unknown as Colors;

type Output = 'stdout' | 'stderr';
const FD: Record<Output, number> = { stdout: 1, stderr: 2 };

/**
 * Whether an output is a terminal, asked of the descriptor: `process.stdout.isTTY` sets up the
 * stream and `tty.isatty` loads net, ~2 ms either on a pipe. A character device that is not a
 * terminal (/dev/null) counts too: colour there is seen by no one.
 */
function isTerminal(to: Output): boolean {
  try {
    return fstatSync(FD[to]).isCharacterDevice();
  } catch {
    return false;
  }
}

/** Colour only for a terminal (standard output unless told), and never when NO_COLOR is set. */
export function colors(to: Output = 'stdout', terminal?: boolean): Colors {
  if ('NO_COLOR' in process.env || process.env.TERM === 'dumb') return plain;
  return (terminal ?? isTerminal(to)) ? (require('picocolors') as typeof import('picocolors')).createColors(true) : plain;
}

const queued: Record<Output, boolean> = { stdout: false, stderr: false };

/**
 * Writes to an output with plain system calls, in order. Setting up process.stdout (or stderr)
 * costs a short command like `zhdeck stats` about 2–3 ms on a pipe, a tenth of its own time.
 * Should the descriptor be non-blocking (EAGAIN), Node's stream takes this and every later
 * write. A reader that has gone (EPIPE: `zhdeck words … | head`) ends the command quietly
 * (cli/failure.ts).
 */
function writeTo(to: Output, text: string): void {
  // The stream only when it is needed: reading process.stdout sets it up.
  const stream = () => (to === 'stdout' ? process.stdout : process.stderr);
  if (queued[to]) return void stream().write(text);
  const bytes = Buffer.from(text, 'utf8');
  let off = 0;
  try {
    while (off < bytes.length) off += writeSync(FD[to], bytes, off);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    queued[to] = true;
    stream().on('error', handleFailure);
    stream().write(bytes.subarray(off));
  }
}

export const writeOut = (text: string): void => writeTo('stdout', text);

/** What a command says on standard error (its summary, a warning), written as writeOut writes. */
export const writeErr = (text: string): void => writeTo('stderr', text);

export function printJson(value: unknown): void {
  writeOut(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines: string[]): void {
  if (lines.length) writeOut(`${lines.join('\n')}\n`);
}
