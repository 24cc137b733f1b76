import { writeSync } from 'node:fs';
import { handleFailure } from './failure.js';

export type Colors = ReturnType<typeof import('picocolors').createColors>;

// Without colour every style is the identity, as picocolors makes it. picocolors itself is
// loaded only for a terminal: it sets up process.stdout as it loads (see writeOut).
const plain = new Proxy({ isColorSupported: false } as Record<string | symbol, unknown>, {
  get: (target, key) => (key in target ? target[key] : String),
}) as unknown as Colors;

/** Colour only for a terminal (standard output unless told), and never when NO_COLOR is set. */
export function colors(stream?: NodeJS.WriteStream): Colors {
  // The environment first: asking standard output whether it is a terminal sets it up.
  if ('NO_COLOR' in process.env || process.env.TERM === 'dumb') return plain;
  return (stream ?? process.stdout).isTTY ? (require('picocolors') as typeof import('picocolors')).createColors(true) : plain;
}

let queued = false;

/**
 * Writes to standard output with plain system calls, in order. Setting up process.stdout costs
 * a short command like `zhdeck stats` about 3 ms on a pipe, a tenth of its own time. Should
 * the descriptor be non-blocking (EAGAIN), Node's stream takes this and every later write. A
 * reader that has gone (EPIPE: `zhdeck words … | head`) ends the command quietly (cli/failure.ts).
 */
export function writeOut(text: string): void {
  if (queued) return void process.stdout.write(text);
  const bytes = Buffer.from(text, 'utf8');
  let off = 0;
  try {
    while (off < bytes.length) off += writeSync(1, bytes, off);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    queued = true;
    process.stdout.on('error', handleFailure);
    process.stdout.write(bytes.subarray(off));
  }
}

export function printJson(value: unknown): void {
  writeOut(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines: string[]): void {
  if (lines.length) writeOut(`${lines.join('\n')}\n`);
}
