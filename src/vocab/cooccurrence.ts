/**
 * Translation probabilities t(e | f) learnt from the article's own sentence pairs, IBM Model 1
 * style: expectation–maximisation over which English word each Chinese word explains, seeded
 * by the dictionary. It is the last resort for a word the dictionary cannot gloss, and it is
 * only believed for words the article uses more than once.
 */
export interface CooccurrencePair {
  /** Chinese words of the pair. */
  f: string[];
  /** English content stems of the pair. */
  e: string[];
}

export type Seed = (f: string, e: string) => boolean;

export class TranslationTable {
  private readonly fIds = new Map<string, number>();
  private readonly eIds = new Map<string, number>();
  /** t[f * E + e], dense: an article has a few hundred words on each side. */
  private t: Float64Array;

  constructor(pairs: CooccurrencePair[], seed: Seed, iterations = 5) {
    const id = (m: Map<string, number>, k: string) => m.get(k) ?? (m.set(k, m.size), m.size - 1);
    const corpus = pairs.map((p) => ({ f: p.f.map((w) => id(this.fIds, w)), e: p.e.map((w) => id(this.eIds, w)) }));
    const E = this.eIds.size;
    const fWords = [...this.fIds.keys()];
    const eWords = [...this.eIds.keys()];
    this.t = new Float64Array(this.fIds.size * E);
    // Initialise uniformly over co-occurring stems, with dictionary agreements weighted up.
    for (const { f, e } of corpus) for (const fi of f) for (const ei of e) this.t[fi * E + ei] = seed(fWords[fi]!, eWords[ei]!) ? 10 : 1;
    this.normalise(E);
    for (let it = 0; it < iterations; it++) {
      const counts = new Float64Array(this.t.length);
      for (const { f, e } of corpus) {
        for (const ei of e) {
          let total = 0;
          for (const fi of f) total += this.t[fi * E + ei]!;
          if (total === 0) continue;
          for (const fi of f) counts[fi * E + ei]! += this.t[fi * E + ei]! / total;
        }
      }
      this.t = counts;
      this.normalise(E);
    }
  }

  private normalise(E: number): void {
    for (let row = 0; row < this.t.length; row += E) {
      let sum = 0;
      for (let k = row; k < row + E; k++) sum += this.t[k]!;
      if (sum > 0) for (let k = row; k < row + E; k++) this.t[k]! /= sum;
    }
  }

  prob(e: string, f: string): number {
    const fi = this.fIds.get(f);
    const ei = this.eIds.get(e);
    return fi === undefined || ei === undefined ? 0 : this.t[fi * this.eIds.size + ei]!;
  }

  /** The English stem `f` most likely translates to, among `candidates`, with its probability. */
  best(f: string, candidates: Iterable<string>): { e: string; p: number } | null {
    let best: { e: string; p: number } | null = null;
    for (const e of candidates) {
      const p = this.prob(e, f);
      if (p > 0 && (!best || p > best.p)) best = { e, p };
    }
    return best;
  }
}
