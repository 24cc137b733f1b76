// The CLI runs from dist/zhdeck.js, the pack of compiled modules (scripts/bundle.cjs): these
// check what the pack must keep of Node's own loading, on a copy of the installed package.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { root, scratch } from '../helpers.js';

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

describe('the packed CLI', () => {
  it('prepares missing data once, on first use (dynamic imports work inside the pack)', () => {
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

  it('runs the same with a stale, a corrupt or no code cache', () => {
    const dir = copyPackage(true);
    const cache = join(dir, 'data/code-cache.bin');
    const expected = run(dir, ['lookup', '銀行', '--json']);
    expect(expected.status).toBe(0);
    const good = (() => {
      try {
        return readFileSync(cache);
      } catch {
        return null;
      }
    })();
    const headLength = good ? good.readUInt32LE(0) : 0;
    const head = good ? JSON.parse(good.toString('utf8', 4, 4 + headLength)) : {};
    const withHead = (h: object) => {
      const json = Buffer.from(JSON.stringify(h));
      const length = Buffer.alloc(4);
      length.writeUInt32LE(json.length);
      return Buffer.concat([length, json, good ? good.subarray(4 + headLength) : Buffer.alloc(0)]);
    };
    const variants: [string, Buffer][] = [
      ['garbage', Buffer.from('not a code cache at all')],
      // Made from another pack, or by another Node: not even offered to V8.
      ['stale', withHead({ ...head, build: '0000000000000000' })],
      ['other node', withHead({ ...head, node: 'v0.0.0' })],
      ['truncated', good ? good.subarray(0, good.length >> 1) : Buffer.alloc(0)],
      // Right header, wrong bytes: V8 must refuse them.
      ['scrambled', good ? Buffer.concat([good.subarray(0, 4 + headLength), Buffer.alloc(good.length - 4 - headLength, 7)]) : Buffer.alloc(0)],
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
