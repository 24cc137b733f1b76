export type Colors = ReturnType<typeof import('picocolors').createColors>;

// Without colour every style is the identity, as picocolors makes it. picocolors itself is
// loaded only for a terminal: it sets up process.stdout as it loads (about 2 ms of a 65 ms
// `zhdeck stats`).
const plain = new Proxy({ isColorSupported: false } as Record<string | symbol, unknown>, {
  get: (target, key) => (key in target ? target[key] : String),
}) as unknown as Colors;

/** Colour only for a terminal, and never when NO_COLOR is set. */
export function colors(stream: NodeJS.WriteStream = process.stdout): Colors {
  const on = Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
  return on ? (require('picocolors') as typeof import('picocolors')).createColors(true) : plain;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines: string[]): void {
  if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
}
