// The deck core (app/deck.ts): a deck written into a sink as it is made, whole for ordinary
// input and a block at a time for long input, on texts of the project's own.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { apkgSink, csvSink, deckFromStudied, notesPackage, packageBytes, readApkg, loadLexicon, loadVocabDeps, readArticles, studyArticles, toAnkiCsv, writeDeck, type DeckOptions, type DeckSink, type Note } from '../../src/stages.js';
import { manyCards } from '../../src/app/deck.js';
import { openAtomic } from '../../src/util/fs.js';
import { fixture, root, scratch, zhdeck } from '../helpers.js';

const example = join(root, 'decks/example.txt');
const market = fixture('market.interleaved.txt');

/** A sink that keeps what it is given, and the order of the calls. */
function memorySink(failOn?: number): DeckSink & { calls: string[]; notes: Note[] } {
  const sink = {
    calls: [] as string[],
    notes: [] as Note[],
    begin: () => void sink.calls.push('begin'),
    add(notes: readonly Note[]) {
      sink.calls.push('add');
      if (failOn !== undefined && sink.calls.length - 1 === failOn) throw new Error('disk gone');
      sink.notes.push(...notes);
    },
    finish: () => void sink.calls.push('finish'),
    abort: () => void sink.calls.push('abort'),
  };
  return sink;
}

async function deckOf(files: string[], opts: DeckOptions = {}) {
  const articles = readArticles(files, await loadLexicon());
  const deps = await loadVocabDeps(articles);
  const sink = memorySink();
  const counts = await writeDeck(articles, deps, sink, opts);
  return { articles, deps, sink, counts };
}

const guids = (notes: Note[], kind: Note['kind']) => notes.filter((n) => n.kind === kind).map((n) => n.guid).sort();

describe('writeDeck', () => {
  it('writes what deckFromStudied makes, in one part, for input that fits in a block', async () => {
    const { articles, deps, sink, counts } = await deckOf([example, market]);
    const deck = deckFromStudied(studyArticles(articles, deps));
    expect(sink.calls).toEqual(['begin', 'add', 'finish']);
    expect(toAnkiCsv(sink.notes)).toBe(toAnkiCsv(deck.notes));
    expect(counts.notes.total).toBe(deck.notes.length);
    expect(counts.cards).toBe(deck.notes.reduce((n, x) => n + x.cards, 0));
    expect(counts.words).toBe(deck.targets);
  });

  it('in blocks, makes the same notes for the same pairs and words, vocabulary last', async () => {
    const whole = await deckOf([example, market]);
    const blocks = await deckOf([example, market], { blockChars: 300 });
    expect(blocks.sink.calls.filter((c) => c === 'add').length).toBeGreaterThan(4);
    for (const kind of ['cloze', 'translation', 'vocabulary'] as const) expect(guids(blocks.sink.notes, kind)).toEqual(guids(whole.sink.notes, kind));
    const kinds = blocks.sink.notes.map((n) => n.kind);
    expect(kinds.indexOf('vocabulary')).toBe(kinds.length - blocks.counts.notes.vocabulary);
    expect(new Set(blocks.sink.notes.map((n) => n.guid)).size).toBe(blocks.sink.notes.length);
    // A word of both articles is one note carrying both articles' tags, as when built whole.
    const tagsOf = (notes: Note[]) => new Map(notes.filter((n) => n.kind === 'vocabulary').map((n) => [n.guid, [...n.tags].sort()]));
    expect(tagsOf(blocks.sink.notes)).toEqual(tagsOf(whole.sink.notes));
    expect([...tagsOf(blocks.sink.notes).values()].some((t) => t.filter((x) => x !== 'zhdeck' && x !== 'vocabulary' && x !== 'name').length === 2)).toBe(true);
    expect(blocks.counts).toEqual(whole.counts);
  });

  it('in blocks, --max-words chooses over the whole input, as whole', async () => {
    const whole = await deckOf([example, market], { maxWords: 15 });
    const blocks = await deckOf([example, market], { maxWords: 15, blockChars: 300 });
    expect(guids(blocks.sink.notes, 'vocabulary')).toHaveLength(15);
    expect(guids(blocks.sink.notes, 'vocabulary')).toEqual(guids(whole.sink.notes, 'vocabulary'));
    expect(guids(blocks.sink.notes, 'cloze')).toEqual(guids(whole.sink.notes, 'cloze'));
  });

  it('aborts the sink when a part cannot be written, and does not finish it', async () => {
    const articles = readArticles([example], await loadLexicon());
    const sink = memorySink(2);
    await expect(writeDeck(articles, await loadVocabDeps(articles), sink, { blockChars: 300 })).rejects.toThrow('disk gone');
    expect(sink.calls.slice(-1)).toEqual(['abort']);
    expect(sink.calls).not.toContain('finish');
  });
});

