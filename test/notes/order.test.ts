import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readApkg } from '../../src/stages.js';
import { fixture, scratch, zhdeck } from '../helpers.js';

// The garden article with the learner's list and --level 0: five words to learn.
//   1 屋頂上的花園            (nothing unknown)
//   2 奶奶在屋頂種番茄。       番茄 (hidden in 3, not in its example sentence 2)
//   3 每天早上奶奶給番茄和黃瓜澆水。   番茄 黃瓜 澆水 (hides 番茄, 澆水)
//   4 鄰居常常買她的黃瓜。     鄰居 黃瓜 (hides both)
//   5 夏天花園有很多蜜蜂。     蜜蜂 (hides it)
// i+1: a cloze card comes once all but one of its sentence's unknown words have been met on
// their recognition cards; that one is learned from the cloze, its recognition card just after.
// Translation cards and production cards wait until the next sentence's cards are in.
const EXPECTED = [
  'recognition 番茄', // sentence 2 (a translation only) brings it in
  'zh-en 屋頂上的花園', // sentence 1's translation, after sentence 2's cards
  'en-zh 屋頂上的花園',
  'recognition 黃瓜', // sentence 3: all but 澆水 met…
  'cloze 澆水 in 每天早上奶奶給番茄和黃瓜澆水。', // …澆水 from its cloze
  'recognition 澆水',
  'cloze 番茄 in 每天早上奶奶給番茄和黃瓜澆水。',
  'production 番茄', // sentence 2's deferred cards
  'zh-en 奶奶在屋頂種番茄。',
  'en-zh 奶奶在屋頂種番茄。',
  'cloze 鄰居 in 鄰居常常買她的黃瓜。', // sentence 4: 黃瓜 met, 鄰居 the one new word
  'recognition 鄰居',
  'cloze 黃瓜 in 鄰居常常買她的黃瓜。',
  'production 黃瓜', // sentence 3's deferred cards
  'production 澆水',
  'zh-en 每天早上奶奶給番茄和黃瓜澆水。',
  'en-zh 每天早上奶奶給番茄和黃瓜澆水。',
  'cloze 蜜蜂 in 夏天花園有很多蜜蜂。',
  'recognition 蜜蜂',
  'production 鄰居',
  'zh-en 鄰居常常買她的黃瓜。',
  'en-zh 鄰居常常買她的黃瓜。',
  'production 蜜蜂',
  'zh-en 夏天花園有很多蜜蜂。',
  'en-zh 夏天花園有很多蜜蜂。',
];

const FLAGS = ['--known', fixture('garden-known.txt'), '--level', '0'];
const plain = (html: string) => html.replace(/\{\{c\d+::([^:}]*)(?:::[^}]*)?\}\}/g, '$1').replace(/<[^>]*>/g, '');

describe('the i+1 order of new cards', () => {
  it("is the package's new-card positions (cards.due)", () => {
    const out = join(scratch(), 'garden.apkg');
    expect(zhdeck(['build', fixture('garden.interleaved.txt'), ...FLAGS, '-o', out]).status).toBe(0);
    const pkg = readApkg(readFileSync(out), out);
    const types = Object.fromEntries(Object.values(pkg.models).map((m) => [m.id, m.name]));
    const notes = new Map(pkg.notes.map((n) => [n.id, n]));
    const cards = [...pkg.cards].sort((a, b) => a.due - b.due);
    expect(cards.map((c) => c.type)).toEqual(cards.map(() => 0));
    expect(cards.map((c) => c.due)).toEqual(cards.map((_, i) => i + 1));
    const named = cards.map((c) => {
      const n = notes.get(c.nid)!;
      const f = n.flds.split('\x1f');
      switch (types[n.mid]) {
        case 'zhdeck Vocabulary':
          return `${c.ord === 0 ? 'recognition' : 'production'} ${f[0]}`;
        case 'zhdeck Translation':
          return `${c.ord === 0 ? 'zh-en' : 'en-zh'} ${f[0]}`;
        default: {
          const word = [...f[0]!.matchAll(/\{\{c(\d+)::([^:}]*)/g)].find((m) => Number(m[1]) === c.ord + 1)![2];
          return `cloze ${word} in ${plain(f[0]!)}`;
        }
      }
    });
    expect(named).toEqual(EXPECTED);
  });

  it("is review's new-card order, each sentence's and word's other cards a day later", () => {
    const dir = scratch();
    const file = join(dir, 'c.db');
    const T0 = Date.parse('2026-03-02T09:00:00Z');
    expect(zhdeck(['add', fixture('garden.interleaved.txt'), ...FLAGS, '--collection', file], { env: { ZHDECK_NOW: String(T0) } }).status).toBe(0);
    // Each day, every new card there is, rated Easy (so none comes back that day).
    const days: string[][] = [];
    for (let day = 0; day < 4; day++) {
      const r = zhdeck(['review', '--collection', file, '--new-limit', '50'], { input: '4\n'.repeat(40), env: { ZHDECK_NOW: String(T0 + day * 86_400_000) } });
      expect(r.status).toBe(0);
      days.push(
        r.stdout
          .split('\n── ')
          .slice(1)
          .filter((b) => b.startsWith('new'))
          .map((b) => `${b.split('\n')[0]!.split(' · ').pop()!.replace(/ ──$/, '')}: ${b.split('\n')[1]}`),
      );
    }
    // The positions, less what a card studied that day buries (the rest of its sentence or word).
    expect(days[0]).toEqual([
      'vocabulary: 番茄',
      'translation: 屋頂上的花園',
      'vocabulary: 黃瓜',
      'cloze: 每天早上奶奶給番茄和黃瓜[waters]。',
      'vocabulary: 澆水',
      'translation: 奶奶在屋頂種番茄。',
      'cloze: [neighbours]常常買她的黃瓜。',
      'vocabulary: 鄰居',
      'cloze: 夏天花園有很多[bees]。',
      'vocabulary: 蜜蜂',
    ]);
    const shown = days.flat();
    expect(shown).toHaveLength(EXPECTED.length);
    // Every cloze card comes after the recognition cards of the unknown words its sentence shows: all but the hidden one.
    const recognised = (w: string) => shown.indexOf(`vocabulary: ${w}`);
    shown.forEach((s, i) => {
      if (!s.startsWith('cloze')) return;
      for (const w of ['番茄', '黃瓜', '澆水', '鄰居', '蜜蜂'].filter((x) => s.includes(x))) expect(recognised(w), `${w} before ${s}`).toBeLessThan(i);
    });
  });
});
