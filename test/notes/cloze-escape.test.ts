import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildFromText, deckFromStudied } from '../../src/app/index.js';
import { readApkg } from '../../src/export/index.js';
import { toAnkiCsv, type Note } from '../../src/stages.js';
import { scratch, zhdeck } from '../helpers.js';

// Article text holding cloze syntax: a whole cloze, one left open, stray braces and colons.
const ARTICLE = [
  'English\tChinese',
  'The {{c1::market}} opens at dawn: farmers sell fish.\t{{c1::市場}}在黎明開門：農民賣魚。',
  'Villagers bring {{c2::vegetables to the {river} bank every morning}\t村民每天早上把{{c2::蔬菜帶到河邊}',
  'Farmers bring their vegetables from villages::\t農民從村莊帶來蔬菜::}}',
].join('\n');

// A cloze as zhdeck writes one: a number, the word, a hint, none of them holding { } or ::.
const OWN_CLOZE = /\{\{c\d+::[^{}:]+(?:::[^{}:]*)?\}\}/g;

/** What is left of a field once zhdeck's own clozes are taken out: no cloze syntax may remain in it. */
function expectNoStraySyntax(field: string): void {
  const rest = field.replace(OWN_CLOZE, '');
  expect({ field, stray: rest.match(/[{}]|::/g) }).toEqual({ field, stray: null });
}

const decode = (s: string) =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The text Anki shows on the back of a cloze card: each cloze's word in its place. */
const answer = (field: string) => decode(field.replace(OWN_CLOZE, (m) => m.slice(m.indexOf('::') + 2, m.length - 2).split('::')[0]!));

/** The article built into a deck of the given format, in a scratch folder; its path. */
function buildDeck(format: 'apkg' | 'csv'): string {
  const dir = scratch();
  const input = join(dir, 'braces.tsv');
  writeFileSync(input, ARTICLE);
  const out = join(dir, `deck.${format}`);
  expect(zhdeck(['build', input, '-o', out, '--level', '0']).status).toBe(0);
  return out;
}

describe('cloze syntax in the article is text on the card', () => {
  it('in the .apkg: every Cloze field holds only zhdeck\'s clozes, and the sentences come back whole', () => {
    const out = buildDeck('apkg');
    const pkg = readApkg(readFileSync(out), out);
    const clozeType = Object.values(pkg.models).find((m) => m.type === 1)!;
    const clozes = pkg.notes.filter((n) => n.mid === clozeType.id);
    expect(clozes).toHaveLength(3);
    const lines = ARTICLE.split('\n').slice(1).map((l) => l.split('\t'));
    for (const n of clozes) {
      const fields = Object.fromEntries(clozeType.flds.map((f, i) => [f.name, n.flds.split('\x1f')[i] ?? '']));
      for (const f of Object.values(fields)) expectNoStraySyntax(f);
      // One card per hidden word: the text's own {{c1:: adds none.
      const numbers = new Set([...fields.Text!.matchAll(/\{\{c(\d+)::/g)].map((m) => m[1]));
      expect(numbers.size).toBe([...fields.Words!.matchAll(/\{\{c\d+::/g)].length);
      const [en, zh] = lines.find(([, z]) => answer(fields.Text!) === z)!;
      expect(decode(fields.English!)).toBe(en);
      expect(answer(fields.Text!)).toBe(zh);
    }
  });

  it('in the CSV: the Cloze rows hold only zhdeck\'s clozes, and the sentences come back whole', () => {
    const out = buildDeck('csv');
    const rows = parse(readFileSync(out, 'utf8'), { delimiter: '\t', comment: '#', comment_no_infix: true, relax_column_count: true }) as string[][];
    const clozes = rows.filter((r) => r[1] === 'Cloze');
    expect(clozes).toHaveLength(3);
    const zhs = ARTICLE.split('\n').slice(1).map((l) => l.split('\t')[1]);
    for (const r of clozes) {
      expectNoStraySyntax(r[3]!);
      expectNoStraySyntax(r[4]!);
      expect(zhs).toContain(answer(r[3]!.match(/<div class="zh">(.*?)<\/div>/)![1]!));
    }
  });

  it('a hint ending in } or : keeps it, escaped, and a closing }} stays the cloze\'s', async () => {
    const deck = await buildFromText([{ file: 'braces.tsv', text: ARTICLE }], { level: 0 });
    // Glosses as an alignment could give them: spans of the English that end in a brace or a colon.
    const ends = ['}', ':', '::', '}}', '{'];
    deck.studied[0]!.words.forEach((w, i) => {
      const text = `${w.gloss?.text ?? 'word'}${ends[i % ends.length]}`;
      for (const o of w.occurrences) o.gloss = { text, pairId: o.pairId, start: 0, end: 0, evidence: 'dictionary' };
      w.gloss = w.occurrences[0]!.gloss;
    });
    const notes = deckFromStudied(deck.studied, { level: 0 }).notes.filter((n): n is Extract<Note, { kind: 'cloze' }> => n.kind === 'cloze');
    expect(notes.length).toBeGreaterThan(0);
    const hints: string[] = [];
    for (const n of notes) {
      for (const f of Object.values(n.fields)) expectNoStraySyntax(f);
      hints.push(...[...n.fields.Text.matchAll(OWN_CLOZE)].map((m) => decode(m[0].split('::')[2] ?? '').slice(0, -2)));
    }
    // The hint as Anki shows it: the brace or colon it ends in is there (:: and }} would be cloze syntax: spaces).
    for (const end of ['}', ':', '{']) expect(hints.some((h) => h.endsWith(end) && !h.endsWith('}}') && !h.endsWith('::'))).toBe(true);
  });

  it('a carriage return inside a field is quoted, so that no reader ends the record there', () => {
    const note: Note = {
      kind: 'translation',
      type: 'zhdeck translation',
      guid: 'abc',
      deck: 'my\rdeck',
      tags: ['t\ru'],
      script: 'traditional',
      cards: 2,
      sibling: 's',
      unknown: [],
      fields: { Sentence: '市場\r開門', English: 'The market\ropens', Traditional: '', Audio: '', Source: '' },
    } as unknown as Note;
    const csv = toAnkiCsv([note]);
    const body = csv.split('\n').slice(6).join('\n');
    // Every \r inside a quoted field: split on \r outside quotes, the record is still one.
    let quoted = false;
    for (const ch of body) {
      if (ch === '"') quoted = !quoted;
      if (ch === '\r') expect(quoted).toBe(true);
    }
    const rows = parse(csv, { delimiter: '\t', comment: '#', comment_no_infix: true, relax_column_count: true, record_delimiter: ['\n', '\r'] }) as string[][];
    expect(rows).toHaveLength(1);
    expect(rows[0]![2]).toBe('my\rdeck');
    expect(rows[0]![3]).toBe('<div class="zh">市場\r開門</div>');
  });
});
