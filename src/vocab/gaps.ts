// The last gloss pass: a word left without a gloss between two words that have one, when
// exactly one English content word is left unlinked between their renderings. Translations
// mostly keep the order of what they translate, so the English word in the gap is the one that
// renders the Chinese word in it ("... 规范化参数，所以普通初始化调度器时 ..." ↔ "... so in normal
// scheduler setup ..."). It is believed only where both sides agree on the order.
import type { EnglishContext } from './gloss.js';

export const GAP_PARAMS = {
  /** The most English words of any kind (function words too) between the neighbours' renderings. */
  maxWords: 3,
  /** How strongly such a link counts (dictionary matches score about 1–3): below every other evidence. */
  score: 0.3,
  /** An edge link's English word: rendered by at most this many entries (not "use", "make"; dev: 100 / 250 / 500 / no limit gave 540/565, 541/566, 542/567, 542/568). */
  edgeMaxRenderings: 500,
};

/** One word occurrence of a pair. */
export interface GapWord {
  /** Offsets in the pair's Chinese text. */
  start: number;
  end: number;
  /** Its English span, once it has one. */
  gloss: { start: number; end: number } | null;
  /** Whether it may be glossed at all (a content word). */
  glossable: boolean;
}

/**
 * The words a gap renders, each with the index of its English token. A gap is what lies between
 * the nearest linked words on either side: it must hold one word to gloss on the Chinese side
 * and one unlinked content word on the English side, between the neighbours' renderings.
 */
export function gapLinks(words: readonly GapWord[], en: EnglishContext, params = GAP_PARAMS): { word: number; token: number }[] {
  const order = words.map((_, i) => i).sort((a, b) => words[a]!.start - words[b]!.start);
  const taken = (s: number, e: number) => words.some((w) => w.gloss && s < w.gloss.end && w.gloss.start < e);
  const out: { word: number; token: number }[] = [];
  let left = -1;
  for (let k = 0; k < order.length; k++) {
    const w = words[order[k]!]!;
    if (!w.gloss) continue;
    if (left >= 0) {
      const inside = order.slice(left + 1, k).filter((i) => words[i]!.glossable);
      const l = words[order[left]!]!.gloss!;
      const r = w.gloss;
      if (inside.length === 1 && l.end <= r.start) {
        const between = en.tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.start >= l.end && t.end <= r.start);
        const content = between.filter(({ t }) => t.content);
        if (between.length <= params.maxWords && content.length === 1 && !taken(content[0]!.t.start, content[0]!.t.end)) {
          out.push({ word: inside[0]!, token: content[0]!.i });
        }
      }
    }
    left = k;
  }
  return out;
}

/**
 * A word right before a linked word, at the edge of a gap the gap pass cannot close: the
 * English content word right before its neighbour's rendering, when it is the only free content
 * word of its run there (up to punctuation or a rendered word). A modifier stands before its
 * head in both languages (完全平等 "full equality", 尾随逗号 "trailing comma"); a word after its
 * neighbour is not read so (市政府表示 "the city government plans": the verb is another word's).
 * `usable` says whether an English token may be linked at all.
 */
export function edgeLinks(words: readonly GapWord[], en: EnglishContext, usable: (token: number) => boolean): { word: number; token: number }[] {
  const order = words.map((_, i) => i).sort((a, b) => words[a]!.start - words[b]!.start);
  const taken = (s: number, e: number) => words.some((w) => w.gloss && s < w.gloss.end && w.gloss.start < e);
  const out: { word: number; token: number }[] = [];
  const toks = en.tokens;
  for (let k = 0; k + 1 < order.length; k++) {
    const w = words[order[k]!]!;
    const n = words[order[k + 1]!]!;
    if (w.gloss || !w.glossable || !n.gloss || w.end !== n.start) continue;
    const idx = toks.findLastIndex((t) => t.end <= n.gloss!.start);
    const t = toks[idx];
    if (!t || !t.content || taken(t.start, t.end) || !usable(idx) || !/^ ?$/.test(en.text.slice(t.end, n.gloss.start))) continue;
    let free = 0;
    for (let j = idx; j >= 0; j--) {
      const u = toks[j]!;
      if (taken(u.start, u.end) || (j < idx && /\S/.test(en.text.slice(u.end, toks[j + 1]!.start)))) break;
      if (u.content) free++;
    }
    if (free === 1) out.push({ word: order[k]!, token: idx });
  }
  return out;
}
