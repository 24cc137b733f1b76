// What each command and the library load: a command pays only for the stages it uses, and
// `require('zhdeck')` for nothing until a job is called. Modules are the compiled files of dist/
// a run required (a command's, from dist/cli/main.js: the bundle's modules run when first
// required, as these do); files are every file read, opened or linked, by the bundled CLI too.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fixture, foldersOf, root, runLoads, scratch, zhdeck } from '../helpers.js';

const bin = join(root, 'bin/zhdeck.js');
const unbundled = join(root, 'dist/cli/main.js');

/** A command run both ways: the files the bundled CLI loads, and the modules and files of the same command unbundled. */
function commandLoads(args: string[], input = '') {
  const bundled = runLoads(bin, args, { input });
  const plain = runLoads(unbundled, args, { input });
  expect([bundled.status, plain.status]).toEqual([0, 0]);
  return { ...plain, files: [...bundled.files, ...plain.files] };
}
/** Native modules and data files, named as they appear in paths. */
const SQLITE = /better_sqlite3\.node/;
const FSRS = /node_modules[\\/]ts-fsrs[\\/]/;
const JIEBA = /jieba/;
const LEXICON = /lexicon\.bin|lexicon-records\.bin/;
const SEGMENT = /segment\.bin/;
const FREQUENCY = /frequency\.bin/;
const CEDICT = /cedict/;
/** The optimizer's native module and the progress bar: no part of reviewing. */
const NOT_REVIEW = /open-spaced-repetition|cli-progress/;

const matching = (files: string[], re: RegExp) => files.filter((f) => re.test(f));

