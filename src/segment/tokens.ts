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

// A Chinese year (二〇〇一年 spelt 二○○一 or 一九九八年): four digits in Chinese numerals and 年, by code unit.
const YEAR_DIGIT = new Uint8Array(65536);
for (const c of '零一二三四五六七八九') YEAR_DIGIT[c.charCodeAt(0)] = 1;
const isChineseYear = (t: string) =>
  t.length === 5 && YEAR_DIGIT[t.charCodeAt(0)] === 1 && YEAR_DIGIT[t.charCodeAt(1)] === 1 && YEAR_DIGIT[t.charCodeAt(2)] === 1 && YEAR_DIGIT[t.charCodeAt(3)] === 1 && t.charCodeAt(4) === 0x5e74;

const KINDS: TokenKind[] = ['han', 'latin', 'number', 'measure', 'punct', 'space'];
// A token of one code unit (most punctuation, many words) has the kind of its character:
// worked out once per character by the regular expressions below, then looked up.
const ONE_UNIT = new Uint8Array(65536);

export function kindOf(text: string): TokenKind {
  const c = text.charCodeAt(0);
  // The common case first, by code unit: a word of Han characters (not a Chinese year).
  if (isHanUnit(c) && c !== 0x3007 && !isChineseYear(text)) return 'han';
  if (text.length !== 1) return kindByPattern(text);
  if (ONE_UNIT[c] === 0) ONE_UNIT[c] = 1 + KINDS.indexOf(kindByPattern(text));
  return KINDS[ONE_UNIT[c]! - 1]!;
}

function hasUnitFrom(text: string, from: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= from) return true;
  return false;
}

function kindByPattern(text: string): TokenKind {
  if (/^\s+$/u.test(text)) return 'space';
  if (/^[0-9０-９〇○]/.test(text) || isChineseYear(text)) return 'number';
  // Every Han character (radicals, 〇, 々 and the ideographs) is at U+2E80 or above: a Latin word or a
  // number is told without running, or compiling, the Unicode-property expression.
  if (hasUnitFrom(text, 0x2e80) && HAN.test(text)) return 'han';
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
const WHOLE = `(?<number>${NUMBER})|${YEAR}|(?<decimal>${DECIMAL})|${LATIN}|${RUN}`;

// Where a match of WHOLE can start. 1: a digit, a Latin letter, a dash or ellipsis, always
// tried; 2: a Chinese numeral, which starts a match (a year, a decimal) only when the run of
// numerals it begins ends in 年 or a decimal point. Most characters of a text are neither, and
// the regular expression runs only where one is (sticky, at that position): the same matches
// as a scan of the whole text, found in a tenth of the time.
const WHOLE_AT = new RegExp(WHOLE, 'uy');
const CAN_START = new Uint8Array(65536);
const DECIMAL_DIGITS = '〇○零一二三四五六七八九十百千萬万廿卅';
for (const c of DECIMAL_DIGITS) CAN_START[c.charCodeAt(0)] = 2;
for (const c of '0123456789０１２３４５６７８９—─…·～') CAN_START[c.charCodeAt(0)] = 1;
for (let c = 0; c < 26; c++) for (const base of [0x41, 0x61, 0xff21, 0xff41]) CAN_START[base + c] = 1;
const IN_NUMERAL_RUN = new Uint8Array(65536);
for (const c of DECIMAL_DIGITS) IN_NUMERAL_RUN[c.charCodeAt(0)] = 1;
const ENDS_NUMERAL_RUN = new Uint8Array(65536);
for (const c of '年.．・') ENDS_NUMERAL_RUN[c.charCodeAt(0)] = 1;

/** Spans that are words by rule, whatever the dictionary says. */
export function wholeSpans(text: string): Token[] {
  const out: Token[] = [];
  // The end of the run of Chinese numerals the position is in (YEAR's digits are DECIMAL's too).
  let runEnd = -1;
  for (let p = 0; p < text.length; ) {
    const start = CAN_START[text.charCodeAt(p)];
    if (start === 0) {
      p++;
      continue;
    }
    if (start === 2) {
      if (p >= runEnd) for (runEnd = p + 1; runEnd < text.length && IN_NUMERAL_RUN[text.charCodeAt(runEnd)]; runEnd++);
      if (runEnd === text.length || !ENDS_NUMERAL_RUN[text.charCodeAt(runEnd)]) {
        p++;
        continue;
      }
    }
    WHOLE_AT.lastIndex = p;
    const m = WHOLE_AT.exec(text);
    if (!m) {
      p++;
      continue;
    }
    const end = p + m[0].length;
    // A number (it starts with a digit) and a decimal are numbers; the rest are told by kindOf.
    out.push({ text: m[0], start: p, end, kind: m.groups?.number || m.groups?.decimal ? 'number' : kindOf(m[0]) });
    p = end;
    if (!m.groups?.number) continue;
    // Reads stay inside the text: one past its end cost the compiled code a deoptimisation.
    const at = end < text.length && text.charCodeAt(end) === 0x20 ? end + 1 : end;
    if (at < text.length && MEASURES.has(text[at]!)) out.push({ text: text[at]!, start: at, end: at + 1, kind: 'measure' });
  }
  return out;
}
