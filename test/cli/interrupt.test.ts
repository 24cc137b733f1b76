import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fixture, root, scratch, zhdeck } from '../helpers.js';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawn(process.execPath, [join(root, 'bin/zhdeck.js'), ...args], { env: { ...process.env, NO_COLOR: '1', ZHDECK_NOW: String(T0), ...env } });

/** Exit code, or the signal that ended the process. */
const ended = (child: ReturnType<typeof spawn>) =>
  new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? String(signal))));

describe('Ctrl-C (SIGINT)', () => {
  it('during a review: the ratings given stay committed, the session ends, exit 130', async () => {
    const dir = scratch();
    const file = join(dir, 'collection.db');
    expect(zhdeck(['add', fixture('market.interleaved.txt'), '--collection', file], { env: { ZHDECK_NOW: String(T0) } }).status).toBe(0);
    for (const N of [0, 2]) {
      const child = cli(['review', '--collection', file]);
      let out = '';
      let err = '';
      let rated = 0;
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        // Card k+1 waiting for its rating means rating k is on disk: rate again, or interrupt after N.
        const waiting = out.match(/4 easy \S+\n/g)?.length ?? 0;
        if (waiting !== rated + 1) return;
        if (rated === N) child.kill('SIGINT');
        else {
          rated++;
          child.stdin!.write('3\n');
        }
      });
      expect(await ended(child)).toBe(130);
      expect(err).toBe(`zhdeck: interrupted: ${N} card${N === 1 ? '' : 's'} reviewed\n`);
    }
    const d = new Database(file, { readonly: true });
    expect(d.prepare("SELECT count(*) FROM revlog WHERE kind = 'review'").pluck().get()).toBe(2);
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    d.close();
  });

  it('during a build: exit 130, the deck that was there as it was, no file left behind', async () => {
    const dir = scratch();
    const out = join(dir, 'deck.apkg');
    writeFileSync(out, 'the deck before\n');
    // A web page that never comes: the build is waiting for it when Ctrl-C comes.
    let child: ReturnType<typeof spawn> | undefined;
    const server = createServer(() => child!.kill('SIGINT'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      for (const format of ['apkg', 'csv']) {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/article.html`;
        child = cli(['build', fixture('market.interleaved.txt'), url, '-o', out, '--format', format], { ZHDECK_COLLECTION: join(dir, 'none.db') });
        let err = '';
        child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
        expect(await ended(child)).toBe(130);
        expect(err.trim()).toBe('zhdeck: interrupted');
        expect(readFileSync(out, 'utf8')).toBe('the deck before\n');
        expect(readdirSync(dir)).toEqual(['deck.apkg']);
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
