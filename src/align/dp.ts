import { coveredMass, type SentenceEvidence } from './evidence.js';
import { clauseRatioOf, punctuationScore, sumPunctuation, type Punctuation } from './punctuation.js';
import { weighByRarity } from './rarity.js';

/** One alignment bead: English sentence indices ⇄ Chinese sentence indices, either side possibly empty. */
export interface Bead {
  en: number[];
  zh: number[];
  confidence: number;
}

export interface AlignParams {
  /** Bead shapes allowed, [English count, Chinese count], with their log prior. */
  shapes: ReadonlyArray<readonly [number, number, number]>;
  /** Weight of the lexical coverage (0–1) of a bead, per sentence in it. */
  lexWeight: number;
  /** Weight of the Gale–Church length log-probability. */
  lenWeight: number;
  /** Variance per character of the length difference (Gale–Church s²). */
  variance: number;
  /** Smoothing added to coverage denominators, so that an empty sentence is not fully "covered". */
  smoothing: number;
  /** How much more a rare item counts than a common one (rarity.ts; 0: all alike). */
  rarity: number;
  /** Weight of the agreement of the two sides' punctuation (punctuation.ts; 0: unused). */
  punctWeight: number;
  /** Within the punctuation score, the cost of a quotation one side opens and the other does not. */
  quoteWeight: number;
}

// Tuned on MAC-Dev (bench/tune-align.mjs; MAC-Test only reported): literary translation
// splits and joins sentences freely, so 5-1 and 3-2 beads are allowed (6-1 and 2-3 bought nothing);
// punctuation agreement weighs 0.45 (0.3: 0.851, 0.6: 0.858 on MAC-Dev), an unmatched quotation
// 1.5 within it (0: 0.865, 1: 0.878, 2: 0.878); rarity weighting bought nothing.
export const DEFAULT_PARAMS: AlignParams = {
  shapes: [
    [1, 1, 0],
    [1, 0, -5],
    [0, 1, -5],
    [2, 1, -1.2],
    [1, 2, -2],
    [3, 1, -2.8],
    [2, 2, -4.25],
    [1, 3, -4.5],
    [4, 1, -4],
    [3, 2, -6.75],
    [5, 1, -5.5],
  ],
  lexWeight: 2.5,
  lenWeight: 1,
  variance: 6.8,
  smoothing: 1,
  rarity: 0,
  punctWeight: 0.45,
  quoteWeight: 1.5,
};

/** Standard normal upper tail, Abramowitz–Stegun 7.1.26 via erfc. */
function upperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return 0.5 * y * Math.exp(-x * x);
}

/**
 * Aligns two sentence sequences by dynamic programming over bead shapes, in a band around
 * the diagonal. The score of a bead adds its shape's prior, the Gale–Church probability of
 * its lengths (with the length ratio estimated from the text itself) and how much of each
 * side's lexical evidence the other side covers.
 */
