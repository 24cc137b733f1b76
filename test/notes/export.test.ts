import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { builtinFields, guidFor, toAnkiCsv, type Note } from '../../src/stages.js';
import { fixture, hasShared, scratch, seedArticle, zhdeck } from '../helpers.js';

const HEADERS = ['#separator:tab', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:6'];

interface Row {
  guid: string;
  type: string;
  deck: string;
  fields: string[];
  tags: string[];
}

/** Reads a deck back the way Anki does: header lines, then tab-separated records. */
function readDeck(file: string): { headers: string[]; rows: Row[] } {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const headers = lines.filter((l) => l.startsWith('#'));
  // As Anki's reader does: a # starts a comment only at the start of a line.
  const records = parse(text, { delimiter: '\t', comment: '#', comment_no_infix: true, relax_column_count: true }) as string[][];
  return {
    headers,
    rows: records.map((r) => ({ guid: r[0]!, type: r[1]!, deck: r[2]!, fields: r.slice(3, r.length - 1), tags: r[r.length - 1]!.split(' ') })),
  };
}

function buildDeck(inputs: string[], extra: string[] = []): { headers: string[]; rows: Row[]; file: string } {
  const file = join(scratch(), 'deck.csv');
  const r = zhdeck(['build', ...inputs, '-o', file, ...extra]);
  expect(r.stderr).not.toMatch(/error/i);
  expect(r.status).toBe(0);
  return { ...readDeck(file), file };
}

describe('the Anki CSV', () => {
  const { headers, rows } = buildDeck([fixture('market.interleaved.txt')]);

  it('starts with the headers Anki reads, in order', () => {
    expect(headers).toEqual(HEADERS);
  });

  it('has two fields per note for both built-in note types, and the tags in column 6', () => {
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(['Cloze', 'Basic (and reversed card)']));
    for (const r of rows) {
      expect(r.fields).toHaveLength(2);
      expect(r.fields[0]).not.toBe('');
      expect(r.deck).toBe('zhdeck::The river market at dawn');
      expect(r.tags).toEqual(expect.arrayContaining(['zhdeck', 'the-river-market-at-dawn']));
    }
  });

  it('writes clozes as {{cN::word::hint}}, numbered from 1, with the English sentence as context', () => {
    const clozes = rows.filter((r) => r.type === 'Cloze');
    expect(clozes.length).toBeGreaterThan(0);
    for (const c of clozes) {
      const numbers = [...c.fields[0]!.matchAll(/\{\{c(\d+)::([^:}]+)(?:::([^}]*))?\}\}/g)].map((m) => Number(m[1]));
      expect(numbers.length).toBeGreaterThan(0);
      const distinct = [...new Set(numbers)].sort((a, b) => a - b);
      expect(distinct).toEqual(distinct.map((_, i) => i + 1));
      expect(c.fields[0]).toMatch(/<div class="en">[^<]+<\/div>/);
      expect(c.tags).toContain('cloze');
    }
    const market = clozes.find((c) => c.fields[0]!.includes('::市場::'))!;
    expect(market.fields[0]).toMatch(/\{\{c\d+::市場::market\}\}/);
    expect(market.fields[1]).toContain('<span class="tone4">shì</span> <span class="tone3">chǎng</span>');
  });

  it('pairs sentences both ways and gives each word a vocabulary note', () => {
    const translation = rows.filter((r) => r.tags.includes('translation'));
    expect(translation.map((r) => r.fields[1])).toContainEqual('<div class="en">The river market opens at dawn, long before the shops in town.</div>');
    const vocab = rows.filter((r) => r.tags.includes('vocabulary'));
    const market = vocab.find((r) => r.fields[0]!.includes('市場'))!;
    expect(market.fields[0]).toBe('<div class="word">市場</div><div class="alt">市场</div>');
    expect(market.fields[1]).toContain('<div class="gloss">market</div>');
    // The Back is the reversed card's question: its example hides the word.
    expect(market.fields[1]).toContain('<span class="blank">＿＿</span>');
    expect(market.fields[1]).not.toContain('市場');
    expect(market.fields[1]).toContain('<u>market</u>');
  });
});

