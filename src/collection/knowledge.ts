// What the learner's own reviews say they know: pure over what the collection reads.
import type { VocabularyMemory } from './types.js';

/**
 * A word is known when its recognition card's memory is this stable (days until recall falls to
 * 90%). Measured on generated histories (bench/known.mjs) against the memory model the learner
 * answers from, "known" there meaning still recalled with 80% a month on, unreviewed: stability
 * ≥ 21 days is right 86% of the time for a learner who forgets faster than FSRS's defaults
 * (before `zhdeck optimize`) and 100% for one who matches them, finding all / 88% of their known
 * words (F1 0.92 / 0.94); 14 days is wrong more often for the first (78%), 30 misses more for
 * the second (81%), and retrievability now ≥ 0.9 calls every card just reviewed known (63%).
 * It is also the interval Anki calls mature.
 */
export const KNOWN_STABILITY_DAYS = 21;

export interface Knowledge {
  /** Words known from their recognition cards, each with the sources whose notes taught it. */
  known: Map<string, string[]>;
  /** Words whose recognition card the learner has suspended: not taught again. */
  suspended: Set<string>;
}

const ENTITY = /&(amp|lt|gt|quot|#39|nbsp);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The Chinese words a field's HTML holds: its runs of Han characters (a word, its other script). */
export const hanWords = (html: string): string[] =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(ENTITY, (_, e: string) => ENTITIES[e]!)
    .match(/\p{Script=Han}+/gu) ?? [];

/** Sorts vocabulary notes' words by what their recognition cards say. */
export function knowledgeOf(rows: VocabularyMemory[]): Knowledge {
  const k: Knowledge = { known: new Map(), suspended: new Set() };
  for (const r of rows) {
    for (const w of r.fields.flatMap(hanWords)) {
      if (r.suspended) k.suspended.add(w);
      else if (r.state !== 0 && r.stability >= KNOWN_STABILITY_DAYS) k.known.set(w, [...(k.known.get(w) ?? []), ...r.sources]);
    }
  }
  return k;
}
