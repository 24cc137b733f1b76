import type { Script } from '../article/index.js';
import { applyRules, DEFAULT_RULES, type SegmentRules } from './rules.js';
import { kindOf, wholeSpans, type Token } from './tokens.js';
import { userCutSpans } from './userdict.js';

/** What the segmenter needs from jieba: a cut of Simplified text into words that spell it. */
export interface WordCutter {
  cut(text: string, hmm: boolean): string[];
}

/** Traditional → Simplified, character for character (so that offsets carry over). */
export type ToSimplified = (text: string) => string;

/**
 * What a segmenter knows of the text it was made for, as methods of one object: its
 * Simplified form, and whether a word of jieba's cut (Simplified) stands whatever made it:
 * one the text repeats (recurring.ts). Any other is cut again by the dictionary alone, which
 * leaves a dictionary word whole and splits a guess of the HMM's. load.ts gives every
 * segmenter an object of one class, so a second segmenter (the bench's next set, a book's
 * next chapter) calls the very functions the first did and runs the code compiled for it: a
 * closure of its own for each was a "wrong call target" that threw the cut's optimised code
 * away, then ran it unoptimised while it was compiled again (CityU's pass after AS's took
 * about twice its time).
 */
export interface TextModel {
  toSimplified(text: string): string;
  stands(word: string): boolean;
}

/**
 * Code units that are surely not white space for trim(): ASCII after the space, and the
 * ranges between Unicode's spaces (U+00A0, U+1680, U+2000–U+200A, U+2028/9, U+202F, U+205F,
 * U+3000, U+FEFF) that hold the Han characters and CJK punctuation. Any other goes to trim().
 */
const notSpace = (c: number) => (c > 0x20 && c < 0x7f) || (c > 0x3000 && c < 0xfeff) || (c > 0x205f && c < 0x3000);

/** A TextModel of two functions (a segmenter made by hand, as the tests do). */
class Functions implements TextModel {
  constructor(
    readonly toSimplified: ToSimplified,
    readonly stands: (word: string) => boolean,
  ) {}
}

/**
 * Chinese word segmentation. jieba's dictionary is Simplified, so Traditional text is
 * converted first, cut, and the original sliced at the same offsets: 防火長城 stays one
 * word instead of 長/城. Numbers, Latin words and dash runs are words by rule (see tokens.ts).
 */
export class Segmenter {
  private readonly model: TextModel;

  constructor(
    private readonly cutter: WordCutter,
    /** The text's model (load.ts), or the conversion alone with `stands` beside it. */
    model: TextModel | ToSimplified,
    private readonly rules: SegmentRules = DEFAULT_RULES,
    /** The learner's cuts (userdict.ts): Simplified text → its words. They win over every rule. */
    private readonly userCuts: Map<string, string[]> = new Map(),
    /** When `model` is a function: TextModel's `stands` (by default every word stands). */
    stands: (word: string) => boolean = () => true,
  ) {
    this.model = typeof model === 'function' ? new Functions(model, stands) : model;
  }

  /** jieba's cut of a run, its one-off HMM guesses cut again without the HMM. */
  private cut(run: string): string[] {
    const words = this.cutter.cut(run, true);
    let out: string[] | undefined;
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      // A dictionary word (or a new word of the text's) is its own cut without the HMM; one of
      // two characters that is not (most guesses) is its two characters, without a native call.
      const again = w.length < 2 || this.model.stands(w) ? null : w.length === 2 && w.charCodeAt(0) < 0xd800 ? [w[0]!, w[1]!] : this.cutter.cut(w, false);
      if (again && again.length > 1) {
        out ??= words.slice(0, k);
        out.push(...again);
      } else out?.push(w);
    }
    return out ?? words;
  }

  segment(text: string, script: Script): Token[] {
    const out: Token[] = [];
    this.walk(text, script, out, null);
    return out;
  }

  // Positions of the measure words in the run applyRules last regrouped (reused: one a segmenter).
  private readonly measures: number[] = [];

  /**
   * The tokens of `text` in order, into `tokens`, or only the words' texts into `words`: the
   * bench and `zhdeck segment` ask for words alone, and get them without a token object or a
   * kind worked out per word. No closure: a cold pass runs this before it is compiled.
   */
  private walk(text: string, script: Script, tokens: Token[] | null, words: string[] | null): void {
    let simplified = script === 'traditional' ? this.model.toSimplified(text) : text;
    // The conversion keeps the character count; if it ever does not, cut the original.
    if (simplified.length !== text.length) simplified = text;
    // A text that is its own Simplified form is where the cut's words come from: not sliced again.
    const same = simplified === text;
    const measures = this.measures;
    let at = 0;
    // The runs between the forced spans, each cut by jieba and the rules, then the span itself;
    // one loop with the text's end as a last span. All of it is one function on purpose: too
    // big for V8 to inline into its callers, it is compiled once, not again inside words(),
    // segment() and the caller's loop (a cold pass compiled the same code three times over).
    // Index loops: a for-of makes an iterator, costly before the code is compiled.
    const spans = this.forcedSpans(text, simplified);
    for (let i = 0; i <= spans.length; i++) {
      const span = i < spans.length ? spans[i]! : null;
      const runEnd = span ? span.start : text.length;
      if (runEnd < at) continue;
      if (runEnd > at) {
        if (measures.length) measures.length = 0;
        const cut = applyRules(this.cut(simplified.slice(at, runEnd)), this.rules, measures);
        let m = 0;
        for (let k = 0; k < cut.length; k++) {
          const n = cut[k]!.length;
          // A word the conversion left alone is jieba's own string: no copy sliced from the text.
          const t = same || text.startsWith(cut[k]!, at) ? cut[k]! : text.slice(at, at + n);
          const measure = m < measures.length && measures[m] === k;
          if (measure) m++;
          if (tokens) tokens.push({ text: t, start: at, end: at + n, kind: measure ? 'measure' : kindOf(t) });
          else {
            // kindOf's 'space' is a token of white space alone, which trim() empties. A word that
            // starts and ends with characters that are never white space is kept without a call.
            const w = notSpace(t.charCodeAt(0)) && notSpace(t.charCodeAt(n - 1)) ? t : t.trim();
            if (w !== '' || t === '') words!.push(w);
          }
          at += n;
        }
      }
      if (!span) break;
      if (tokens) tokens.push(span);
      else if (span.kind !== 'space') words!.push(span.text.trim());
      at = span.end;
    }
  }

  /** Words decided before jieba: the learner's cuts, then the rules' whole spans where none overlaps them. */
  private forcedSpans(text: string, simplified: string): Token[] {
    if (this.userCuts.size === 0) return wholeSpans(text);
    const user = userCutSpans(this.model.toSimplified(simplified), this.userCuts);
    if (user.length === 0) return wholeSpans(text);
    const out: Token[] = [];
    for (const [start, , lengths] of user) {
      let at = start;
      for (const n of lengths) {
        const t = text.slice(at, at + n);
        out.push({ text: t, start: at, end: at + n, kind: kindOf(t) });
        at += n;
      }
    }
    const inUser = (t: Token) => user.some(([s, e]) => t.start < e && s < t.end);
    for (const t of wholeSpans(text)) if (!inUser(t)) out.push(t);
    return out.sort((a, b) => a.start - b.start);
  }

  /** Words only: no spaces. */
  words(text: string, script: Script): string[] {
    const out: string[] = [];
    this.walk(text, script, null, out);
    return out;
  }
}
