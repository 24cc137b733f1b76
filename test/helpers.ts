import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync, type SpawnOptions, type SpawnSyncOptions } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
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

const scratchDir = () => mkdtempSync(join(tmpdir(), 'zhdeck-test-'));
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
  const dir = scratchDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Rows of texts compared by prefix: each actual cell must start with the expected one. */
export function expectPrefixes(actual: string[][], expected: string[][]): void {
  const cut = actual.map((row, i) => row.map((cell, k) => cell.slice(0, expected[i]?.[k]?.length ?? cell.length)));
  expect(cut).toEqual(expected);
}

/** What a process loaded: zhdeck's modules (ids such as `lexicon/store.js`) and every file it read, opened or linked. */
export interface Loads {
  modules: string[];
  files: string[];
}

/**
 * Runs a Node process with a hook that records what it loads: `script` is a file, such as
 * bin/zhdeck.js, and `args` its arguments. Modules are the compiled files of dist/ that were
 * required: run dist/cli/main.js for a command's module graph (the bundle is one file, whose
 * modules run when first required, just as these are).
 */
export function runLoads(script: string, args: string[], opts: SpawnSyncOptions = {}): Run & Loads {
  const dir = scratchDir();
  const log = join(dir, 'loads.json');
  const hook = join(dir, 'hook.cjs');
  const dist = join(root, 'dist') + sep;
  writeFileSync(
    hook,
    `const fs = require('fs'); const files = [];
     for (const name of ['readFileSync', 'openSync']) { const f = fs[name]; fs[name] = function (p, ...a) { files.push(String(p)); return f.call(this, p, ...a); }; }
     const dl = process.dlopen; process.dlopen = function (m, p, ...a) { files.push(String(p)); return dl.call(this, m, p, ...a); };
     process.on('exit', () => {
       const modules = Object.keys(require.cache).filter((f) => f.startsWith(${JSON.stringify(dist)})).map((f) => f.slice(${dist.length}).split(require('path').sep).join('/'));
       fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify({ modules, files }));
     });`,
  );
  const r = spawnSync(process.execPath, ['--require', hook, script, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    ...opts,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  const loads = JSON.parse(readFileSync(log, 'utf8')) as Loads;
  rmSync(dir, { recursive: true, force: true });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr), ...loads };
}

/** The top folders of module ids (`lexicon/store.js` → `lexicon`). */
export const foldersOf = (modules: string[]) => new Set(modules.map((m) => (m.includes('/') ? m.split('/')[0]! : m)));
