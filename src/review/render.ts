import type { CardRow, StoredNote } from '../collection/index.js';

/** How text is styled on the terminal; plain identity functions when there is no colour. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  underline(s: string): string;
  cyan(s: string): string;
  tone(t: number, s: string): string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]!);

/**
 * A field's HTML as terminal text: blocks become lines, <b> bold, <u> underlined, pinyin
 * coloured by its tone classes; other tags dropped, entities decoded.
 */
export function htmlToTerminal(html: string, style: Style): string {
  let out = html
    .replace(/<span class="tone(\d)">(.*?)<\/span>/g, (_, t: string, s: string) => `\u0001${t}${s}\u0002`)
    .replace(/<b>(.*?)<\/b>/g, '\u0003$1\u0004')
    .replace(/<span class="blank">(.*?)<\/span>/g, '\u0007$1\u0008')
    .replace(/<u>(.*?)<\/u>/g, '\u0005$1\u0006')
    .replace(/<br\s*\/?>|<\/div>\s*<div[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '');
  out = decode(out)
    .replace(/\u0001(\d)(.*?)\u0002/g, (_, t: string, s: string) => style.tone(Number(t), s))
    .replace(/\u0003(.*?)\u0004/g, (_, s: string) => style.bold(s))
    .replace(/\u0005(.*?)\u0006/g, (_, s: string) => style.underline(s))
    .replace(/\u0007(.*?)\u0008/g, (_, s: string) => style.cyan(s));
  return out.trim();
}

const CLOZE = /\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}/g;

/** A cloze field (HTML) with card `ord`'s word hidden as [hint] or, on the answer side, shown in bold. */
export function renderCloze(text: string, ord: number, answer: boolean): string {
  return text.replace(CLOZE, (_, n: string, word: string, hint: string | undefined) => {
    if (Number(n) !== ord + 1) return word;
    return answer ? `<b>${word}</b>` : `<span class="blank">[${hint ?? '…'}]</span>`;
  });
}

export interface Face {
  question: string;
  answer: string;
}

/** What a card shows: a cloze hides its word; a reversible note's second card swaps the sides. */
export function faces(card: CardRow, note: StoredNote, style: Style): Face {
  const [a = '', b = ''] = note.fields;
  if (note.type === 'Cloze') {
    const q = htmlToTerminal(renderCloze(a, card.ord, false), style);
    const ans = htmlToTerminal(renderCloze(a, card.ord, true), style);
    const extra = htmlToTerminal(b, style);
    return { question: q, answer: extra ? `${ans}\n${style.dim('─'.repeat(20))}\n${extra}` : ans };
  }
  const [front, back] = card.ord === 0 ? [a, b] : [b, a];
  return { question: htmlToTerminal(front, style), answer: htmlToTerminal(back, style) };
}
