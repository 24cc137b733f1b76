// CC-CEDICT writes pinyin with tone numbers ("lu:e4", "r5"); learners read tone marks.

const MARKS: Record<string, readonly [string, string, string, string]> = {
  a: ['ā', 'á', 'ǎ', 'à'],
  e: ['ē', 'é', 'ě', 'è'],
  i: ['ī', 'í', 'ǐ', 'ì'],
  o: ['ō', 'ó', 'ǒ', 'ò'],
  u: ['ū', 'ú', 'ǔ', 'ù'],
  ü: ['ǖ', 'ǘ', 'ǚ', 'ǜ'],
  ê: ['ê̄', 'ế', 'ê̌', 'ề'],
  // Syllabic nasals (呣 m2, 嗯 ng2) carry the mark on the consonant; some forms exist only
  // with a combining diacritic.
  m: ['m̄', 'ḿ', 'm̌', 'm̀'],
  n: ['n̄', 'ń', 'ň', 'ǹ'],
};

const VOWELS = 'aeiouüê';

/** Where the tone mark goes in a toneless syllable (lower-case): the standard placement rules. */
function markIndex(syllable: string): number {
  const lower = syllable.toLowerCase();
  for (const v of ['a', 'e', 'ê']) {
    const i = lower.indexOf(v);
    if (i >= 0) return i;
  }
  const ou = lower.indexOf('ou');
  if (ou >= 0) return ou;
  for (let i = lower.length - 1; i >= 0; i--) {
    if (VOWELS.includes(lower[i]!)) return i;
  }
  // No vowel: a syllabic nasal (m, n, ng, hm, hng).
  const nasal = lower.search(/[mn]/);
  return nasal;
}

function applyMark(ch: string, tone: number): string {
  const lower = ch.toLowerCase();
  const row = MARKS[lower];
  if (!row) return ch;
  const marked = row[tone - 1]!;
  return ch === lower ? marked : marked.normalize('NFD').replace(/^./, (c) => c.toUpperCase()).normalize('NFC');
}

/**
 * One CEDICT syllable to tone-mark form. Anything that is not a numbered syllable
 * (a Latin letter such as the "K" of K歌, a digit string such as the "11" of 11區,
 * punctuation) passes through unchanged.
 */
export function markSyllable(raw: string): string {
  // A few entries run syllables together (兛 "qian1ke4"): mark each.
  if (/^([A-Za-z:^]+[1-5]){2,}$/.test(raw)) return raw.replace(/[A-Za-z:^]+[1-5]/g, markSyllable);
  const m = /^([A-Za-zü:^]+?)([1-5])$/.exec(raw);
  if (!m) return raw.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
  const tone = Number(m[2]);
  let body = m[1]!.replace(/u:/g, 'ü').replace(/U:/g, 'Ü').replace(/e\^/g, 'ê').replace(/E\^/g, 'Ê').replace(/v/g, 'ü');
  if (body.toLowerCase() === 'r' && tone === 5) return body; // erhua: 兒 r5 → r
  if (body.toLowerCase() === 'xx') return body; // CEDICT's placeholder for an unknown reading
  if (tone === 5) return body;
  const i = markIndex(body);
  if (i < 0) return body;
  body = body.slice(0, i) + applyMark(body[i]!, tone) + body.slice(i + 1);
  return body;
}

/** A CEDICT pinyin field ("Fang2 huo3 Chang2 cheng2") to tone marks ("Fáng huǒ Cháng chéng"). */
export function markPinyin(numbered: string): string {
  return numbered
    .trim()
    .split(/\s+/)
    .filter((s) => s.length > 0)
    .map(markSyllable)
    .join(' ');
}

const COMBINING_TONE: Record<string, number> = { '\u0304': 1, '\u0301': 2, '\u030C': 3, '\u0300': 4 };

const tones = new Map<string, number>();

/** The tone (1–5) of a tone-marked syllable; 5 for a neutral tone, 0 when it is not pinyin. */
export function toneOf(syllable: string): number {
  let t = tones.get(syllable);
  if (t === undefined) {
    const nfd = syllable.normalize('NFD');
    t = /[a-zü]/i.test(nfd) ? 5 : 0;
    for (const ch of nfd) t = COMBINING_TONE[ch] ?? t;
    if (tones.size < 10_000) tones.set(syllable, t);
  }
  return t;
}

/** Pinyin in any case and with or without marks, reduced to bare letters for comparison ("Háng zhōu" → "hangzhou"). */
export function pinyinLetters(pinyin: string): string {
  return pinyin
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