describe('escaping and quoting', () => {
  it('escapes HTML in every field and quotes fields holding quotes', () => {
    const { rows, file } = buildDeck([fixture('escape.tsv')]);
    const translation = rows.find((r) => r.tags.includes('translation') && r.fields[1]!.includes('market'))!;
    expect(translation.fields[1]).toBe('<div class="en">The &lt;b&gt;market&lt;/b&gt; sells fish &amp; &quot;fresh&quot; vegetables.</div>');
    expect(readFileSync(file, 'utf8')).toContain('"<div class=""en"">The &lt;b&gt;');
  });

  it('quotes a GUID that starts with #, which Anki would otherwise read as a comment', () => {
    let i = 0;
    while (!guidFor('probe', String(i)).startsWith('#')) i++;
    const note: Note = {
      kind: 'translation',
      type: 'Basic (and reversed card)',
      guid: guidFor('probe', String(i)),
      deck: 'd',
      tags: ['t'],
      cards: 2,
      fields: { Front: 'a', Back: 'b' },
    };
    const line = toAnkiCsv([note]).split('\n')[HEADERS.length]!;
    expect(line.startsWith(`"${note.guid}"\t`)).toBe(true);
  });

  it('quotes every field exactly as csv-stringify does with a tab delimiter (what the CSV was written with before)', () => {
    const tricky = ['', 'plain', 'a"b', '"', '#x', 'x#', 'tab\there', 'line\nbreak', 'cr\rhere', '""#', ' #lead space', '引號「」"中"'];
    const notes: Note[] = tricky.map((t, i) => ({
      kind: 'translation',
      type: 'Basic (and reversed card)',
      guid: i % 2 ? `#${t}` : t,
      deck: t || 'd',
      tags: t ? [t, 'z'] : [],
      cards: 2,
      fields: { Sentence: t, English: tricky[(i + 5) % tricky.length]! },
    }));
    const rows = notes.map((n) => [n.guid, 'Basic (and reversed card)', n.deck, ...builtinFields(n), n.tags.join(' ')]);
    const expected = stringify(rows, { delimiter: '\t', record_delimiter: 'unix', quoted_match: [/^#/, /\r/] });
    expect(toAnkiCsv(notes).split('\n').slice(HEADERS.length).join('\n')).toBe(expected);
  });

  it('makes GUIDs the way genanki does: SHA-256, first 8 bytes, base91', () => {
    // Computed with Python's hashlib following genanki's guid_for, independently of this code.
    expect(guidFor('a', 'b')).toBe('q/([o$8RAO');
    expect(guidFor('zhdeck', 'vocabulary', '难民')).toBe('vDs&iT.zq-');
  });
});

describe('stable GUIDs: Anki updates notes instead of duplicating them', () => {
  const input = hasShared ? seedArticle : fixture('market.interleaved.txt');

  it('are equal across two builds', () => {
    const a = buildDeck([input]).rows.map((r) => r.guid);
    const b = buildDeck([input]).rows.map((r) => r.guid);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  it('are kept for every sentence when a paragraph pair is removed', () => {
    const full = buildDeck([input]).rows;
    const lines = readFileSync(input, 'utf8').split('\n');
    // Drop the first English paragraph that has a translation, and its Chinese line(s).
    const i = lines.findIndex((l, k) => k > 0 && !/\p{Script=Han}/u.test(l) && /\p{Script=Han}/u.test(lines[k + 1] ?? '') && !l.startsWith('['));
    let j = i + 1;
    while (/\p{Script=Han}/u.test(lines[j] ?? '')) j++;
    const shorter = join(scratch(), 'shorter.txt');
    writeFileSync(shorter, [...lines.slice(0, i), ...lines.slice(j)].join('\n'));
    const part = buildDeck([shorter]).rows;
    const byText = (rows: Row[]) => new Map(rows.filter((r) => !r.tags.includes('vocabulary')).map((r) => [r.fields[0]!.replace(/\{\{c\d+::([^:}]+)(::[^}]*)?\}\}/g, '$1'), r.guid]));
    const fullByText = byText(full);
    const kept = [...byText(part)];
    expect(kept.length).toBeGreaterThan(3);
    for (const [text, guid] of kept) expect(fullByText.get(text)).toBe(guid);
    expect(part.length).toBeLessThan(full.length);
  });

  it('make the same word in two articles one vocabulary note', () => {
    const { rows } = buildDeck([fixture('market.interleaved.txt'), fixture('market.tsv')]);
    const market = rows.filter((r) => r.tags.includes('vocabulary') && r.fields[0]!.startsWith('<div class="word">市場'));
    expect(market).toHaveLength(1);
    expect(market[0]!.tags).toEqual(expect.arrayContaining(['the-river-market-at-dawn', 'market']));
  });
});

describe('zhdeck build', () => {
  it('--deck, --tags, --max-words and --json', () => {
    const file = join(scratch(), 'out.csv');
    const r = zhdeck(['build', fixture('market.interleaved.txt'), '-o', file, '--deck', 'Chinese::Market', '--tags', 'reading week1', '--max-words', '2', '--json']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ output: file, articles: 1, words: 2, notes: { vocabulary: 2 } });
    expect(summary.notes.total).toBe(summary.notes.cloze + summary.notes.translation + summary.notes.vocabulary);
    const { rows } = readDeck(file);
    expect(rows).toHaveLength(summary.notes.total);
    for (const row of rows) {
      expect(row.deck).toBe('Chinese::Market');
      expect(row.tags).toEqual(expect.arrayContaining(['reading', 'week1']));
    }
  });

  it('writes <input>.apkg beside the input by default, and the CSV with --format csv', () => {
    const dir = scratch();
    const input = join(dir, 'story.txt');
    writeFileSync(input, readFileSync(fixture('market.interleaved.txt')));
    expect(zhdeck(['build', input]).status).toBe(0);
    expect(readFileSync(join(dir, 'story.apkg')).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(zhdeck(['build', input, '--format', 'csv']).status).toBe(0);
    expect(readFileSync(join(dir, 'story.csv'), 'utf8').startsWith('#separator:tab\n')).toBe(true);
  });

  it("names the built-in note types as the user's Anki does (--note-types)", () => {
    const file = join(scratch(), 'deck.csv');
    expect(zhdeck(['build', fixture('market.tsv'), '-o', file, '--note-types', 'zh-TW']).status).toBe(0);
    expect(new Set(readDeck(file).rows.map((r) => r.type))).toEqual(new Set(['克漏字', '基本型（含反向卡片）']));
    expect(zhdeck(['build', fixture('market.tsv'), '-o', file, '--note-types', 'Lückentext,Einfach (und die umgekehrte Richtung)']).status).toBe(0);
    expect(new Set(readDeck(file).rows.map((r) => r.type))).toEqual(new Set(['Lückentext', 'Einfach (und die umgekehrte Richtung)']));
    for (const bad of [['--note-types', 'klingon'], ['--note-types', 'zh-TW', '--format', 'apkg']]) {
      const r = zhdeck(['build', fixture('market.tsv'), '-o', file, ...bad]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('a failed build leaves an existing deck untouched and exits 2 with one line', () => {
    const file = join(scratch(), 'deck.csv');
    writeFileSync(file, 'precious\n');
    for (const bad of [[fixture('english-only.txt')], [fixture('market.tsv'), fixture('no-such-file.txt')], [fixture('binary.png')]]) {
      const r = zhdeck(['build', ...bad, '-o', file]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^zhdeck: .*(english-only|no-such-file|binary)/);
      expect(readFileSync(file, 'utf8')).toBe('precious\n');
    }
    const onto = zhdeck(['build', file, '-o', file]);
    expect(onto.status).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('precious\n');
    const input = join(scratch(), 'market.tsv');
    writeFileSync(input, readFileSync(fixture('market.tsv')));
    const self = zhdeck(['build', input, '-o', input]);
    expect(self.status).toBe(2);
    expect(self.stderr).toMatch(/is an input/);
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(fixture('market.tsv'), 'utf8'));
  });
});
