import { describe, expect, it } from 'vitest';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { fixture, root, scratch, zhdeck, type Run } from '../helpers.js';

/** A one-line user error: exit 2, one line on stderr naming `subject`, no stack. */
function expectUserError(r: Run, subject: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(subject);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

/** A folder with a copy of an article, and what each file in it holds. */
function folder(article = 'market.interleaved.txt', name = 'a.txt') {
  const dir = scratch();
  copyFileSync(fixture(article), join(dir, name));
  const contents = () => Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name)).toString('base64')]));
  return { dir, file: join(dir, name), contents };
}

describe('no output onto an input', () => {
  it('refuses the input itself, a path to it spelled otherwise, a link to it and a hard link: exit 2, every file as it was', () => {
    const { dir, file, contents } = folder();
    linkSync(file, join(dir, 'hard.txt'));
    symlinkSync(file, join(dir, 'soft.txt'));
    const before = contents();
    for (const output of [file, join(dir, '.', 'a.txt'), join(dir, 'hard.txt'), join(dir, 'soft.txt')]) {
      expectUserError(zhdeck(['build', file, '-o', output]), /input of this command/);
      expectUserError(zhdeck(['build', join(dir, 'soft.txt'), '-o', output, '--format', 'csv']), /input of this command/);
    }
    expect(contents()).toEqual(before);
  });

  it('refuses a --known word list and the collection as the deck', () => {
    const { dir, file } = folder();
    const list = join(dir, 'known.txt');
    writeFileSync(list, '市場\n');
    expectUserError(zhdeck(['build', file, '--known', list, '-o', list]), /known\.txt: is an input/);
    expect(readFileSync(list, 'utf8')).toBe('市場\n');
    const collection = join(dir, 'c.db');
    expect(zhdeck(['add', file, '--collection', collection]).status).toBe(0);
    const db = readFileSync(collection);
    for (const output of [collection, `${collection}-wal`]) {
      expectUserError(zhdeck(['build', file, '--collection', collection, '-o', output]), /is an input/);
      expectUserError(zhdeck(['export', '--collection', collection, '-o', output]), /is an input/);
    }
    expectUserError(zhdeck(['add', file, '--collection', file]), /a\.txt/);
    expect(readFileSync(collection)).toEqual(db);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(fixture('market.interleaved.txt'), 'utf8'));
  });

  it('gives the default deck a name that is no input: a table x.csv built as CSV makes x.deck.csv', () => {
    const { dir, file, contents } = folder('market.tsv', 'words.csv');
    const before = contents()[file];
    const r = zhdeck(['build', file, '--format', 'csv', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).output).toBe(join(dir, 'words.deck.csv'));
    expect(contents()[file]).toBe(before);
    expect(readFileSync(join(dir, 'words.deck.csv'), 'utf8')).toMatch(/^#separator:tab\n/);
    // The default .apkg beside it is no input either: it is written, and written again.
    expect(zhdeck(['build', file]).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['words.apkg', 'words.csv', 'words.deck.csv']);
  });
});

describe('where the deck goes', () => {
  it('-o - writes the deck to standard output, as an .apkg or as CSV', () => {
    const { file } = folder();
    const apkg = spawnSync(process.execPath, [join(root, 'bin/zhdeck.js'), 'build', file, '-o', '-'], { env: { ...process.env, ZHDECK_COLLECTION: join(file, '..', 'none.db') } });
    expect(apkg.status).toBe(0);
    const zip = unzipSync(new Uint8Array(apkg.stdout));
    expect(Object.keys(zip)).toContain('collection.anki2');
    const csv = zhdeck(['build', file, '-o', '-', '--format', 'csv']);
    expect(csv.status).toBe(0);
    expect(csv.stdout).toMatch(/^#separator:tab\n#html:true\n/);
    expect(csv.stderr).toMatch(/standard output/);
  });

  it('a path under a file, a folder, an empty name: exit 2 with one line, nothing written', () => {
    const { dir, file, contents } = folder();
    writeFileSync(join(dir, 'some-file'), 'mine\n');
    mkdirSync(join(dir, 'folder'));
    const before = contents();
    for (const output of ['some-file/out.csv', 'some-file/deeper/out.apkg', 'folder', '']) {
      const r = zhdeck(['build', file, '-o', output], { cwd: dir });
      expectUserError(r, output ? /some-file|folder/ : /./);
    }
    expectUserError(zhdeck(['export', '-o', join(dir, 'some-file', 'x.apkg'), '--collection', join(dir, 'none.db')]), /./);
    expect(contents()).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'folder', 'some-file']);
  });

  it('a collection or corrections file under a file: exit 2 with one line, nothing written', () => {
    const { dir, file, contents } = folder();
    writeFileSync(join(dir, 'some-file'), 'mine\n');
    const before = contents();
    const under = join(dir, 'some-file', 'zhdeck', 'collection.db');
    expectUserError(zhdeck(['add', file, '--collection', under]), /some-file/);
    expectUserError(zhdeck(['words', '--fix', '大公豬=大 公豬'], { env: { ZHDECK_COLLECTION: under } }), /some-file/);
    expect(contents()).toEqual(before);
  });
});

describe('the environment', () => {
  it('ZHDECK_NOW that is not a date: exit 2, one line naming it', () => {
    const { dir, file } = folder();
    const collection = join(dir, 'c.db');
    for (const args of [['add', file, '--collection', collection], ['build', file, '-o', join(dir, 'x.apkg')]]) {
      for (const bad of ['garbage', '99999999999999999999']) expectUserError(zhdeck(args, { env: { ZHDECK_NOW: bad } }), /^zhdeck: ZHDECK_NOW: /);
    }
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });
});
