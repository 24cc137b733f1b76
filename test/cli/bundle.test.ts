// The CLI runs from dist/bundle/zhdeck.js, esbuild's bundle (scripts/bundle.cjs), started by
// bin/load.cjs from the install-time code cache: these check what the bundle must keep of Node's
// own loading, on a copy of the installed package, and that the cache is there and taken.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { root, scratch } from '../helpers.js';
import { pack, unpack } from '../../src/data/index.js';
import { CODE_CACHE } from '../../src/data/code-cache.js';

const require = createRequire(import.meta.url);

/** A copy of the package (bin, dist, package.json; node_modules linked), with or without its data. */
function copyPackage(withData: boolean): string {
  const dir = join(scratch(), 'zhdeck');
  mkdirSync(dir);
  for (const name of ['bin', 'dist', 'package.json']) cpSync(join(root, name), join(dir, name), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  if (withData) cpSync(join(root, 'data'), join(dir, 'data'), { recursive: true });
  return dir;
}

const run = (dir: string, args: string[], input = '') => {
  const r = spawnSync(process.execPath, [join(dir, 'bin/zhdeck.js'), ...args], { input, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
};

describe('the bundled CLI', () => {
  it('prepares missing data once, on first use (dynamic imports work inside the bundle)', () => {
    const dir = copyPackage(false);
    const first = run(dir, ['segment'], '我們在小紅書上看到防火長城\n');
    expect(first.stderr).toContain('preparing the CC-CEDICT lexicon (once)');
    expect(first.stderr).toContain('preparing the segmentation dictionary (once)');
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('我們 在 小紅書 上 看到 防火長城\n');
    const again = run(dir, ['segment'], '防火長城\n');
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe('防火長城\n');
  });

  it('has the code cache made at install time, for this bundle and this Node, and V8 takes it', () => {
    const loader = require(join(root, 'bin/load.cjs'));
    // Missing, or made for another bundle or Node: the test fails, as a cold start would be slow.
    const build = loader.buildOf(readFileSync(loader.bundleFile, 'utf8'));
    expect(build).toMatch(/^[0-9a-f]{16}$/);
    expect(loader.readCodeCache(loader.codeCachePath(), build)?.length).toBeGreaterThan(100_000);
    const script = `const load = require(${JSON.stringify(join(root, 'bin/load.cjs'))});
      process.argv = [process.argv[0], 'zhdeck', 'lookup', '銀行', '--json'];
      process.on('exit', () => process.stderr.write(JSON.stringify(load.run.codeCacheUse)));
      load.run();`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stderr)).toEqual({ offered: true, rejected: false });
  });

  it('is all ASCII, as bin/load.cjs reads it (Latin-1, no UTF-8 decoding)', () => {
    const bytes = readFileSync(require(join(root, 'bin/load.cjs')).bundleFile);
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
  });

  it('build, stats and review start from a cache of their own, made without changing V8\'s flags; other commands from the whole one', () => {
    const loader = require(join(root, 'bin/load.cjs'));
    const build = loader.buildOf(readFileSync(loader.bundleFile, 'utf8'));
    const whole = loader.readCodeCache(loader.codeCachePath(), build)!.length;
    const own = loader.readCodeCache(join(root, 'data/code-cache.build.bin'), build);
    // Smaller than the whole, and not a cache a flag set at run time made V8 refuse (the build's memory keeper once did).
    expect(own?.length).toBeGreaterThan(100_000);
    expect(own!.length).toBeLessThan(whole);
    for (const command of ['stats', 'review']) expect(loader.readCodeCache(join(root, `data/code-cache.${command}.bin`), build)?.length).toBeGreaterThan(50_000);
    const use = (args: string[]) => {
      const script = `const load = require(${JSON.stringify(join(root, 'bin/load.cjs'))});
        process.argv = [process.argv[0], 'zhdeck', ...${JSON.stringify(args)}];
        process.on('exit', () => process.stderr.write('\\n' + JSON.stringify(load.run.codeCacheUse)));
        load.run();`;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      return JSON.parse(r.stderr.trim().split('\n').at(-1)!);
    };
    const out = join(scratch(), 'deck.apkg');
    expect(use(['build', join(root, 'decks/example.txt'), '-o', out])).toEqual({ offered: true, rejected: false });
  });

  it('runs the same with a stale, a corrupt or no code cache', () => {
    const dir = copyPackage(true);
    const cache = join(dir, 'data/code-cache.bin');
    const expected = run(dir, ['lookup', '銀行', '--json']);
    expect(expected.status).toBe(0);
    // Each variant is made from the install-time cache (the test above checks it exists).
    const good = readFileSync(cache);
    const { meta, v8 } = unpack(good, CODE_CACHE);
    const head = JSON.parse(meta);
    const withMeta = (m: object, data = v8) => pack(CODE_CACHE, { meta: JSON.stringify(m), v8: data });
    const variants: [string, Buffer][] = [
      ['garbage', Buffer.from('not a code cache at all')],
      // Made from another bundle, or by another Node: not even offered to V8.
      ['stale', withMeta({ ...head, build: '0000000000000000' })],
      ['other node', withMeta({ ...head, node: 'v0.0.0' })],
      ['truncated', good.subarray(0, good.length >> 1)],
      // Bytes changed after it was written: its digest says so, and V8 never sees them (they crash it).
      ['flipped', Buffer.from(good).map((b, i) => (i > good.length - 4096 ? b ^ 0x5a : b)) as Buffer],
      // Right digests, wrong bytes: V8 must refuse them.
      ['scrambled', withMeta(head, Buffer.alloc(v8.length, 7))],
    ];
    for (const [name, bytes] of variants) {
      writeFileSync(cache, bytes);
      const r = run(dir, ['lookup', '銀行', '--json']);
      expect({ name, status: r.status, stdout: r.stdout }).toEqual({ name, status: 0, stdout: expected.stdout });
    }
    rmSync(cache, { force: true });
    const none = run(dir, ['lookup', '銀行', '--json']);
    expect({ status: none.status, stdout: none.stdout }).toEqual({ status: 0, stdout: expected.stdout });
  });
});
