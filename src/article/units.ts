import type { Language, TextFile } from './types.js';

/** One paragraph of one language, as found in a file. */
export interface Unit {
  lang: Language;
  text: string;
  file: string;
  line: number;
  caption: boolean;
  /** A heading (a page's h1–h6, a block's title line): its own pair, of kind title. */
  heading?: boolean;
}

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z][A-Za-z'’-]*/g;

/** Chinese when Han characters outweigh Latin words: 「在 TikTok 上」 is Chinese, "Known as 小紅書" English. */
export function languageOf(text: string): Language | null {
  const han = text.match(HAN)?.length ?? 0;
  const words = text.match(LATIN_WORD)?.length ?? 0;
  if (han === 0 && words === 0) return null;
  return han >= Math.max(1, words * 0.6) ? 'zh' : 'en';
}

export const hasHan = (text: string) => /\p{Script=Han}/u.test(text);
export const latinWords = (text: string) => text.match(LATIN_WORD)?.length ?? 0;
export const hanCount = (text: string) => text.match(HAN)?.length ?? 0;

const CAPTION = /^\s*\[\d+\/\d+\]\s*/;
const ENDS_SENTENCE = /[.!?。！？…」』”"'’)）:：]\s*$/;

/** Text that reads like a title: short, and not ending a sentence. */
export const looksLikeTitle = (text: string) => text.length <= 160 && !/[.!?。！？,，;；:：]["'”’」』)）]?$/.test(text.trim());

/** Joins two pieces of one paragraph: a space between English words, none between Chinese characters. */
export function joinText(a: string, b: string, lang: Language): string {
  if (lang === 'en') return `${a} ${b}`;
  // Chinese lines join without a space, unless Latin words would run together.
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/**
 * Whether a block's first line is its title rather than the start of a hard-wrapped paragraph:
 * it reads like a title, and what follows starts afresh (English: a capital; Chinese, which
 * wraps at a fixed width: a line clearly longer than the title).
 */
function titleBeforeParagraph(title: string, next: string, lang: Language): boolean {
  if (!looksLikeTitle(title)) return false;
  if (lang === 'en') return /^["'“‘(]?[A-Z0-9]/.test(next);
  return [...title].length <= 0.8 * [...next].length;
}

/**
 * A file's paragraphs. Without blank lines every line is a paragraph (the seed's layout).
 * With blank lines, a line that stops mid-sentence continues on the next line of the same
 * language (hard-wrapped text), except after the title line a block starts with.
 */
export function toUnits(file: TextFile): Unit[] {
  const lines = file.text.split('\n');
  const blankSeparated = lines.some((l, i) => l.trim() === '' && i > 0 && i < lines.length - 1 && lines[i - 1]!.trim() !== '');
  const units: Unit[] = [];
  let previousBlank = true;
  let lastLines = 0; // how many lines the last unit was made of
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '').replace(/^\uFEFF/, '');
    if (line.trim() === '') {
      previousBlank = true;
      return;
    }
    const caption = CAPTION.test(line);
    const text = line.replace(CAPTION, '').trim();
    const lang = languageOf(text);
    if (!lang) return; // a rule of dashes, a lone number
    const last = units[units.length - 1];
    const blockStart = last !== undefined && lastLines === 1 && units[units.length - 2]?.lang !== last.lang;
    const joins =
      blankSeparated && !previousBlank && last && last.lang === lang && !caption && !ENDS_SENTENCE.test(last.text) &&
      !(blockStart && titleBeforeParagraph(last.text, text, lang));
    if (joins) {
      last.text = joinText(last.text, text, lang);
      lastLines++;
    } else {
      units.push({ lang, text, file: file.file, line: i + 1, caption });
      lastLines = 1;
    }
    previousBlank = false;
  });
  return units;
}

/** A paragraph as compared for repeats: whitespace and punctuation width do not make it different. */
export const comparable = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

// Abbreviations after which a full stop does not end an English sentence.
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Mt|No|vs|etc|Inc|Ltd|Co|Gen|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)|\b[A-Z]|\.[A-Za-z])\.$/;

/**
 * A text's sentences, roughly: what the readers need to tell how many sentences a piece holds
 * (align/ splits for real). English ends at . ! ? … before a capital; Chinese at 。！？.
 */
export function roughSentences(text: string, lang: Language): string[] {
  const out: string[] = [];
  if (lang === 'zh') {
    for (const m of text.matchAll(/[^。！？!?]+(?:[。！？!?]+[」』”"’)）]*|$)/g)) if (m[0].trim()) out.push(m[0].trim());
    return out;
  }
  let start = 0;
  for (const m of text.matchAll(/[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])/g)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1 && ABBREVIATION.test(text.slice(start, end))) continue;
    out.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
