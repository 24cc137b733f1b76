import type { Item, SentenceEvidence } from './evidence.js';

// Champollion (Ma 2006, "Champollion: a robust parallel text sentence aligner") weighs a
// translated word by how rare it is in the text: a name or a rare noun met in one sentence
// pair says far more than "say" or "go", met everywhere. Here an item's weight is multiplied
// by 1 + strength · ln(N / df), df being the number of the text's sentences (on its own side)
// that hold it, so coverage counts rare words more.

/** One item's identity for counting: its first id and how many it has (a Chinese word's ids are its senses' stems). */
const keyOf = (it: Item) => it.ids[0]! * 64 + Math.min(it.ids.length, 63);

function reweigh(side: readonly SentenceEvidence[], strength: number): SentenceEvidence[] {
  const df = new Map<number, number>();
  for (const s of side) {
    const seen = new Set<number>();
    for (const it of s.items) if (it.ids.length) seen.add(keyOf(it));
    for (const k of seen) df.set(k, (df.get(k) ?? 0) + 1);
  }
  const n = side.length;
  return side.map((s) => {
    let mass = 0;
    const items = s.items.map((it) => {
      const weight = it.ids.length ? it.weight * (1 + strength * Math.log(n / df.get(keyOf(it))!)) : it.weight;
      mass += weight;
      return { ...it, weight };
    });
    return { ...s, items, mass };
  });
}

/** Both sides' evidence with every item weighed by its rarity in the text (strength 0: unchanged). */
export function weighByRarity(
  en: readonly SentenceEvidence[],
  zh: readonly SentenceEvidence[],
  strength: number,
): [SentenceEvidence[], SentenceEvidence[]] {
  if (strength <= 0 || en.length < 2 || zh.length < 2) return [[...en], [...zh]];
  return [reweigh(en, strength), reweigh(zh, strength)];
}
