import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { colors } from '../../src/cli/output.js';
import { formatPinyin } from '../../src/cli/tones.js';

describe('colors', () => {
  it('leaves text as it is off a terminal, for every style', () => {
    const c = colors('stdout', false);
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
      expect(formatPinyin('yín háng', colors('stdout', true))).toBe('\x1b[32myín\x1b[39m \x1b[32mháng\x1b[39m');
      process.env.NO_COLOR = '1';
      expect(colors('stdout', true).red('x')).toBe('x');
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('tells a pipe from a terminal by the descriptor, and writes, without setting up a stream', () => {
    // process.stdout, process.stderr and the tty module load net: ~2 ms of a short command.
    const code = `const { colors, writeOut, writeErr } = require(${JSON.stringify(require.resolve('../../dist/cli/output.js'))});
      const before = new Set(process.moduleLoadList);
      const colour = colors('stdout').isColorSupported || colors('stderr').isColorSupported;
      writeOut('out'); writeErr('err');
      writeOut(JSON.stringify({ colour, loaded: process.moduleLoadList.filter((m) => !before.has(m) && /net|tty/.test(m)) }));`;
    const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, TERM: 'xterm' } });
    expect(r.stderr).toBe('err');
    expect(JSON.parse(r.stdout.slice(3))).toEqual({ colour: false, loaded: [] });
  });
});