describe('what a command loads', () => {
  const collection = join(scratch(), 'collection.db');
  it('adds a deck to review from', () => {
    expect(zhdeck(['add', fixture('market.tsv'), '--collection', collection]).status).toBe(0);
  });

  it.each([
    ['stats', ['stats', '--collection', collection]],
    ['review', ['review', '--collection', collection, '--limit', '1']],
    ['decks', ['decks', '--collection', collection]],
  ])('%s: the collection and FSRS only; neither jieba, the lexicon, the frequency ranks nor any text stage', (_, args) => {
    const r = commandLoads(args, '3\n');
    expect(r.status).toBe(0);
    expect(matching(r.files, SQLITE)).toHaveLength(2);
    for (const re of [JIEBA, LEXICON, SEGMENT, FREQUENCY, CEDICT, NOT_REVIEW]) expect(matching(r.files, re)).toEqual([]);
    const folders = foldersOf(r.modules);
    expect(folders.has('collection')).toBe(true);
    for (const f of ['lexicon', 'segment', 'align', 'vocab', 'export', 'app', 'optimize']) expect({ f, loaded: folders.has(f) }).toEqual({ f, loaded: false });
    // Of article/, only what the shared flag parser needs (cli/args.ts: --columns); no reader.
    expect(r.modules.filter((m) => m.startsWith('article/') && !['article/table.js', 'article/units.js'].includes(m))).toEqual([]);
  });

  it('review colours tones with the pinyin helpers alone', () => {
    const r = runLoads(unbundled, ['review', '--collection', collection, '--limit', '1'], { input: '3\n' });
    expect(r.modules).toEqual(expect.arrayContaining(['review/scheduler.js', 'pinyin/index.js', 'cli/tones.js']));
    expect(matching(r.files, FSRS).length).toBeGreaterThan(0);
  });

  it('lookup: the lexicon and its records; no jieba, segmentation data, SQLite, FSRS or text stage', () => {
    const r = commandLoads(['lookup', '銀行']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('銀行');
    expect(matching(r.files, LEXICON).length).toBeGreaterThan(0);
    for (const re of [JIEBA, SEGMENT, SQLITE, FSRS, CEDICT]) expect(matching(r.files, re)).toEqual([]);
    const folders = foldersOf(r.modules);
    expect(folders.has('lexicon')).toBe(true);
    for (const f of ['segment', 'article', 'align', 'vocab', 'notes', 'export', 'collection', 'review']) expect({ f, loaded: folders.has(f) }).toEqual({ f, loaded: false });
  });

  it.each([
    ['build', ['build', fixture('market.interleaved.txt'), '-o', join(scratch(), 'deck.csv')]],
    ['words', ['words', fixture('market.interleaved.txt')]],
    ['coverage', ['coverage', fixture('market.interleaved.txt')]],
    ['align', ['align', fixture('market.interleaved.txt')]],
    ['segment', ['segment', fixture('market.zh.txt')]],
  ])('%s: the text stages; neither SQLite nor FSRS nor the review stages', (_, args) => {
    const r = commandLoads(args);
    for (const re of [SQLITE, /better-sqlite3/, FSRS]) expect(matching(r.files, re)).toEqual([]);
    // The user dictionary lives beside the collection: its path, and nothing else of collection/
    // but the pure reading of what its reviews know (--known collection opens it only when it exists).
    expect(r.modules.filter((m) => m.startsWith('review/') || (m.startsWith('collection/') && !['collection/paths.js', 'collection/knowledge.js'].includes(m)))).toEqual([]);
  });
});

describe('the library', () => {
  // The package as a program that depends on it sees it: node_modules/zhdeck.
  const dir = scratch();
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules/zhdeck'), 'dir');
  const script = (name: string, code: string) => {
    const file = join(dir, name);
    writeFileSync(file, code);
    return file;
  };
  const API = ['add', 'align', 'build', 'buildFromText', 'checkCollection', 'chooseWords', 'Collection', 'coverage', 'exportCollection', 'lookup', 'readKnowledge', 'segmentText', 'study', 'UserError'];

  it("require('zhdeck') names its API and loads nothing else", () => {
    const r = runLoads(script('names.cjs', "console.log(JSON.stringify(Object.keys(require('zhdeck')).sort()));"), []);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([...API].sort());
    expect(r.modules.sort()).toEqual(['index.js', 'util/errors.js']);
    for (const re of [SQLITE, FSRS, JIEBA, LEXICON, SEGMENT]) expect(matching(r.files, re)).toEqual([]);
  });

  it('gives at run time the values its types name (api.ts)', () => {
    const api = join(root, 'dist/api.js');
    const r = runLoads(script('same.cjs', `const lazy = require('zhdeck'), api = require(${JSON.stringify(api)});
      const names = Object.keys(api).sort();
      console.log(JSON.stringify({ names, same: names.every((n) => lazy[n] === api[n]) }));`), []);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ names: [...API].sort(), same: true });
  });

  it('lookup loads the lexicon, not jieba, SQLite or FSRS', () => {
    const r = runLoads(script('lookup.cjs', "require('zhdeck').lookup('銀行').then((e) => console.log(e[0].pinyin));"), []);
    expect(r.stdout.trim()).toBe('yín háng');
    expect(matching(r.files, LEXICON).length).toBeGreaterThan(0);
    for (const re of [SQLITE, FSRS, JIEBA, SEGMENT]) expect(matching(r.files, re)).toEqual([]);
  });

  it('buildFromText loads jieba and the data, not SQLite or FSRS', () => {
    const text = 'The market opens early.\n市場很早開門。\n';
    const r = runLoads(script('build.cjs', `require('zhdeck').buildFromText(${JSON.stringify(text)}).then((d) => console.log(d.notes.length));`), []);
    expect(r.status).toBe(0);
    expect(Number(r.stdout)).toBeGreaterThan(0);
    for (const re of [JIEBA, SEGMENT, LEXICON]) expect(matching(r.files, re).length).toBeGreaterThan(0);
    for (const re of [SQLITE, FSRS]) expect(matching(r.files, re)).toEqual([]);
  });

  it('Collection loads SQLite when first used', () => {
    const db = join(dir, 'c.db');
    const r = runLoads(script('collection.cjs', `const { Collection } = require('zhdeck'); Collection.open(${JSON.stringify(db)}, { create: true }).close();`), []);
    expect(r.status).toBe(0);
    expect(matching(r.files, SQLITE)).toHaveLength(1);
    expect(matching(r.files, JIEBA)).toEqual([]);
  });

  it("imports by name from an ES module, and zhdeck/stages gives every stage's surface", () => {
    const file = script(
      'esm.mjs',
      `import { build, Collection, UserError } from 'zhdeck';
       import { loadSegmenter, alignArticle, toAnkiCsv, Scheduler } from 'zhdeck/stages';
       console.log([build, Collection, UserError, loadSegmenter, alignArticle, toAnkiCsv, Scheduler].map((f) => typeof f).join(' '));`,
    );
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(Array(7).fill('function').join(' '));
  });

  it('has types for both entries', () => {
    script(
      'typed.ts',
      `import { buildFromText, UserError, type Word, type Note } from 'zhdeck';
       import { loadLexicon, type Lexicon } from 'zhdeck/stages';
       export async function f(): Promise<[Note[], Word[], Lexicon, boolean]> {
         const deck = await buildFromText('x');
         return [deck.notes, deck.studied[0]!.words, await loadLexicon(), new UserError('m') instanceof Error];
       }`,
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    // Through the package's exports map. (node16 would refuse ts-fsrs's types, which are
    // ES-module only, in zhdeck/stages' review types; nodenext takes them.)
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--typeRoots', join(root, 'node_modules/@types')];
    const r = spawnSync(process.execPath, [tsc, ...args, join(dir, 'typed.ts')], { encoding: 'utf8', cwd: dir });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
    // The older resolution (node10) finds the subpath's types through typesVersions.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(`./${pkg.typesVersions['*'].stages[0]}`).toBe(pkg.exports['./stages'].types);
  });
});
