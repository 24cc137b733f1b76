import type { Script } from '../article/index.js';
import { applyRules, DEFAULT_RULES, type SegmentRules } from './rules.js';
import { kindOf, wholeSpans, type Token } from './tokens.js';

/** What the segmenter needs from jieba: a cut of Simplified text into words that spell it. */
export interface WordCutter {
  cut(text: string, hmm: boolean): string[];
}

/** Traditional → Simplified, character for character (so that offsets carry over). */
export type ToSimplified = (text: string) => string;

/**
 * Chinese word segmentation. jieba's dictionary is Simplified, so Traditional text is
 * converted first, cut, and the original sliced at the same offsets: 防火長城 stays one
 * word instead of 長/城. Numbers, Latin words and dash runs are words by rule (see tokens.ts).
 */
export class Segmenter {
  constructor(
    private readonly cutter: WordCutter,
    private readonly toSimplified: ToSimplified,
    private readonly rules: SegmentRules = DEFAULT_RULES,
  ) {}

  segment(text: string, script: Script): Token[] {
    let simplified = script === 'traditional' ? this.toSimplified(text) : text;
    // The conversion keeps the character count; if it ever does not, cut the original.
    if (simplified.length !== text.length) simplified = text;
    const out: Token[] = [];
    let at = 0;
    const cutRun = (end: number) => {
      if (end <= at) return;
      for (const w of applyRules(this.cutter.cut(simplified.slice(at, end), true), this.rules)) {
        const n = w.text.length;
        const t = text.slice(at, at + n);
        out.push({ text: t, start: at, end: at + n, kind: w.measure ? 'measure' : kindOf(t) });
        at += n;
      }
    };
    for (const span of wholeSpans(text)) {
      cutRun(span.start);
      out.push(span);
      at = span.end;
    }
    cutRun(text.length);
    return out;
  }

  /** Words only: no spaces. */
  words(text: string, script: Script): string[] {
    return this.segment(text, script)
      .filter((t) => t.kind !== 'space')
      .map((t) => t.text.trim());
  }
}
