// A collection as a learner has it after months of use, made through the library API with the
// clock passed in: for `npm run bench` at 1k / 10k / 100k cards, and for tests at small sizes.
// The learner's answers follow a known memory model (FSRS with the `truth` parameters), so that
// a fit of FSRS to the log has something definite to find.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Collection, cardsOf } = require('../dist/collection/index.js');
const { FIELDS } = require('../dist/notes/types.js');
const { nextCard, schedulersFor } = require('../dist/review/index.js');
const { FSRSAlgorithm, default_w, generatorParameters } = require('ts-fsrs');

const DAY = 86_400_000;

/**
 * A learner who forgets faster than FSRS's defaults expect: initial stabilities a quarter of
 * the defaults', and stability growing less after each recall (w8 lower).
 */
export const FORGETFUL = default_w.map((w, i) => (i < 4 ? w / 4 : i === 8 ? w - 0.6 : w));

/** mulberry32: a small seeded generator, so that a collection is the same every time. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, weights) => {
  let x = r() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i + 1;
  return weights.length;
};

/** A note's fields in its type's order, from those given by name (the others empty). */
const fieldsOf = (type, named) => FIELDS[type].map((f) => named[f] ?? '');

/**
 * Notes making `cards` cards, in groups of five as zhdeck builds them, on its note types: a
 * sentence's cloze (one card) and translation (two cards) notes, which share a sibling key, and
 * a word's vocabulary note (two cards); `decks` articles.
 */
export function generatedNotes(cards, decks = 50) {
  const notes = [];
  for (let i = 0, made = 0; made < cards; i++, made += 5) {
    const deck = `zhdeck::Article ${i % decks}`;
    const tags = ['zhdeck', `article-${i % decks}`];
    const sibling = `sentence-${i}`;
    const english = `Sentence ${i}, with word ${i}.`;
    const cloze = fieldsOf('zhdeck cloze', { Text: `第${i}句話裡的{{c1::詞${i}::word ${i}}}。`, English: english, Words: `{{c1::詞${i}}}`, Traditional: 'traditional' });
    const translation = fieldsOf('zhdeck translation', { Sentence: `第${i}句話裡的詞${i}。`, English: english, Traditional: 'traditional' });
    const vocabulary = fieldsOf('zhdeck vocabulary', { Hanzi: `詞${i}`, Gloss: `word ${i}`, Sentence: `第${i}句話裡的<b>詞${i}</b>。`, English: english });
    notes.push(
      { guid: `c${i}`, kind: 'cloze', type: 'zhdeck cloze', deck, tags: [...tags, 'cloze'], sibling, fields: cloze, cards: cardsOf('zhdeck cloze', cloze) },
      { guid: `t${i}`, kind: 'translation', type: 'zhdeck translation', deck, tags: [...tags, 'translation'], sibling, fields: translation, cards: cardsOf('zhdeck translation', translation) },
      { guid: `v${i}`, kind: 'vocabulary', type: 'zhdeck vocabulary', deck, tags: [...tags, 'vocabulary'], sibling: `v${i}`, fields: vocabulary, cards: cardsOf('zhdeck vocabulary', vocabulary) },
    );
  }
  return notes;
}

/**
 * Makes the collection `file`: the notes of generatedNotes(cards), then day after day a session
 * at 9:00 with zhdeck's queue and schedulers (as `zhdeck review`) until `reviews` ratings, each
 * answered as a learner with the `truth` memory would: Again with the probability of forgetting
 * (FSRS's forgetting curve, fractional days), else Hard, Good or Easy; the notes in `decks` decks. Each day is one
 * transaction (the bench measures durable ratings separately). Returns the clock after the last
 * rating and the number of days.
 */
export function generateCollection({ file, cards, reviews, start = Date.parse('2026-01-05T09:00:00'), seed = 1, truth = FORGETFUL, newLimit, decks = 50 }) {
  const r = random(seed);
  const memory = new FSRSAlgorithm(generatorParameters({ w: truth }));
  const c = Collection.open(file, { create: true, now: start });
  try {
    const schedulerFor = schedulersFor(c);
    const initial = schedulerFor('').initial;
    const notes = generatedNotes(cards, decks);
    // One source, in order: new cards come article after article, interleaved.
    c.addNotes(notes, 'generated', start, initial);
    // One new card a day per three the learner will rate, on average: a learner's year for 100k.
    const limit = newLimit ?? Math.max(1, Math.round(reviews / 365 / 3));
    const truthOf = new Map(); // card id → { s, d, last }
    let done = 0;
    let day = 0;
    let t = start;
    for (; done < reviews; day++) {
      t = start + day * DAY;
      c.batch(() => {
        for (let card; done < reviews && (card = nextCard(c, t, { newLimit: limit })); done++) {
          const mem = truthOf.get(card.id);
          let grade;
          if (!mem) grade = pick(r, [0.2, 0.1, 0.6, 0.1]);
          else {
            const recalled = r() < memory.forgetting_curve(Math.max(0, (t - mem.last) / DAY), mem.s);
            grade = recalled ? 1 + pick(r, [0.15, 0.75, 0.1]) : 1;
          }
          const days = mem ? Math.max(0, Math.round((t - mem.last) / DAY)) : 0;
          const next = memory.next_state(mem ? { stability: mem.s, difficulty: mem.d } : null, days, grade);
          truthOf.set(card.id, { s: next.stability, d: next.difficulty, last: t });
          const scheduler = schedulerFor(c.note(card.noteId).deck);
          const at = t;
          c.recordReview(card.id, at, grade, 8000, (before) => scheduler.next({ ...before, id: card.id }, at, grade));
          t += 8000 + Math.floor(r() * 12000);
        }
      });
    }
    return { file, cards: c.cardCounts().reduce((n, x) => n + x.n, 0), reviews: done, days: day, now: t };
  } finally {
    c.close();
  }
}
