// Rules applied to jieba's cut (Simplified words), where its dictionary disagrees with what a
// learner needs and with most segmentation standards. Each is measured on the first half of
// each SIGHAN gold file (bench/tune-segment.mjs; figures in bench/RESULTS.md).

/** Which rules run; every one is on by default. The bench turns them off one by one to measure them. */
export interface SegmentRules {
  /** 一个 → 一 个, 这种 → 这 种, 三十年 → 三十 年: a count or a demonstrative is not part of the word it counts. */
  measures: boolean;
  /** 八|十四 → 八十四, 三|十多 → 三十多: a number in Chinese numerals is one word. */
  numerals: boolean;
}

export const DEFAULT_RULES: SegmentRules = { measures: true, numerals: true };

const NUMERAL = '零〇○一二两三四五六七八九十百千万亿几';
const IS_NUMERAL = new Uint8Array(65536);
for (const c of NUMERAL) IS_NUMERAL[c.charCodeAt(0)] = 1;
// Every word of a cut may be tested: by code unit, with no regular expression or iterator.
const isNumeral = (w: string, from = 0, to = w.length) => {
  for (let i = from; i < to; i++) if (!IS_NUMERAL[w.charCodeAt(i)]) return false;
  return to > from;
};

// Measure words (and time units that count like them) that stand after a count. Left out
// on purpose: those that make fixed words with 一 (一道 "together", 一起, 一点 "a little",
// 一下, 一口气, 一时, 一度, 一分, 一代, 一身, 一手, 一面, 一行).
const MEASURE = '个种名位件本张条只次座家头匹辆架枝把块片篇项间所则份年天岁场部股群批套段首届层棵颗封笔台艘栋幢户倍周支类门句';
// A demonstrative or quantifier before a count or a measure word: 这 两 个, 每 年, 各 种, 该 项.
const COUNT = new RegExp(`^([这那哪每各该某此])?(第?[${NUMERAL}]+[多余]?|多)?([${MEASURE}])?$`);

// A demonstrative, a count and a measure word (any two of them): the parts of a word that
// splitCounts cuts, or null.
function countParts(w: string): RegExpExecArray | null {
  if (w.length < 2 || w.length > 6) return null;
  const m = COUNT.exec(w);
  return m && (m[1] ? 1 : 0) + (m[2] ? 1 : 0) + (m[3] ? 1 : 0) >= 2 && m[2] !== '第' ? m : null;
}

// First characters a count can start with: a run none of whose words starts with one is left
// as it is, the same array, without a regular expression or an allocation (most runs of a text).
const STARTS = new Uint8Array(65536);
for (const c of `这那哪每各该某此第多${NUMERAL}`) STARTS[c.charCodeAt(0)] = 1;

/**
 * jieba's words of one run of Han text, regrouped by the rules; they spell the same text.
 * A word of jieba's that is a demonstrative, a count and a measure word (any two of them) is
 * cut into those parts: 一个 → 一 个, 这种 → 这 种, 每年 → 每 年, 第一次 → 第一 次, 这一 → 这 一.
 * Pieces of one number that jieba cut apart (八|十四年 → 八十四 年) are joined again.
 * `measures` receives the positions (in the returned array, ascending) of the measure words
 * split from a count: plain strings and one list per run, not an object per word.
 */
export function applyRules(words: string[], rules: SegmentRules = DEFAULT_RULES, measures: number[] = []): string[] {
  let any = false;
  for (let k = 0; k < words.length && !any; k++) any = STARTS[words[k]!.charCodeAt(0)] === 1;
  if (!any) return words;
  const out: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const m = rules.measures && STARTS[w.charCodeAt(0)] ? countParts(w) : null;
    if (!m) {
      addPart(out, w, false, rules, measures);
      continue;
    }
    if (m[1]) addPart(out, m[1], false, rules, measures);
    if (m[2]) addPart(out, m[2], false, rules, measures);
    if (m[3]) addPart(out, m[3], true, rules, measures);
  }
  return out;
}

const DUO = '多'.charCodeAt(0);
const YU = '余'.charCodeAt(0);
const DI = '第'.charCodeAt(0);

/** One part into `out`, or joined to the number before it; the join only ever looks at the part before. */
function addPart(out: string[], t: string, measure: boolean, rules: SegmentRules, measures: number[]): void {
  const n = out.length;
  // A measure word (always the last in `measures` when it is the last part) is never joined to.
  if (rules.numerals && n > 0 && measures[measures.length - 1] !== n - 1) {
    const last = out[n - 1]!;
    // By code unit (this runs for every part of a run with a count in it): 多/余 at the end, 第 at the start.
    const end = t.charCodeAt(t.length - 1);
    const approximate = end === DUO || end === YU;
    if (isNumeral(t, 0, t.length - (approximate ? 1 : 0)) && isNumeral(last, last.charCodeAt(0) === DI ? 1 : 0)) {
      out[n - 1] = last + t;
      return;
    }
  }
  out.push(t);
  if (measure) measures.push(n);
}
