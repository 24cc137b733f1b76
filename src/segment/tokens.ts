/** A word (or a run of punctuation, digits, spaces) with its offsets in the original text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
}

/** `measure`: a measure word right after a number (70 萬名, 120 種), grammar rather than vocabulary. */
export type TokenKind = 'han' | 'latin' | 'number' | 'measure' | 'punct' | 'space';

const HAN = /\p{Script=Han}/u;
const isHanUnit = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);

/** Whether every character is a Han character of the Basic Multilingual Plane: no regular expression to compile. */
export function isAllHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isHanUnit(text.charCodeAt(i))) return false;
  return text.length > 0;
}

export function kindOf(text: string): TokenKind {
  const c = text.charCodeAt(0);
  // The common case first, by code unit: a word of Han characters (not a Chinese year).
  if (isHanUnit(c) && c !== 0x3007 && !/^[零一二三四五六七八九]{4}年$/.test(text)) return 'han';
  if (/^\s+$/u.test(text)) return 'space';
  if (/^[0-9０-９〇○]/.test(text) || /^[零一二三四五六七八九]{4}年$/.test(text)) return 'number';
  if (HAN.test(text)) return 'han';
  if (/[A-Za-zＡ-Ｚａ-ｚ]/.test(text)) return 'latin';
  return 'punct';
}

const D = '[0-9０-９]';
// A number is one word with its decimals, thousands separators, magnitude and unit:
// 1.7 億, 70 萬, 700,000, 2025 年, ２００１年, １７％. A year in Chinese numerals: 二○○一年.
const NUMBER = `${D}+(?:[.．]${D}+)?(?:[,，]${D}{3}(?!${D}))*(?: ?[千百]?[萬万億亿])?(?: ?[年月日號号時时點点分秒歲岁%％‰])?`;
const YEAR = '[〇○零一二三四五六七八九]{4}年';
// A decimal written in Chinese numerals is one number with its percent sign: 三．六％, 廿四．五.
const DECIMAL = '[〇○零一二三四五六七八九十百千萬万廿卅]+[.．・][〇○零一二三四五六七八九]+[%％]?';
// Latin words stay whole, full-width letters too (ＴＯＥＦＬ): jieba splits the latter one by one.
const LATIN = "[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ0-9０-９]*(?:['’\\-][A-Za-zＡ-Ｚａ-ｚ]+)*";
// A dash or ellipsis written as a run is one mark.
const RUN = '(?<mark>[—─…·～])\\k<mark>+';
// A measure word right after a number is a word of its own (120 種|種子, 70 萬名|新用戶): left to
// jieba, it would pair with the next character instead.
const MEASURES = new Set([...'個个種种名位件本張张條条隻只包次座家頭头匹輛辆架枝把塊块片篇項项間间所則则份']);
const WHOLE = new RegExp(`(?<number>${NUMBER})|${YEAR}|(?<decimal>${DECIMAL})|${LATIN}|${RUN}`, 'gu');

/** Spans that are words by rule, whatever the dictionary says. */
export function wholeSpans(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WHOLE)) {
    const end = m.index + m[0].length;
    out.push({ text: m[0], start: m.index, end, kind: m.groups?.decimal ? 'number' : kindOf(m[0]) });
    if (!m.groups?.number) continue;
    const at = text[end] === ' ' ? end + 1 : end;
    if (MEASURES.has(text[at] ?? '')) out.push({ text: text[at]!, start: at, end: at + 1, kind: 'measure' });
  }
  return out;
}
