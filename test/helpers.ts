import { spawn, spawnSync, type SpawnOptions, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect } from 'vitest';

export const root = resolve(import.meta.dirname, '..');
export const shared = resolve(root, '../shared');
export const hasShared = existsSync(join(shared, 'STANDARDS.md'));
export const seedArticle = join(shared, 'articles/rednote-tiktok-refugees.txt');
export const fixture = (name: string) => join(root, 'test/fixtures', name);

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * No collection unless a test names one: a build reads the learner's collection by default
 * (--known collection), and the machine running the tests may have one of its own.
 */
const NO_COLLECTION = { ZHDECK_COLLECTION: join(tmpdir(), 'zhdeck-tests-no-collection', 'collection.db') };

/** Runs the compiled CLI as a user would. */
export function zhdeck(args: string[], opts: SpawnSyncOptions = {}): Run {
  const r = spawnSync(process.execPath, [join(root, 'bin/zhdeck.js'), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    ...opts,
    env: { ...process.env, ...NO_COLLECTION, NO_COLOR: '1', ...opts.env },
  });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Runs the compiled CLI without blocking this process (a test's own server must go on answering). */
export function zhdeckAsync(args: string[], opts: SpawnOptions = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'bin/zhdeck.js'), ...args], { ...opts, env: { ...process.env, ...NO_COLLECTION, NO_COLOR: '1', ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** A scratch directory removed after the file's tests. */
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhdeck-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Rows of texts compared by prefix: each actual cell must start with the expected one. */
export function expectPrefixes(actual: string[][], expected: string[][]): void {
  const cut = actual.map((row, i) => row.map((cell, k) => cell.slice(0, expected[i]?.[k]?.length ?? cell.length)));
  expect(cut).toEqual(expected);
}
