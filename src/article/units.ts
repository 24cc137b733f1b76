import type { Language, TextFile } from './types.js';

/** One paragraph of one language, as found in a file. */
export interface Unit {
  lang: Language;
  text: string;
  file: string;
  line: number;
  caption: boolean;
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

const CAPTION = /^\s*\[\d+\/\d+\]\s*/;
const ENDS_SENTENCE = /[.!?。！？…」』”"'’)）:：]\s*$/;

function join(a: string, b: string, lang: Language): string {
  if (lang === 'en') return `${a} ${b}`;
  // Chinese lines join without a space, unless Latin words would run together.
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/**
 * A file's paragraphs. Without blank lines every line is a paragraph (the seed's layout).
 * With blank lines, a line that stops mid-sentence continues on the next line of the same
 * language (hard-wrapped text).
 */
export function toUnits(file: TextFile): Unit[] {
  const lines = file.text.split('\n');
  const blankSeparated = lines.some((l, i) => l.trim() === '' && i > 0 && i < lines.length - 1 && lines[i - 1]!.trim() !== '');
  const units: Unit[] = [];
  let previousBlank = true;
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
    if (blankSeparated && !previousBlank && last && last.lang === lang && !caption && !ENDS_SENTENCE.test(last.text)) {
      last.text = join(last.text, text, lang);
    } else {
      units.push({ lang, text, file: file.file, line: i + 1, caption });
    }
    previousBlank = false;
  });
  return units;
}

/** A paragraph as compared for repeats: whitespace and punctuation width do not make it different. */
export const comparable = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