export function alignSequences(
  enEvidence: SentenceEvidence[],
  zhEvidence: SentenceEvidence[],
  params: AlignParams = DEFAULT_PARAMS,
  ratio?: number,
  bandScale = 1,
): Bead[] {
  const [en, zh] = bandScale === 1 ? weighByRarity(enEvidence, zhEvidence, params.rarity) : [enEvidence, zhEvidence];
  const n = en.length;
  const m = zh.length;
  if (n === 0 || m === 0) {
    return [...en.map((_, i) => ({ en: [i], zh: [], confidence: 1 })), ...zh.map((_, j) => ({ en: [], zh: [j], confidence: 1 }))];
  }
  const enLen = en.reduce((s, e) => s + e.length, 0);
  const zhLen = zh.reduce((s, e) => s + e.length, 0);
  const c = ratio ?? (enLen > 0 ? zhLen / enLen : 1);

  // Pairwise coverage, computed only for pairs inside the band.
  const width = Math.max(12, Math.ceil(0.12 * Math.max(n, m))) * bandScale;
  const centre = (i: number) => (n === 0 ? 0 : (i * m) / n);
  const covE = new Map<number, number>();
  const covZ = new Map<number, number>();
  /** The key of sentence pair (i, j) in covE and covZ, its coverage computed on first use. */
  const cov = (i: number, j: number): number => {
    const k = i * (m + 1) + j;
    if (!covE.has(k)) {
      covE.set(k, coveredMass(en[i]!, zh[j]!));
      covZ.set(k, coveredMass(zh[j]!, en[i]!));
    }
    return k;
  };

  // The DP calls lexOf for every cell and shape: it allocates nothing (no tuples, one scratch
  // array as wide as the widest shape), which halves the garbage of aligning a long article.
  const zhHit = new Float64Array(Math.max(1, ...params.shapes.map((shape) => shape[1])));
  const lexOf = (i0: number, a: number, j0: number, b: number) => {
    let enHit = 0;
    let enMass = 0;
    let zhMass = 0;
    zhHit.fill(0, 0, b);
    for (let i = i0; i < i0 + a; i++) {
      let hit = 0;
      for (let j = j0; j < j0 + b; j++) {
        const k = cov(i, j);
        hit += covE.get(k)!;
        zhHit[j - j0]! += covZ.get(k)!;
      }
      enHit += Math.min(hit, en[i]!.mass);
      enMass += en[i]!.mass;
    }
    let zHit = 0;
    for (let j = j0; j < j0 + b; j++) {
      zHit += Math.min(zhHit[j - j0]!, zh[j]!.mass);
      zhMass += zh[j]!.mass;
    }
    return (enHit / (enMass + params.smoothing) + zHit / (zhMass + params.smoothing)) / 2;
  };

  const lenProb = (le: number, lz: number) => {
    const delta = (lz - c * le) / Math.sqrt(params.variance * ((lz + c * le) / 2) + 1);
    return Math.max(2 * upperTail(delta), 1e-12);
  };

  const NONE: Punctuation = { questions: 0, exclamations: 0, clauses: 0, quotes: 0 };
  const enPunct = en.map((e) => e.punctuation ?? NONE);
  const zhPunct = zh.map((e) => e.punctuation ?? NONE);
  const clauseRatio = clauseRatioOf(enPunct, zhPunct);
  const pe: Punctuation = { ...NONE };
  const pz: Punctuation = { ...NONE };
  const punctOf = (i0: number, a: number, j0: number, b: number) => {
    sumPunctuation(enPunct, i0, a, pe);
    sumPunctuation(zhPunct, j0, b, pz);
    // Where one side ends a sentence, the other may only end a clause (… 。 against …, …).
    pe.clauses += a - 1;
    pz.clauses += b - 1;
    return punctuationScore(pe, pz, clauseRatio, params.quoteWeight);
  };

  const beadScore = (i0: number, a: number, j0: number, b: number, prior: number) => {
    if (a === 0 || b === 0) return prior;
    let le = 0;
    let lz = 0;
    for (let i = i0; i < i0 + a; i++) le += en[i]!.length;
    for (let j = j0; j < j0 + b; j++) lz += zh[j]!.length;
    const lex = lexOf(i0, a, j0, b);
    const punct = params.punctWeight ? params.punctWeight * punctOf(i0, a, j0, b) : 0;
    return prior + params.lenWeight * Math.log(lenProb(le, lz)) + params.lexWeight * lex * (a + b) + punct;
  };

  // One sentence each side: a translation of each other is the only reading worth a table.
  if (n === 1 && m === 1) {
    const bead: Bead = { en: [0], zh: [0], confidence: 0 };
    bead.confidence = confidenceOf(bead, en, zh, lexOf, lenProb);
    return [bead];
  }

  const W = width;
  const inBand = (i: number, j: number) => Math.abs(j - centre(i)) <= W + 1;
  const cols = m + 1;
  const best = new Float64Array((n + 1) * cols).fill(-Infinity);
  const back = new Int16Array((n + 1) * cols).fill(-1);
  best[0] = 0;
  for (let i = 0; i <= n; i++) {
    const jLo = Math.max(0, Math.floor(centre(i) - W));
    const jHi = Math.min(m, Math.ceil(centre(i) + W));
    for (let j = jLo; j <= jHi; j++) {
      if (i === 0 && j === 0) continue;
      let top = -Infinity;
      let arg = -1;
      for (let s = 0; s < params.shapes.length; s++) {
        const shape = params.shapes[s]!;
        const a = shape[0];
        const b = shape[1];
        const pi = i - a;
        const pj = j - b;
        if (pi < 0 || pj < 0) continue;
        const prev = best[pi * cols + pj]!;
        if (prev === -Infinity || !inBand(pi, pj)) continue;
        const v = prev + beadScore(pi, a, pj, b, shape[2]);
        if (v > top) {
          top = v;
          arg = s;
        }
      }
      best[i * cols + j] = top;
      back[i * cols + j] = arg;
    }
  }
  // A band too narrow for the text leaves the corner unreached: widen it (rare).
  if (best[n * cols + m] === -Infinity) {
    if (W >= Math.max(n, m)) throw new Error('alignment found no path');
    // Already weighed by rarity: bandScale > 1 skips that.
    return alignSequences(en, zh, params, ratio, bandScale * 2);
  }

  const beads: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const [a, b] = params.shapes[back[i * cols + j]!]!;
    const enIdx = Array.from({ length: a }, (_, k) => i - a + k);
    const zhIdx = Array.from({ length: b }, (_, k) => j - b + k);
    beads.push({ en: enIdx, zh: zhIdx, confidence: 0 });
    i -= a;
    j -= b;
  }
  beads.reverse();
  for (const bead of beads) bead.confidence = confidenceOf(bead, en, zh, lexOf, lenProb);
  return beads;
}

function confidenceOf(
  bead: Bead,
  en: SentenceEvidence[],
  zh: SentenceEvidence[],
  lexOf: (i0: number, a: number, j0: number, b: number) => number,
  lenProb: (le: number, lz: number) => number,
): number {
  const a = bead.en.length;
  const b = bead.zh.length;
  if (a && b) {
    const lex = lexOf(bead.en[0]!, a, bead.zh[0]!, b);
    const le = bead.en.reduce((s, i) => s + en[i]!.length, 0);
    const lz = bead.zh.reduce((s, j) => s + zh[j]!.length, 0);
    // Lexical coverage of about a half is already strong evidence for dictionary matching.
    return round(0.6 * Math.min(1, lex / 0.45) + 0.4 * lenProb(le, lz));
  }
  // A sentence left untranslated inside a translated paragraph: neither side says much.
  return 0.5;
}

const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
