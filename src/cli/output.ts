import { createColors } from 'picocolors';

/** Colour only for a terminal, and never when NO_COLOR is set. */
export const colors = (stream: NodeJS.WriteStream = process.stdout) =>
  createColors(Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb');

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines: string[]): void {
  if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
}
