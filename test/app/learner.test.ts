import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { zipSync } from 'fflate';
import { Collection, Scheduler, readApkg, manyCards, MANY_CARDS } from '../../src/stages.js';
import { fixture, hasShared, scratch, seedArticle, zhdeck } from '../helpers.js';

const garden = fixture('garden.interleaved.txt');
const gardenKnown = fixture('garden-known.txt');
const T0 = Date.parse('2026-03-02T09:00:00Z');
const DAY = 86_400_000;

const json = <T>(r: { status: number | null; stdout: string; stderr: string }): T => {
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};
type WordRow = { word: string; simplified: string; rank: number | null; band: string };
const wordsOf = (args: string[], env: Record<string, string> = {}) => json<WordRow[]>(zhdeck(['words', ...args, '--json'], { env })).map((w) => w.word);

describe('coverage', () => {
  // Hand-counted. The garden article, as segmented (the measure word of 每天 is no word token):
  //   屋頂 上 的 花園 | 奶奶 在 屋頂 種 番茄 | 每 早上 奶奶 給 番茄 和 黃瓜 澆水 | 鄰居 常常 買 她 的 黃瓜 | 夏天 花園 有 很多 蜜蜂
  // 4 + 5 + 8 + 6 + 5 = 28 tokens. Known (the list; --level 0): all but 番茄 ×2, 黃瓜 ×2, 澆水, 鄰居, 蜜蜂 = 7,
  // so 21 known. Unknown words per sentence: 0, 1 (番茄), 3, 2, 1 (蜜蜂): two sentences are i+1.
  it('gives the share of word tokens known, the unknown words and the i+1 sentences, as counted by hand', () => {
    const c = json<{ tokens: number; knownTokens: number; coverage: number; unknownWords: { word: string; count: number; rank: number | null }[]; sentences: number; iPlus1: number }>(
      zhdeck(['coverage', garden, '--known', gardenKnown, '--level', '0', '--json']),
    );
    expect(Object.keys(c)).toEqual(['tokens', 'knownTokens', 'coverage', 'unknownWords', 'sentences', 'iPlus1']);
    expect(c).toMatchObject({ tokens: 28, knownTokens: 21, coverage: 0.75, sentences: 5, iPlus1: 2 });
    expect(c.unknownWords.map((u) => [u.word, u.count])).toEqual(
      expect.arrayContaining([
        ['番茄', 2],
        ['黃瓜', 2],
        ['澆水', 1],
        ['鄰居', 1],
        ['蜜蜂', 1],
      ]),
    );
    expect(c.unknownWords).toHaveLength(5);
    // The most frequent in the text first; ranks are the words' own (as words --json gives them).
    expect(c.unknownWords.slice(0, 2).map((u) => u.count)).toEqual([2, 2]);
    const ranks = new Map(json<WordRow[]>(zhdeck(['words', garden, '--all', '--json'])).map((w) => [w.word, w.rank]));
    for (const u of c.unknownWords) expect(u.rank).toBe(ranks.get(u.word));
  });

  it('takes the N most frequent words as known with --level N', () => {
    // 番茄's rank as the cut: it and every unknown word ranked before it become known.
    const ranks = new Map(json<WordRow[]>(zhdeck(['words', garden, '--all', '--json'])).map((w) => [w.word, w.rank!]));
    const level = ranks.get('番茄')!;
    const c = json<{ knownTokens: number; unknownWords: { word: string }[] }>(zhdeck(['coverage', garden, '--known', gardenKnown, '--level', String(level), '--json']));
    const still = ['番茄', '黃瓜', '澆水', '鄰居', '蜜蜂'].filter((w) => ranks.get(w)! > level);
    expect(c.unknownWords.map((u) => u.word).sort()).toEqual(still.sort());
  });

  it('text output says the figures in a line each', () => {
    const r = zhdeck(['coverage', garden, '--known', gardenKnown, '--level', '0']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('75.0% of 28 word tokens known (21)');
    expect(r.stdout).toContain('5 sentences, 2 with exactly one unknown word (i+1)');
  });
});

describe('levels', () => {
  it('words --json gives every word its rank and band; --level N leaves out the N most frequent', () => {
    const all = json<WordRow[]>(zhdeck(['words', garden, '--all', '--json']));
    for (const w of all) {
      expect(w.rank === null || (Number.isInteger(w.rank) && w.rank > 0)).toBe(true);
      expect(['1k', '2k', '5k', '10k', '20k', 'rare']).toContain(w.band);
    }
    expect(all.find((w) => w.word === '的')!.band).toBe('1k');
    const chosen = json<WordRow[]>(zhdeck(['words', garden, '--level', '3000', '--json']));
    expect(chosen.length).toBeGreaterThan(0);
    for (const w of chosen) expect(w.rank === null || w.rank > 3000).toBe(true);
  });

  it('by default leaves out the basics (人 來 說 新 到), which --level 0 keeps', () => {
    const dir = scratch();
    const text = join(dir, 'basics.txt');
    writeFileSync(
      text,
      'New people came\n新來的人說到了\nThe new teacher came to the village and said he would stay.\n新老師來到村子，說他會留下來。\n',
    );
    const kept = wordsOf([text]);
    for (const w of ['人', '來', '說', '新', '到']) expect(kept).not.toContain(w);
    const all = wordsOf([text, '--level', '0']);
    expect(all.some((w) => ['人', '來', '說', '新', '到'].includes(w))).toBe(true);
  });
});

/** A cloze field's distinct cloze numbers. */
const deletions = (text: string) => new Set([...text.matchAll(/\{\{c(\d+)::/g)].map((m) => m[1])).size;

describe('decks of a size one can study', () => {
  it.skipIf(!hasShared)('the seed article, by default and with no collection: at most 200 cards, no cloze note with more than 3 deletions', () => {
    const out = join(scratch(), 'seed.apkg');
    const summary = json<{ cards: number; warning?: string }>(zhdeck(['build', seedArticle, '-o', out, '--json']));
    expect(summary.cards).toBeLessThanOrEqual(200);
    expect(summary.warning).toBeUndefined();
    const pkg = readApkg(readFileSync(out), out);
    expect(pkg.cards.length).toBe(summary.cards);
    const cloze = Object.values(pkg.models).find((m) => m.name === 'zhdeck Cloze')!;
    const notes = pkg.notes.filter((n) => n.mid === cloze.id);
    expect(notes.length).toBeGreaterThan(5);
    for (const n of notes) expect(deletions(n.flds.split('\x1f')[0]!)).toBeLessThanOrEqual(3);
  });

  it('no cloze note hides more than 3 words, even where a sentence has more unknown words', () => {
    const out = join(scratch(), 'market.apkg');
    expect(zhdeck(['build', fixture('market.interleaved.txt'), '--level', '0', '-o', out]).status).toBe(0);
    const pkg = readApkg(readFileSync(out), out);
    const cloze = Object.values(pkg.models).find((m) => m.name === 'zhdeck Cloze')!;
    const counts = pkg.notes.filter((n) => n.mid === cloze.id).map((n) => deletions(n.flds.split('\x1f')[0]!));
    expect(Math.max(...counts)).toBe(3);
  });

  it('warns with the numbers past MANY_CARDS new cards, for build and add alike', () => {
    expect(MANY_CARDS).toBe(5000);
    expect(manyCards(746_778, 90_000, undefined)).toBe(
      "zhdeck: warning: 746,778 new cards for 90,000 words, 102.3 years of new cards at Anki's default of 20 a day; --max-words 600 keeps the 600 most useful words, and --known SOURCE or --level N leaves out the words you know",
    );
    expect(manyCards(6000, undefined, undefined)).toMatch(/^zhdeck: warning: 6,000 new cards, 300 days of new cards .*; build fewer articles at once/);
  });
});

/** Rates a word's recognition card Easy, day after day, until its memory is a month stable. */
function learn(file: string, words: string[], from: number): number {
  const c = Collection.open(file);
  const scheduler = new Scheduler({ fuzz: false });
  let t = from;
  try {
    const ids = c.all<{ id: number }>(
      "SELECT c.id FROM cards c JOIN notes n ON n.id = c.note_id WHERE c.key = 'recognition' AND json_extract(n.fields, '$[0]') IN (" + words.map(() => '?').join(',') + ')',
      ...words,
    );
    expect(ids).toHaveLength(words.length);
    for (let round = 0; round < 6; round++) {
      for (const { id } of ids) {
        const card = c.card(id)!;
        if (card.stability >= 30) continue;
        const at = Math.max(t, card.due);
        c.recordReview(id, at, 4, 5000, (before) => scheduler.next({ ...before, id }, at, 4));
        t = Math.max(t, at + 1000);
      }
    }
    for (const { id } of ids) expect(c.card(id)!.stability).toBeGreaterThanOrEqual(21);
  } finally {
    c.close();
  }
  return t;
}

describe('what the learner knows', () => {
  it('from the collection: words whose recognition card is known are no targets, and adding the article again suspends none of their cards', () => {
    const file = join(scratch(), 'c.db');
    const flags = ['--known', gardenKnown, '--level', '0', '--collection', file];
    const at = (t: number) => ({ ZHDECK_NOW: String(t) });
    const first = json<{ sources: { cardsAdded: number }[] }>(zhdeck(['add', garden, ...flags, '--json'], { env: at(T0) }));
    expect(first.sources[0]!.cardsAdded).toBeGreaterThan(0);
    expect(wordsOf([garden, ...flags]).sort()).toEqual(['澆水', '番茄', '蜜蜂', '鄰居', '黃瓜'].sort());
    const t = learn(file, ['番茄', '蜜蜂'], T0 + DAY);
    // The collection is a source (here with the list); by default it is the only one.
    const withCollection = [...flags, '--known', 'collection'];
    expect(wordsOf([garden, ...withCollection], at(t)).sort()).toEqual(['澆水', '鄰居', '黃瓜'].sort());
    const deck = join(scratch(), 'garden.apkg');
    const built = json<{ words: number }>(zhdeck(['build', garden, ...withCollection, '-o', deck, '--json'], { env: at(t) }));
    expect(built.words).toBe(3);
    const pkg = readApkg(readFileSync(deck), deck);
    const words = pkg.notes.map((n) => n.flds.split('\x1f')[0]!);
    expect(words).not.toContain('番茄');
    expect(words).not.toContain('蜜蜂');
    // The article they were learned from keeps them: nothing learned is suspended for being learned.
    const again = json<{ sources: { cardsSuspended: number; cardsAdded: number }[] }>(zhdeck(['add', garden, ...withCollection, '--json'], { env: at(t) }));
    expect(again.sources[0]).toMatchObject({ cardsSuspended: 0, cardsAdded: 0 });
  });

  it('zhdeck known add|remove|list keeps hand-marked words in the collection, and they are no targets', () => {
    const file = join(scratch(), 'c.db');
    const flags = ['--known', gardenKnown, '--known', 'collection', '--level', '0', '--collection', file];
    expect(zhdeck(['known', 'add', '番茄', '黃瓜', '--collection', file]).status).toBe(0);
    expect(zhdeck(['known', 'list', '--collection', file]).stdout).toBe('番茄\n黃瓜\n');
    expect(wordsOf([garden, ...flags])).not.toContain('番茄');
    expect(wordsOf([garden, ...flags])).not.toContain('黃瓜');
    expect(zhdeck(['known', 'remove', '黃瓜', '--collection', file]).status).toBe(0);
    expect(json<string[]>(zhdeck(['known', 'list', '--collection', file, '--json']))).toEqual(['番茄']);
    expect(wordsOf([garden, ...flags])).toContain('黃瓜');
    // Simplified marks count for Traditional text.
    expect(zhdeck(['known', 'add', '邻居', '--collection', file]).status).toBe(0);
    expect(wordsOf([garden, ...flags])).not.toContain('鄰居');
    const bad = zhdeck(['known', 'add', 'tomato', '--collection', file]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Chinese characters only/);
    expect(zhdeck(['known', 'forget', '番茄', '--collection', file]).status).toBe(2);
  });

  it('the collection is the default source when there is one, and only then', () => {
    const file = join(scratch(), 'c.db');
    const env = { ZHDECK_COLLECTION: file };
    const before = wordsOf([garden, '--level', '0'], env);
    expect(before).toContain('番茄');
    expect(zhdeck(['known', 'add', '番茄'], { env }).status).toBe(0);
    expect(wordsOf([garden, '--level', '0'], env)).not.toContain('番茄');
    // Naming another source leaves the collection out; `none` is nothing.
    expect(wordsOf([garden, '--level', '0', '--known', 'none'], env)).toContain('番茄');
    const explicit = zhdeck(['words', garden, '--known', 'collection', '--collection', join(scratch(), 'none.db')]);
    expect(explicit.status).toBe(2);
    expect(explicit.stderr).toMatch(/no collection here yet/);
  });

  it("from the learner's Anki package (zhdeck export: legacy schema 11): studied cards are known, new and suspended ones not", () => {
    const file = join(scratch(), 'c.db');
    const flags = ['--known', gardenKnown, '--level', '0', '--collection', file];
    expect(zhdeck(['add', garden, ...flags], { env: { ZHDECK_NOW: String(T0) } }).status).toBe(0);
    learn(file, ['番茄'], T0 + DAY);
    const c = Collection.open(file);
    const bee = c.get<{ id: number }>("SELECT id FROM notes WHERE kind = 'vocabulary' AND json_extract(fields, '$[0]') = '蜜蜂'");
    c.recordReview(c.all<{ id: number }>('SELECT id FROM cards WHERE note_id = ?', bee.id)[0]!.id, T0 + 2 * DAY, 3, 1000, (b) => new Scheduler().next(b, T0 + 2 * DAY, 3));
    c.suspendNote(bee.id);
    c.close();
    const pkg = join(scratch(), 'mine.apkg');
    expect(zhdeck(['export', '-o', pkg, '--collection', file], { env: { ZHDECK_NOW: String(T0 + 90 * DAY) } }).status).toBe(0);
    const cov = json<{ unknownWords: { word: string }[] }>(zhdeck(['coverage', garden, '--known', gardenKnown, '--known', `${pkg}:Hanzi`, '--level', '0', '--json']));
    expect(cov.unknownWords.map((u) => u.word).sort()).toEqual(['澆水', '蜜蜂', '鄰居', '黃瓜'].sort());
    // The field must be named, and be one of the package's.
    const unnamed = zhdeck(['coverage', garden, '--known', pkg]);
    expect(unnamed.status).toBe(2);
    expect(unnamed.stderr).toMatch(/name the field that holds the word, e.g. --known .*mine\.apkg:Hanzi/);
    const wrong = zhdeck(['coverage', garden, '--known', `${pkg}:Kanji`]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/has no field "Kanji": its note types have .*Hanzi/);
  });

  it('from a modern package (collection.anki21b: zstd, schema 18, Anki’s unicase collation), which its legacy stub does not hide', () => {
    const dir = scratch();
    const pkg = join(dir, 'modern.apkg');
    writeFileSync(pkg, modernPackage(rawZstd));
    const cov = json<{ unknownWords: { word: string }[] }>(zhdeck(['coverage', garden, '--known', gardenKnown, '--known', `${pkg}:hanzi`, '--level', '0', '--json']));
    // 番茄 studied, 蜜蜂 buried (still known), 黃瓜 new, 鄰居 suspended, 澆水 in a note type without the field.
    expect(cov.unknownWords.map((u) => u.word).sort()).toEqual(['澆水', '鄰居', '黃瓜'].sort());
  });

  it.skipIf(!hasZstd())('from a modern package compressed by the zstd tool itself', () => {
    const pkg = join(scratch(), 'real.apkg');
    writeFileSync(pkg, modernPackage((b) => new Uint8Array(spawnSync('zstd', ['-q', '-c', '-19'], { input: b }).stdout)));
    const cov = json<{ unknownWords: { word: string }[] }>(zhdeck(['coverage', garden, '--known', gardenKnown, '--known', `${pkg}:Hanzi`, '--level', '0', '--json']));
    expect(cov.unknownWords.map((u) => u.word).sort()).toEqual(['澆水', '鄰居', '黃瓜'].sort());
  });

  it("from Anki's notes export (.txt): a column by name (#columns) or number", () => {
    const dir = scratch();
    const named = join(dir, 'notes.txt');
    writeFileSync(named, '#separator:tab\n#html:true\n#columns:Hanzi\tMeaning\n<b>番茄</b>\ttomato\n"黃瓜 (黄瓜)"\tcucumber\n');
    const cov = json<{ unknownWords: { word: string }[] }>(zhdeck(['coverage', garden, '--known', gardenKnown, '--known', `${named}:Hanzi`, '--level', '0', '--json']));
    expect(cov.unknownWords.map((u) => u.word).sort()).toEqual(['澆水', '蜜蜂', '鄰居'].sort());
    const numbered = join(dir, 'plain.txt');
    writeFileSync(numbered, '#separator:tab\n#html:false\ntomato\t番茄\n');
    const byNumber = json<{ unknownWords: { word: string }[] }>(zhdeck(['coverage', garden, '--known', gardenKnown, '--known', `${numbered}:2`, '--level', '0', '--json']));
    expect(byNumber.unknownWords.map((u) => u.word)).not.toContain('番茄');
    const noNames = zhdeck(['coverage', garden, '--known', `${numbered}:Hanzi`]);
    expect(noNames.status).toBe(2);
    expect(noNames.stderr).toMatch(/names no columns: give the column by number/);
    const unnamed = zhdeck(['coverage', garden, '--known', numbered]);
    expect(unnamed.status).toBe(2);
    expect(unnamed.stderr).toMatch(/is an Anki notes export: name its column/);
  });
});

function hasZstd(): boolean {
  return spawnSync('zstd', ['--version']).status === 0;
}

/**
 * A zstd frame of raw (stored) blocks (RFC 8878 §3.1.1): magic, a single-segment header with
 * the content size, blocks of at most 128 KiB, the last one marked.
 */
function rawZstd(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const head = new Uint8Array(13);
  const v = new DataView(head.buffer);
  v.setUint32(0, 0xfd2fb528, true);
  head[4] = 0xe0; // 8-byte content size, single segment
  v.setBigUint64(5, BigInt(data.length), true);
  parts.push(head);
  for (let at = 0; at < data.length || at === 0; ) {
    const size = Math.min(128 * 1024, data.length - at);
    const last = at + size >= data.length ? 1 : 0;
    const h = (size << 3) | last; // block type 0: raw
    parts.push(Uint8Array.of(h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff), data.subarray(at, at + size));
    at += size;
    if (size === 0) break;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of parts) out.set(p, (k += p.length) - p.length);
  return out;
}

/**
 * A package as Anki 2.1.50 and later export it: collection.anki21b (zstd, schema 18: note types
 * and fields in tables, names COLLATE unicase) beside a legacy collection.anki2 stub that
 * asks to update Anki. Field names in the schema 18 tables as rslib's schema15_upgrade.sql makes them.
 */
function modernPackage(compress: (b: Uint8Array) => Uint8Array): Uint8Array {
  const db = new Database(':memory:');
  db.exec(`
    CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL,
      dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
      dconf text NOT NULL, tags text NOT NULL);
    CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL,
      tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
    CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL,
      usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
      reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL,
      data text NOT NULL);
    CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE nocase, config blob NOT NULL,
      PRIMARY KEY (ntid, ord)) without rowid;
    CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
    CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE nocase, mtime_secs integer NOT NULL,
      usn integer NOT NULL, config blob NOT NULL);
    CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
    INSERT INTO col VALUES (1, 0, 0, 0, 18, 0, 0, 0, '', '', '', '', '');
    INSERT INTO notetypes VALUES (10, 'Chinese words', 0, 0, x''), (20, 'Chinese sentences', 0, 0, x'');
    INSERT INTO fields VALUES (10, 0, 'Hanzi', x''), (10, 1, 'Meaning', x''), (20, 0, 'Sentence', x'');
  `);
  const note = db.prepare("INSERT INTO notes VALUES (?, ?, ?, 0, 0, '', ?, '', 0, 0, '')");
  const card = db.prepare("INSERT INTO cards VALUES (?, ?, 1, ?, 0, 0, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')");
  const rows: [number, number, string, number, number][] = [
    // note id, note type, fields, card type, queue
    [1, 10, '番茄\x1ftomato', 2, 2],
    [2, 10, '黃瓜\x1fcucumber', 0, 0],
    [3, 10, '<span>鄰居</span>\x1fneighbour', 2, -1],
    [4, 10, '蜜蜂\x1fbee', 2, -3],
    [5, 20, '澆水', 2, 2],
  ];
  for (const [id, mid, flds, type, queue] of rows) {
    note.run(id, `g${id}`, mid, flds);
    card.run(id * 10, id, 0, type, queue);
  }
  // The production card of 黃瓜 is studied but suspended: not known either.
  card.run(21, 2, 1, 2, -1);
  // As Anki has it: the names in Anki's own collation, which other SQLite builds lack.
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.exec("UPDATE sqlite_schema SET sql = replace(sql, 'COLLATE nocase', 'COLLATE unicase') WHERE sql LIKE '%COLLATE nocase%'");
  db.pragma('writable_schema = OFF');
  const modern = db.serialize();
  db.close();
  const stub = new Database(':memory:');
  stub.exec(`CREATE TABLE col (id integer PRIMARY KEY, models text); CREATE TABLE notes (id integer PRIMARY KEY, mid integer, flds text);
    CREATE TABLE cards (id integer PRIMARY KEY, nid integer, type integer, queue integer);
    INSERT INTO col VALUES (1, '{"1":{"id":1,"flds":[{"name":"Hanzi","ord":0}]}}');
    INSERT INTO notes VALUES (1, 1, '黃瓜'); INSERT INTO cards VALUES (1, 1, 2, 2);`);
  const legacy = stub.serialize();
  stub.close();
  return zipSync({ 'collection.anki2': new Uint8Array(legacy), 'collection.anki21b': compress(new Uint8Array(modern)), meta: Uint8Array.of(8, 3) });
}

describe('known sources on their own', () => {
  it('a zstd frame written here is what fzstd reads (the modern package test stands on it)', async () => {
    const { decompress } = await import('fzstd');
    const data = new TextEncoder().encode('番茄'.repeat(70_000));
    expect(Buffer.from(decompress(rawZstd(data))).equals(Buffer.from(data))).toBe(true);
    expect(existsSync(garden)).toBe(true);
  });
});
