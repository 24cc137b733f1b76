import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildFromText, cardsOf, faces, fieldValues, type CardRow, type Note, type StoredNote, type Style } from '../../src/stages.js';
import { fixture } from '../helpers.js';

const plain: Style = { bold: (s) => `*${s}*`, dim: (s) => s, underline: (s) => s, cyan: (s) => s, tone: (_t, s) => s };

const stored = (n: Note): StoredNote => ({ id: 1, guid: n.guid, kind: n.kind, type: n.type, deck: n.deck, fields: fieldValues(n), tags: n.tags, source: 's' });
const card = (ord: number, key: string): CardRow => ({
  id: 1,
  noteId: 1,
  ord,
  key,
  suspended: false,
  due: 0,
  stability: 0,
  difficulty: 0,
  elapsed_days: 0,
  scheduled_days: 0,
  learning_steps: 0,
  reps: 0,
  lapses: 0,
  state: 0,
  last_review: null,
});

describe('the terminal review of zhdeck’s note types', async () => {
  const { notes } = await buildFromText(readFileSync(fixture('market.interleaved.txt'), 'utf8'));

  it('shows every card without its answer on the front, and the answer on the back', () => {
    for (const n of notes) {
      const s = stored(n);
      for (const c of cardsOf(n.type, s.fields)) {
        const f = faces(card(c.ord, c.key), s, plain);
        const answer =
          n.kind === 'cloze'
            ? c.key.slice('cloze:'.length)
            : n.kind === 'translation'
              ? c.ord === 0
                ? n.fields.English
                : n.fields.Sentence
              : c.ord === 0
                ? n.fields.Pinyin.replace(/<[^>]*>/g, '')
                : n.fields.Hanzi;
        expect(f.question, `${n.kind} ${c.key}`).not.toContain(answer);
        expect(f.answer.replace(/\*/g, '')).toContain(answer);
      }
    }
  });

  it('puts the tested word of a cloze first, in bold, on the back', () => {
    const n = notes.find((x) => x.kind === 'cloze' && cardsOf(x.type, fieldValues(x)).length > 1)!;
    const cards = cardsOf(n.type, fieldValues(n));
    const second = cards[1]!;
    const f = faces(card(second.ord, second.key), stored(n), plain);
    const lines = f.answer.split('\n');
    const tested = lines.indexOf('─'.repeat(20)) + 1;
    expect(tested).toBeGreaterThan(0);
    expect(lines[tested]).toMatch(/^\*.*\*$/);
    expect(lines[tested]).toContain(second.key.slice('cloze:'.length));
    expect(lines.slice(tested + 1).some((l) => l.includes(cards[0]!.key.slice('cloze:'.length)))).toBe(true);
  });
});
