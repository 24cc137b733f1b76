import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { build, buildFromText, chooseWords, study } from '../../src/stages.js';
import { fixture, root, scratch, zhdeck } from '../helpers.js';

const example = join(root, 'decks/example.txt');
const market = fixture('market.interleaved.txt');

/** The Simplified forms of a CSV deck's vocabulary notes, read back with an independent parser. */
function vocabularyOf(csv: string): Set<string> {
  const rows = parse(csv, { delimiter: '\t', comment: '#', comment_no_infix: true, relax_column_count: true }) as string[][];
  return new Set(rows.filter((r) => r[5]!.split(' ').includes('vocabulary')).map((r) => r[3]!));
}

describe('the jobs', () => {
  it('words and build choose the same words from several articles (--max-words counts distinct words)', () => {
    const dir = scratch();
    const words = zhdeck(['words', example, market, '--max-words', '12', '--json']);
    expect(words.status).toBe(0);
    const listed = new Set((JSON.parse(words.stdout) as { simplified: string }[]).map((w) => w.simplified));
    expect(listed.size).toBe(12);
    const out = join(dir, 'two.csv');
    const built = zhdeck(['build', example, market, '--max-words', '12', '-o', out, '--json']);
    expect(built.status).toBe(0);
    expect(JSON.parse(built.stdout).words).toBe(12);
    // Each vocabulary note's front holds its word as written; compare through the library's own choice.
    const fronts = [...vocabularyOf(readFileSync(out, 'utf8'))].join('');
    for (const w of JSON.parse(words.stdout) as { word: string }[]) expect(fronts).toContain(`>${w.word}<`);
  });

  it('chooseWords gives a word two articles share once in the count, and each article its row', async () => {
    const studied = await study([example, market]);
    const chosen = chooseWords(studied, { maxWords: 40 });
    expect(new Set(chosen.map((c) => c.word.simplified)).size).toBe(40);
    expect(chosen.every((c) => studied[c.article]!.words.includes(c.word))).toBe(true);
  });

  it('buildFromText makes from text in memory the deck build writes from the file', async () => {
    const dir = scratch();
    const out = join(dir, 'example.csv');
    await build([example], { output: out });
    const deck = await buildFromText([{ file: example, text: readFileSync(example, 'utf8') }]);
    expect(deck.csv).toBe(readFileSync(out, 'utf8'));
    expect(deck.notes.length).toBeGreaterThan(0);
  });
});
