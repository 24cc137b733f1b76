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
  private readonly t = new Map<string, Map<string, number>>();

  constructor(pairs: CooccurrencePair[], seed: Seed, iterations = 5) {
    // Initialise uniformly over co-occurring stems, with dictionary agreements weighted up.
    for (const { f, e } of pairs) {
      for (const fw of f) {
        let row = this.t.get(fw);
        if (!row) this.t.set(fw, (row = new Map()));
        for (const ew of e) row.set(ew, seed(fw, ew) ? 10 : 1);
      }
    }
    this.normalise();
    for (let it = 0; it < iterations; it++) {
      const counts = new Map<string, Map<string, number>>();
      for (const { f, e } of pairs) {
        for (const ew of e) {
          let total = 0;
          for (const fw of f) total += this.prob(ew, fw);
          if (total === 0) continue;
          for (const fw of f) {
            const c = this.prob(ew, fw) / total;
            let row = counts.get(fw);
            if (!row) counts.set(fw, (row = new Map()));
            row.set(ew, (row.get(ew) ?? 0) + c);
          }
        }
      }
      this.t.clear();
      for (const [fw, row] of counts) this.t.set(fw, row);
      this.normalise();
    }
  }

  private normalise(): void {
    for (const row of this.t.values()) {
      let sum = 0;
      for (const v of row.values()) sum += v;
      for (const [k, v] of row) row.set(k, v / sum);
    }
  }

  prob(e: string, f: string): number {
    return this.t.get(f)?.get(e) ?? 0;
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
