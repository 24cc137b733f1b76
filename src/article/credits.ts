// What news pages print around an article that is not article text: bylines, photo credits,
// copyright lines, "Reporting by" notes, sign-ups. Such paragraphs (and sentences) are
// boilerplate: kept, so that nothing is lost, but never cards.
import type { Language, Layout, ParagraphKind, ParagraphPair } from './types.js';
import { looksLikeTitle, roughSentences } from './units.js';

/**
 * A credit pattern and what a sentence must hold for it to be worth trying: compiling these
 * patterns cost some 4 ms of a cold build, most of it on patterns an ordinary sentence never needs.
 */
interface Credit {
  needs: (t: string) => boolean;
  pattern: RegExp;
}

const EN_CREDITS: Credit[] = [
  // Reporting by …; Photographs by …; Editing by …
  {
    needs: (t) => / by\b/i.test(t),
    pattern: /^\(?(additional |further )?(reporting|writing|editing|edited|compiled|produced|translated|translation|photos?|photographs?|photography|pictures?|images?|video|graphics?|illustrations?|research)( and \w+)? by\b/i,
  },
  { needs: (t) => /[:：]/.test(t), pattern: /^(photo|picture|image|illustration|graphic|video|source|credit|courtesy|file photo)s?( credits?)?\s*[:：]/i },
  { needs: (t) => /^[c©(]/i.test(t), pattern: /^(copyright\b|©|\(c\)\s)/i },
  { needs: (t) => /reserved\.?$/i.test(t), pattern: /\ball rights reserved\.?$/i },
  { needs: (t) => /^our/i.test(t), pattern: /^our standards:/i },
  // A date line: "March 3, 2026", "Updated: Mon, 3 March 2026 10:30 GMT".
  {
    needs: (t) => t.length <= 80 && /\d{4}/.test(t),
    pattern:
      /^((updated|published|posted)( on)?:?\s*)?((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2},?\s+)?\d{4}(,?\s+\d{1,2}:\d{2}(\s?[ap]\.?m\.?)?)?(\s+[A-Z]{2,5})?$/i,
  },
  // An agency's credit, then a name: REUTERS/Dado Ruvic/Illustration, AP Photo/Jane Doe, AFP/Getty Images (not "EU/UK deal").
  {
    needs: (t) => t.includes('/'),
    pattern: /^(?:[A-Z]{2,}[A-Z-]*(?: [A-Z]{2,}[A-Z-]*)*(?: Photo)?|Getty Images|Xinhua|Reuters)\s?\/\s?[A-Z][\p{Ll}'’-]+(?: [A-Z][\p{Ll}'’-]+)+(?:\s?\/.*)?$/u,
  },
  { needs: (t) => t.endsWith('Rights'), pattern: /\bPurchase Licen[cs]ing Rights$/ },
];

// Chinese credits: 記者…／台北報導, 圖／…, 責任編輯：…, 版權所有.
const ZH_CREDITS: RegExp[] = [
  /^[（(【[]?\s*(記者|记者|編輯|编辑|責任編輯|责任编辑|責編|责编|編譯|编译|攝影|摄影|圖|图|圖片|图片|圖片來源|图片来源|照片|來源|来源|資料來源|资料来源|翻譯|翻译|譯者|译者|撰文|作者|校對|校对|審校|审校)\s*[:：／/|｜]/,
  /版權所有|版权所有|未經授權|未经授权|不得轉載|不得转载|購買授權|购买授权|©/,
  /^[（(][^（）()]{0,40}(報導|报道|電|电)[）)]$/,
  /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(\s*\d{1,2}[:：]\d{2})?$/,
];

/** "By Lena Marsh, Transport Correspondent": a name of two to four words, no sentence. */
const isByline = (text: string) =>
  text.length <= 80 && !/[.!?]$/.test(text) && /^By (?:[A-Z][\p{L}'’.-]+ ){1,3}[A-Z][\p{L}'’.-]+(?:$|,| and )/u.test(text);

function isCreditSentence(text: string, lang: Language): boolean {
  const t = text.trim();
  if (lang === 'zh') return t.length <= 80 && ZH_CREDITS.some((r) => r.test(t));
  return t.length <= 200 && ((t.startsWith('By ') && isByline(t)) || EN_CREDITS.some((c) => c.needs(t) && c.pattern.test(t)));
}

/** A credit, byline or copyright line: every sentence of it is one. */
export function isCredit(text: string, lang: Language): boolean {
  const sentences = roughSentences(text.replace(/\n/g, ' '), lang);
  return sentences.length > 0 && sentences.every((s) => isCreditSentence(s, lang));
}

/** A pair is a credit when its English is (or, with no English, its Chinese). */
const pairIsCredit = (en: string | null, zh: string | null) => (en ? isCredit(en, 'en') : zh ? isCredit(zh, 'zh') : false);

/** The kind of one sentence pair of a paragraph: a credit inside a caption or paragraph is boilerplate. */
export const sentenceKind = (paragraph: ParagraphKind, en: string, zh: string): ParagraphKind =>
  paragraph !== 'boilerplate' && pairIsCredit(en || null, zh || null) ? 'boilerplate' : paragraph;

// What news sites append to an article: sign-ups, credits, standards notices.
const TRAILER =
  /\b(sign up|subscribe|newsletter|(additional )?reporting by|writing by|editing by|edited by|our standards|all rights reserved|follow us|read more|click here|copyright)\b|©/i;

/**
 * Marks the kinds a layout did not: the first paragraph is the title when it reads like one
 * (pages mark theirs by their headings); credits anywhere are boilerplate, and so is the
 * run of untranslated sign-ups and notices an article ends with.
 */
export function markKinds(pairs: ParagraphPair[], layout: Layout): void {
  for (const p of pairs) if (p.kind !== 'title' && pairIsCredit(p.en, p.zh)) p.kind = 'boilerplate';
  const first = pairs[0];
  if (layout !== 'html' && first && first.kind === 'body' && looksLikeTitle(first.en ?? first.zh ?? '')) first.kind = 'title';
  if (layout !== 'interleaved' && layout !== 'html') return;
  for (let i = pairs.length - 1; i >= 0; i--) {
    const p = pairs[i]!;
    if (p.kind === 'boilerplate') continue;
    if (p.zh || p.kind !== 'body' || !TRAILER.test(p.en ?? '')) break;
    p.kind = 'boilerplate';
  }
}
