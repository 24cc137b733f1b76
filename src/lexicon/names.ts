// Names spelled in pinyin, detected once for the aligner and the glosser: on the English side,
// the runs of capitalised words that may spell a Chinese name (Guo Jiakun → guojiakun); on the
// Chinese side, the toneless spellings a run of characters may have (郭家坤 → guojiakun).
import { pinyinLetters } from '../pinyin/index.js';
import type { EnglishToken } from './english.js';
import type { LexiconEntry } from './types.js';

/** A run of English words that may spell a name: tokens [first, last], their letters run together in lower case. */
export interface NameRun {
  first: number;
  last: number;
  letters: string;
}

/**
 * Every way an English sentence may spell a name: a capitalised word, or two or three in a row
 * with nothing but a space between (each capitalised, or a hyphenated given name: Mei-ling),
 * as lower-case letters run together. In token order, shorter runs first.
 */
export function nameRuns(tokens: readonly EnglishToken[], text: string): NameRun[] {
  const out: NameRun[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let letters = '';
    for (let k = i; k < Math.min(tokens.length, i + 3); k++) {
      const t = tokens[k]!;
      const hyphenated = k > i && text[t.start - 1] === '-';
      if (!(/^[A-Z]/.test(t.text) || hyphenated) || (k > i && t.start - tokens[k - 1]!.end > 1)) break;
      letters += t.text.toLowerCase().replace(/[^a-z]/g, '');
      out.push({ first: i, last: k, letters });
    }
  }
  return out;
}

/** Whether every word of a run is written as pinyin is (Guo, Jiakun; not TikTok or US). */
export function isPinyinShaped(tokens: readonly EnglishToken[], run: NameRun): boolean {
  for (let k = run.first; k <= run.last; k++) if (!/^[A-Z][a-z]+$/.test(tokens[k]!.text)) return false;
  return true;
}

/** How a lexicon spells characters in pinyin: from the readings of its single-character entries. */
export class PinyinSpeller {
  private readonly letters = new Map<string, string[]>();

  constructor(private readonly lookup: (word: string, limit?: number) => LexiconEntry[]) {}

  /** A character's first two readings as bare letters (行 → xing, hang), remembered. */
  readingLetters(ch: string): string[] {
    let r = this.letters.get(ch);
    if (!r) {
      r = [...new Set(this.lookup(ch, 2).slice(0, 2).map((e) => pinyinLetters(e.pinyin)))].filter(Boolean);
      this.letters.set(ch, r);
    }
    return r;
  }

  /**
   * How English might spell a run of Han characters in pinyin, without tones or spaces
   * (杭州 → hangzhou, 郭家坤 → guojiakun): every combination of each character's first two
   * readings, at most `limit` of them.
   */
  spellings(text: string, limit = 8): string[] {
    let forms = [''];
    for (const ch of text) {
      const readings = this.readingLetters(ch);
      if (readings.length === 0) return [];
      forms = forms.flatMap((f) => readings.map((r) => f + r)).slice(0, limit);
    }
    return forms;
  }

  /**
   * Whether some run of 1–3 consecutive characters of `han` spells the letters, one reading per
   * character: how English writes a Chinese name (郭家坤 → guojiakun). Remembered per letters.
   */
  speller(han: string[]): (letters: string) => boolean {
    const memo = new Map<string, boolean>();
    const from = (i: number, rest: string, depth: number): boolean => {
      if (rest === '') return true;
      if (depth === 3 || i >= han.length) return false;
      return this.readingLetters(han[i]!).some((r) => rest.startsWith(r) && from(i + 1, rest.slice(r.length), depth + 1));
    };
    // Where a spelling can start, by the first letter of a reading there: the aligner asks
    // about every capitalised word against every sentence near it, and most letters start
    // at none of a sentence's characters.
    let starts: Map<string, number[]> | undefined;
    const startsOf = (letter: string): number[] => {
      if (!starts) {
        starts = new Map();
        for (let i = 0; i < han.length; i++) {
          for (const r of this.readingLetters(han[i]!)) {
            const at = starts.get(r[0]!) ?? starts.set(r[0]!, []).get(r[0]!)!;
            if (at[at.length - 1] !== i) at.push(i);
          }
        }
      }
      return starts.get(letter) ?? [];
    };
    return (letters) => {
      let v = memo.get(letters);
      if (v === undefined) {
        v = letters === '' ? han.length > 0 : startsOf(letters[0]!).some((i) => from(i, letters, 0));
        memo.set(letters, v);
      }
      return v;
    };
  }
}

const spellers = new WeakMap<object, PinyinSpeller>();

/** The speller of a lexicon, one per lexicon so that its readings are looked up once. */
export function pinyinSpeller(lexicon: { lookup(word: string, limit?: number): LexiconEntry[] }): PinyinSpeller {
  let s = spellers.get(lexicon);
  if (!s) spellers.set(lexicon, (s = new PinyinSpeller((w, limit) => lexicon.lookup(w, limit))));
  return s;
}