describe('csvSink', () => {
  it('writes the deck in parts as toAnkiCsv writes it whole, and only on finish', async () => {
    const { sink } = await deckOf([example]);
    const file = join(scratch(), 'deck.csv');
    const csv = csvSink(file);
    await csv.begin();
    for (let k = 0; k < sink.notes.length; k += 7) await csv.add(sink.notes.slice(k, k + 7));
    expect(existsSync(file)).toBe(false);
    await csv.finish();
    expect(readFileSync(file, 'utf8')).toBe(toAnkiCsv(sink.notes));
  });

  it('leaves the file that was there as it was on abort', async () => {
    const file = join(scratch(), 'deck.csv');
    writeFileSync(file, 'the deck of yesterday');
    const csv = csvSink(file);
    await csv.begin();
    await csv.add([]);
    await csv.abort();
    expect(readFileSync(file, 'utf8')).toBe('the deck of yesterday');
  });
});

describe('apkgSink', () => {
  const now = Date.UTC(2026, 0, 5, 12);

  it('writes the package notesPackage and packageBytes make of the same notes, note for note and card for card', async () => {
    const { articles, deps } = await deckOf([example]);
    const whole = deckFromStudied(studyArticles(articles, deps));
    const expected = readApkg(await packageBytes(notesPackage(whole.notes, now, [], whole.positions)), 'whole.apkg');
    const file = join(scratch(), 'streamed.apkg');
    await writeDeck(articles, deps, apkgSink(file, now, openAtomic));
    const got = readApkg(readFileSync(file), file);
    expect(got.notes).toEqual(expected.notes);
    expect(got.cards).toEqual(expected.cards);
    expect([got.crt, got.conf, got.models, got.decks, got.dconf, got.files]).toEqual([expected.crt, expected.conf, expected.models, expected.decks, expected.dconf, expected.files]);
  });

  it('in blocks, gives every card its own new-card position and every id before the time of writing', async () => {
    const { articles, deps, counts } = await deckOf([market, example], { blockChars: 300 });
    const file = join(scratch(), 'blocks.apkg');
    await writeDeck(articles, deps, apkgSink(file, now, openAtomic), { blockChars: 300 });
    const got = readApkg(readFileSync(file), file);
    expect(got.notes).toHaveLength(counts.notes.total);
    expect(got.cards).toHaveLength(counts.cards);
    const dues = got.cards.map((c) => c.due);
    expect(new Set(dues).size).toBe(dues.length);
    expect(Math.min(...dues)).toBe(1);
    expect(Math.max(...got.notes.map((n) => n.id), ...got.cards.map((c) => c.id))).toBeLessThan(now);
  });

  it('leaves the file that was there as it was on abort', async () => {
    const file = join(scratch(), 'kept.apkg');
    writeFileSync(file, 'before');
    const { articles, deps } = await deckOf([example]);
    const sink = apkgSink(file, now, openAtomic);
    const failing: DeckSink = { ...sink, add: () => Promise.reject(new Error('disk gone')) };
    await expect(writeDeck(articles, deps, failing)).rejects.toThrow('disk gone');
    expect(readFileSync(file, 'utf8')).toBe('before');
  });
});

describe('zhdeck build of long input', () => {
  // The example article 260 times, each paragraph numbered so that no sentence repeats:
  // long enough to be built in blocks, and to make more cards than a learner can study (each
  // sentence hides at most 3 words, and a word once: most of the cards are the translations').
  const long = join(scratch(), 'long.txt');
  const lines = readFileSync(example, 'utf8').split('\n').filter(Boolean);
  const out = [lines[0]!];
  for (let k = 1; k <= 260; k++) for (const l of lines.slice(1)) out.push(/\p{Script=Han}/u.test(l) ? `第 ${k} 篇：${l}` : `Part ${k}: ${l}`);
  writeFileSync(long, `${out.join('\n')}\n`);

  it('writes a deck Anki reads, and warns with the numbers and what would make it smaller', () => {
    const deck = join(scratch(), 'long.csv');
    const r = zhdeck(['build', long, '--level', '0', '-o', deck, '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.cards).toBeGreaterThan(5000);
    expect(r.stderr).toMatch(new RegExp(`warning: ${summary.cards.toLocaleString('en')} new cards for ${summary.words} words, \\d+ days of new cards .*; (build fewer articles at once|--max-words \\d+ keeps the \\d+ most useful words), and --known SOURCE or --level N`));
    // With more words than that many cards hold, the hint is a --max-words that would.
    expect(manyCards(80_000, 8_000, undefined)).toMatch(/80,000 new cards for 8,000 words, 11\.0 years .*; --max-words 500 keeps the 500 most useful words/);
    expect(manyCards(80_000, 8_000, 300)).toMatch(/a smaller --max-words keeps fewer words/);
    const rows = parse(readFileSync(deck, 'utf8'), { delimiter: '\t', comment: '#', comment_no_infix: true, relax_column_count: true }) as string[][];
    expect(rows).toHaveLength(summary.notes.total);
    expect(new Set(rows.map((row) => row[0])).size).toBe(rows.length);
  });

  it('writes the default .apkg of long input as it is made, every note and card in it', () => {
    const deck = join(scratch(), 'long.apkg');
    const r = zhdeck(['build', long, '-o', deck, '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    const pkg = readApkg(readFileSync(deck), deck);
    expect([pkg.notes.length, pkg.cards.length]).toEqual([summary.notes.total, summary.cards]);
    expect(new Set(pkg.cards.map((c) => c.due)).size).toBe(pkg.cards.length);
  });

  it('does not warn for an ordinary article', () => {
    const r = zhdeck(['build', example, '-o', join(scratch(), 'example.csv')]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
  });
});
