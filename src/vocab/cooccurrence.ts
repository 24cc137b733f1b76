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

/** The co-occurrence pass's limits (words.ts `glossByCooccurrence` reads the last two). */
export const COOCCURRENCE_PARAMS = {
  /** Rounds of expectation–maximisation. */
  iterations: 5,
  /** How much more a dictionary agreement weighs than any other co-occurrence at the start. */
  seedWeight: 10,
  /** The least t(e | f) believed as a gloss. */
  minProbability: 0.35,
  /** How many of a word's sentences it is learnt from. */
  sample: 24,
};

export class TranslationTable {
  private readonly fIds = new Map<string, number>();
  private readonly eIds = new Map<string, number>();
  /** The cell of each (f, e) that co-occur, by f * |E| + e: only those can have t > 0. */
  private readonly cells = new Map<number, number>();
  /** t(e | f) per cell. Sparse: a long article has thousands of words on each side, few of them together. */
  private t: Float64Array;

  constructor(pairs: CooccurrencePair[], seed: Seed, { iterations, seedWeight } = COOCCURRENCE_PARAMS) {
    const id = (m: Map<string, number>, k: string) => m.get(k) ?? (m.set(k, m.size), m.size - 1);
    const corpus = pairs.map((p) => ({ f: p.f.map((w) => id(this.fIds, w)), e: p.e.map((w) => id(this.eIds, w)) }));
    const E = this.eIds.size;
    const fWords = [...this.fIds.keys()];
    const eWords = [...this.eIds.keys()];
    const rowOf: number[] = [];
    const initial: number[] = [];
    // Per pair, for each English word in turn, the cells of the pair's Chinese words: the E step's loop.
    const links = corpus.map(({ f, e }) => {
      const out = new Int32Array(f.length * e.length);
      let k = 0;
      for (const ei of e) {
        for (const fi of f) {
          const key = fi * E + ei;
          let c = this.cells.get(key);
          if (c === undefined) {
            this.cells.set(key, (c = rowOf.length));
            rowOf.push(fi);
            // Initialise uniformly over co-occurring stems, with dictionary agreements weighted up.
            initial.push(seed(fWords[fi]!, eWords[ei]!) ? seedWeight : 1);
          }
          out[k++] = c;
        }
      }
      return { width: f.length, out };
    });
    const rows = Int32Array.from(rowOf);
    this.t = Float64Array.from(initial);
    normalise(this.t, rows, this.fIds.size);
    for (let it = 0; it < iterations; it++) {
      const counts = new Float64Array(this.t.length);
      for (const { width, out } of links) {
        for (let base = 0; base < out.length; base += width) {
          let total = 0;
          for (let k = base; k < base + width; k++) total += this.t[out[k]!]!;
          if (total === 0) continue;
          for (let k = base; k < base + width; k++) counts[out[k]!]! += this.t[out[k]!]! / total;
        }
      }
      this.t = counts;
      normalise(this.t, rows, this.fIds.size);
    }
  }

  prob(e: string, f: string): number {
    const fi = this.fIds.get(f);
    const ei = this.eIds.get(e);
    if (fi === undefined || ei === undefined) return 0;
    const c = this.cells.get(fi * this.eIds.size + ei);
    return c === undefined ? 0 : this.t[c]!;
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

/** Makes each Chinese word's probabilities sum to 1. */
function normalise(t: Float64Array, rows: Int32Array, F: number): void {
  const sums = new Float64Array(F);
  for (let c = 0; c < t.length; c++) sums[rows[c]!]! += t[c]!;
  for (let c = 0; c < t.length; c++) {
    const sum = sums[rows[c]!]!;
    if (sum > 0) t[c]! /= sum;
  }
}
