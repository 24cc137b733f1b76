import { describe, expect, it } from 'vitest';
import { colors } from '../../src/cli/output.js';
import { formatPinyin } from '../../src/cli/tones.js';

const stream = (isTTY: boolean) => ({ isTTY }) as NodeJS.WriteStream;

describe('colors', () => {
  it('leaves text as it is off a terminal, for every style', () => {
    const c = colors(stream(false));
    expect(c.isColorSupported).toBe(false);
    expect(c.green('✓')).toBe('✓');
    expect(c.bold(c.dim('x'))).toBe('x');
    expect(formatPinyin('yín háng', c)).toBe('yín háng');
  });

  it('colours tones on a terminal unless NO_COLOR is set', () => {
    const saved = { NO_COLOR: process.env.NO_COLOR, TERM: process.env.TERM };
    delete process.env.NO_COLOR;
    process.env.TERM = 'xterm';
    try {
      expect(formatPinyin('yín háng', colors(stream(true)))).toBe('\x1b[32myín\x1b[39m \x1b[32mháng\x1b[39m');
      process.env.NO_COLOR = '1';
      expect(colors(stream(true)).red('x')).toBe('x');
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
