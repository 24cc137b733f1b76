// A repair after the gloss passes: a word met more than once in a pair whose renderings the
// English gives fewer times, or in another order, may hold them at the wrong occurrences (the
// passes link by strength, and between equal offers by the place in the sentence, which a
// translation moves). Translations keep what stands together together: the occurrence whose
// Chinese neighbour's rendering stands beside the English span is the one it renders
// (参数列表 "parameter list": the 参数 before 列表 "list" is the "parameter" next to "list").
// Two different words exchange their renderings so too, where each could render the other's
// (有权 "has the right" and 权利 "rights": 基本权利 is "fundamental rights").
import type { EnglishContext } from './gloss.js';

export const NEIGHBOUR_PARAMS = {
  /** The most English tokens between two renderings that still stand beside each other (dev: 0 / 1 / 2 / 3 gave 534 / 536 / 534 / 534 right). */
  window: 1,
  /** The most words without a rendering between an occurrence and the neighbour it is read by (dev: 0 / 1 / 2 gave 536 / 537 / 537 right). */
  skip: 1,
};

/** One word occurrence of a pair, in Chinese order: its word, and its English span once it has one. */
export interface NeighbourWord {
  key: string;
  /** Offsets in the pair's Chinese text. */
  start: number;
  end: number;
  gloss: { start: number; end: number } | null;
}

// Punctuation between two words, on either side, ends the phrase they would stand together in.
const PUNCTUATION = /[，。；：、！？,.;:!?()（）"“”]/;

/**
 * The moves that put a word's renderings at its occurrences whose neighbours agree: pairs of
 * occurrences of one word (the first glossed) whose spans, exchanged, stand beside more of
 * their neighbours' renderings than before. Each move names the two occurrences to exchange.
 * `words` are in Chinese order.
 */
export function neighbourSwaps(
  words: readonly NeighbourWord[],
  zh: string,
  en: EnglishContext,
  /** Whether two glossed occurrences of different words may exchange their renderings (each could render the other's). */
  exchangeable: (a: number, b: number) => boolean = () => false,
  params = NEIGHBOUR_PARAMS,
): [number, number][] {
  const toks = en.tokens;
  const tokenAt = (offset: number) => {
    const i = toks.findIndex((t) => offset < t.end);
    return i < 0 ? toks.length : i;
  };
  type Span = { start: number; end: number; first: number; last: number };
  const spans: (Span | null)[] = words.map((w) => w.gloss && { ...w.gloss, first: tokenAt(w.gloss.start), last: tokenAt(w.gloss.end - 1) });
  // Two spans in one English phrase, at most `window` tokens apart.
  const beside = (a: Span, b: Span): boolean => {
    const [x, y] = a.last < b.first ? [a, b] : [b, a];
    return y.first > x.last && y.first - x.last - 1 <= params.window && !PUNCTUATION.test(en.text.slice(x.end, y.start));
  };
  // How many of occurrence i's two neighbours (in one Chinese phrase with it) render beside span s.
  const support = (i: number, s: Span | null) => {
    let n = 0;
    for (const step of [-1, 1]) {
      // The nearest rendered neighbour, past at most `skip` words without a rendering (或 in 国家或领土).
      let j = i + step;
      for (let k = 0; k < params.skip && words[j] && !spans[j]; k++) j += step;
      const w = words[j];
      const t = spans[j];
      if (!s || !w || !t) continue;
      const between = j < i ? zh.slice(w.end, words[i]!.start) : zh.slice(words[i]!.end, w.start);
      if (!PUNCTUATION.test(between) && beside(s, t)) n++;
    }
    return n;
  };
  const out: [number, number][] = [];
  const moved = new Set<number>();
  for (let a = 0; a < words.length; a++) {
    if (!spans[a] || moved.has(a)) continue;
    for (let b = 0; b < words.length; b++) {
      if (b === a || moved.has(b)) continue;
      // Which pairs may exchange is asked first: the supports are the costly part.
      if (words[b]!.key !== words[a]!.key && !(spans[b] && exchangeable(a, b))) continue;
      const before = support(a, spans[a]!) + support(b, spans[b] ?? null);
      const after = support(a, spans[b] ?? null) + support(b, spans[a]!);
      if (after > before) {
        out.push([a, b]);
        moved.add(a).add(b);
        break;
      }
    }
  }
  return out;
}
