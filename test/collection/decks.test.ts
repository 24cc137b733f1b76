import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resolveDeck } from '../../src/stages.js';
import { fixture, scratch, zhdeck } from '../helpers.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const DECKS = ['zhdeck::Tainan library lends seeds as well as books', 'zhdeck::The river market at dawn', 'zhdeck::Lantern makers keep an old street bright', 'Mine::Tones'];

describe('--deck names a deck as a learner remembers it', () => {
  it('by its name, a unique prefix of it or of a part after ::, or a part of it, ignoring case', () => {
    expect(resolveDeck(DECKS, 'zhdeck::The river market at dawn')).toBe('zhdeck::The river market at dawn');
    expect(resolveDeck(DECKS, 'Tainan')).toBe('zhdeck::Tainan library lends seeds as well as books');
    expect(resolveDeck(DECKS, 'river')).toBe('zhdeck::The river market at dawn');
    expect(resolveDeck(DECKS, 'lantern MAKERS')).toBe('zhdeck::Lantern makers keep an old street bright');
    expect(resolveDeck(DECKS, 'seeds')).toBe('zhdeck::Tainan library lends seeds as well as books');
    // A parent and its subdecks: the parent.
    expect(resolveDeck(DECKS, 'zh')).toBe('zhdeck');
    expect(resolveDeck(DECKS, 'mine')).toBe('Mine');
  });

  it('says which decks match when it is ambiguous, and which there are when none does', () => {
    expect(() => resolveDeck(DECKS, 'ma')).toThrow(/"ma" matches 2 decks: zhdeck::Lantern makers keep an old street bright; zhdeck::The river market at dawn \(give more of the name\)/);
    expect(() => resolveDeck(DECKS, 'opera')).toThrow(/no deck matches "opera"; the decks are: Mine; Mine::Tones; zhdeck;/);
  });

  it('zhdeck decks lists decks with new and due counts; review --deck takes a part of a name, and exits 2 when it is ambiguous', () => {
    const file = join(scratch(), 'c.db');
    for (const a of ['market.interleaved.txt', 'lantern.interleaved.txt']) {
      expect(zhdeck(['add', fixture(a), '--collection', file], { env: { ZHDECK_NOW: String(T0) } }).status).toBe(0);
    }
    const listed = JSON.parse(zhdeck(['decks', '--collection', file, '--json'], { env: { ZHDECK_NOW: String(T0) } }).stdout) as { deck: string; cards: number; new: number; due: number }[];
    expect(listed.map((d) => d.deck)).toEqual(['zhdeck::Lantern makers keep an old street bright', 'zhdeck::The river market at dawn']);
    for (const d of listed) expect(d).toMatchObject({ new: d.cards, due: 0 });
    const r = zhdeck(['review', '--collection', file, '--deck', 'RIVER', '--limit', '2'], { input: '3\n3\n', env: { ZHDECK_NOW: String(T0) } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('zhdeck::The river market at dawn');
    expect(r.stdout).not.toContain('Lantern');
    expect(r.stdout).toMatch(/good · due in \d+ minutes?/);
    const after = JSON.parse(zhdeck(['decks', '--collection', file, '--json'], { env: { ZHDECK_NOW: String(T0 + 3_600_000) } }).stdout) as { deck: string; new: number; due: number }[];
    expect(after.find((d) => d.deck.includes('river'))!.due, JSON.stringify(after)).toBe(2);
    const text = zhdeck(['decks', '--collection', file], { env: { ZHDECK_NOW: String(T0) } });
    expect(text.stdout).toMatch(/new\s+due\s+deck/);
    const ambiguous = zhdeck(['review', '--collection', file, '--deck', 'ma'], { input: 'q\n' });
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.stderr).toMatch(/--deck: "ma" matches 2 decks: zhdeck::Lantern makers keep an old street bright; zhdeck::The river market at dawn/);
    const none = zhdeck(['export', '--collection', file, '--deck', 'opera', '-o', join(scratch(), 'x.apkg')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no deck matches "opera"/);
  });
});
