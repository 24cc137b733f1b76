// The numeral pass: a Chinese numeral is rendered by the English number of the same value,
// written in digits or in words (三 → "three", 第十一 → "11" in "Article 11", 十三 → "13",
// 一九六几 → "sixties"). The dictionary cannot say this: CC-CEDICT has no entry for most
// numerals, and numbers are function words to the glosser (一 二 三 are everywhere), so this
// pass looks at the value, not at senses.
import type { EnglishContext, GlossMatch } from './gloss.js';

export const NUMBER_PARAMS = {
  /** A number of the same value: as sure as a dictionary word (dictionary matches score about 1–3). */
  score: 2,
  /** The largest value read (a numeral past it is a date or an amount, written otherwise). */
  max: 1e9,
};

const DIGITS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  〇: 0, 零: 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
});
const UNITS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, { 十: 10, 百: 100, 千: 1000 });
const MYRIADS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, { 萬: 1e4, 万: 1e4, 億: 1e8, 亿: 1e8 });

/**
 * What a Chinese numeral says: its value, whether it is an ordinal (第…), and whether it names
 * a decade (一九六几, a year with 几 for its last digit). Null when the text is not a numeral.
 */
export interface Numeral {
  value: number;
  ordinal: boolean;
  decade: boolean;
}

export function readNumeral(text: string): Numeral | null {
  const ordinal = text.startsWith('第');
  const body = ordinal ? text.slice(1) : text;
  if (body.length === 0) return null;
  const chars = [...body];
  // A year written digit by digit (一九八九), its last digit 几 for a decade (一九六几). Two
  // digits in a row are an estimate (两三 "two or three"), not a number.
  if (chars.length >= 2 && chars.every((c) => c in DIGITS || c === '几' || c === '幾')) {
    if (chars.length === 2 || chars.includes('两') || chars.includes('兩')) return null;
  }
  if (chars.length >= 3 && chars.every((c, i) => c in DIGITS || (i === chars.length - 1 && (c === '几' || c === '幾')))) {
    const decade = !(chars.at(-1)! in DIGITS);
    if (decade && chars.length !== 4) return null;
    const value = Number((decade ? chars.slice(0, -1) : chars).map((c) => DIGITS[c]).join('')) * (decade ? 10 : 1);
    return { value, ordinal, decade };
  }
  // Place-value numerals: 十三, 二十, 三百五十, 七十萬.
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of chars) {
    if (c in DIGITS) {
      if (digit !== null) return null; // two digits in a row outside a year: not a numeral
      digit = DIGITS[c]!;
    } else if (c in UNITS) {
      section += (digit ?? 1) * UNITS[c]!;
      digit = null;
    } else if (c in MYRIADS) {
      total += (section + (digit ?? 0)) * MYRIADS[c]!;
      section = 0;
      digit = null;
    } else return null;
  }
  const value = total + section + (digit ?? 0);
  return value > NUMBER_PARAMS.max ? null : { value, ordinal, decade: false };
}

const ONES = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const ORDINAL_ONES = 'zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth'.split(' ');
const ORDINAL_TENS = 'twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth'.split(' ');

/** The English words for a value below a hundred ("twenty-eight" as its two words), cardinal or ordinal. */
function numberWords(value: number, ordinal: boolean): string[] | null {
  if (value < 20) return [(ordinal ? ORDINAL_ONES : ONES)[value]!];
  if (value >= 100) return null;
  const tens = Math.floor(value / 10) - 2;
  const ones = value % 10;
  if (ones === 0) return [(ordinal ? ORDINAL_TENS : TENS)[tens]!];
  return [TENS[tens]!, (ordinal ? ORDINAL_ONES : ONES)[ones]!];
}

/**
 * The English spans that write a numeral's value: its digits ("11", "1989"; an ordinal also
 * "11th"), its words ("three", "twenty-eight", "first"), a decade's word or digits ("sixties",
 * "1960s", "'60s").
 */
export function numberMatches(numeral: Numeral, ctx: EnglishContext, params = NUMBER_PARAMS): GlossMatch[] {
  const out: GlossMatch[] = [];
  const toks = ctx.tokens;
  const at = (start: number, end: number) => out.push({ start, end, score: params.score, evidence: 'number' });
  const { value, ordinal, decade } = numeral;
  if (decade) {
    const word = value % 100 >= 20 ? `${TENS[Math.floor((value % 100) / 10) - 2]!.slice(0, -1)}ies` : null;
    const short = `${String(value % 100).padStart(2, '0')}s`;
    for (const t of toks) {
      const w = t.text.toLowerCase();
      if (w === word || w === `${value}s` || w === short) at(t.start, t.end);
    }
    return out;
  }
  const digits = String(value);
  const words = numberWords(value, ordinal);
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i]!.text.toLowerCase();
    if (w === digits || (ordinal && /^\d+(st|nd|rd|th)$/.test(w) && w.slice(0, -2) === digits)) at(toks[i]!.start, toks[i]!.end);
    else if (words && w === words[0]) {
      // A two-word number is written with a hyphen: twenty-eight.
      if (words.length === 1) at(toks[i]!.start, toks[i]!.end);
      else if (toks[i + 1]?.text.toLowerCase() === words[1] && ctx.text[toks[i + 1]!.start - 1] === '-' && toks[i + 1]!.start === toks[i]!.end + 1) {
        at(toks[i]!.start, toks[i + 1]!.end);
      }
    }
  }
  return out;
}
