// Numbers are the surest evidence that two sentences translate each other: "170 million" is
// "1.7 億", "thirty years" is "三十多年".

const EN_SMALL: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
  dozen: 12, twice: 2, half: 0.5, first: 1,
};
const EN_SCALE: Record<string, number> = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const EN_NUMBER = new RegExp(
  `(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s*(hundred|thousand|million|billion|trillion)\\b)?|\\b(${Object.keys(EN_SMALL).join('|')})(?:[\\s-]+(hundred|thousand|million|billion))?\\b`,
  'gi',
);

const key = (n: number) => String(Number(n.toPrecision(6)));

/** Numeric values mentioned in an English sentence (1 excluded: "one" is rarely a number there). */
export function englishNumbers(text: string): string[] {
  const out: string[] = [];
  const re = EN_NUMBER;
  for (const m of text.matchAll(re)) {
    let v: number | undefined;
    if (m[1]) v = Number(m[1].replace(/,/g, ''));
    else if (m[3]) v = EN_SMALL[m[3].toLowerCase()];
    if (v === undefined || !Number.isFinite(v)) continue;
    const scale = (m[2] ?? m[4])?.toLowerCase();
    if (scale) v *= EN_SCALE[scale]!;
    if (v !== 1) out.push(key(v));
  }
  return out;
}

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 萬: 1e4, 万: 1e4, 億: 1e8, 亿: 1e8 };

/** 三十 → 30, 七十萬 → 700000, 二〇二五 → 2025. */
export function parseChineseNumeral(s: string): number {
  if ([...s].every((c) => c in DIGIT) && s.length > 1) return Number([...s].map((c) => DIGIT[c]).join(''));
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of s) {
    if (c in DIGIT) digit = DIGIT[c]!;
    else if (c in UNIT) {
      section += (digit || 1) * UNIT[c]!;
      digit = 0;
    } else if (c in BIG) {
      total += (section + digit) * BIG[c]!;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** Numeric values in a Chinese sentence: Arabic digits (with 萬/億 after them) and Chinese numerals. */
export function chineseNumbers(text: string): string[] {
  const out: string[] = [];
  const re = /(\d[\d,]*(?:\.\d+)?)\s*([萬万億亿千百])?|([零〇一二兩两三四五六七八九十百千萬万億亿]+)/g;
  for (const m of text.matchAll(re)) {
    let v: number;
    if (m[1]) {
      v = Number(m[1].replace(/,/g, ''));
      if (m[2]) v *= ({ ...BIG, 千: 1e3, 百: 1e2 } as Record<string, number>)[m[2]]!;
    } else {
      const s = m[3]!;
      // A lone 一/十/百/千/萬 is mostly part of a word (一些, 十分, 千萬), not a count.
      if (s.length === 1 && !/[二兩两三四五六七八九]/.test(s)) continue;
      v = parseChineseNumeral(s);
    }
    if (Number.isFinite(v) && v !== 1) out.push(key(v));
  }
  return out;
}
