import type { CardRow, StoredNote } from '../collection/index.js';
import { fieldsByName } from '../notes/types.js';

/** How text is styled on the terminal; plain identity functions when there is no colour. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  underline(s: string): string;
  cyan(s: string): string;
  tone(t: number, s: string): string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]!).replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

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

/** A cloze note's word lines (one per cloze number), the one card `ord` tests first. */
function clozeWords(words: string, ord: number): string[] {
  const lines = [...words.matchAll(/\{\{c(\d+)::([\s\S]*?)\}\}/g)].map((m) => ({ n: Number(m[1]), line: m[2]! }));
  return [...lines.filter((l) => l.n === ord + 1), ...lines.filter((l) => l.n !== ord + 1)].map((l) => l.line);
}

/**
 * What a card shows on a terminal: zhdeck's note types as their Anki templates lay them out
 * (export/notetypes.ts), in plain lines; notes still on Anki's built-in types as those show them.
 */
export function faces(card: CardRow, note: StoredNote, style: Style): Face {
  const f = fieldsByName(note.type, note.fields);
  const t = (html: string | undefined) => (html ? htmlToTerminal(html, style) : '');
  const lines = (...parts: string[]) => parts.filter(Boolean).join('\n');
  const rule = style.dim('─'.repeat(20));
  switch (note.type) {
    case 'zhdeck cloze': {
      const [tested = '', ...others] = clozeWords(f.Words!, card.ord).map(t);
      return {
        question: lines(t(renderCloze(f.Text!, card.ord, false)), t(f.English)),
        answer: lines(t(renderCloze(f.Text!, card.ord, true)), t(f.English), rule, style.bold(tested), ...others.map(style.dim)),
      };
    }
    case 'zhdeck translation': {
      const [zh, en] = [t(f.Sentence), t(f.English)];
      return card.ord === 0 ? { question: zh, answer: en } : { question: en, answer: zh };
    }
    case 'zhdeck vocabulary': {
      const word = lines(t(f.Hanzi), t(f['Other script']));
      const example = lines(t(f.Sentence), t(f.English));
      const meaning = lines(t(f.Senses), f['Measure words'] ? `measure words: ${t(f['Measure words'])}` : '');
      if (card.ord === 0) return { question: word, answer: lines(t(f.Pinyin), t(f.Gloss), meaning, example) };
      return { question: lines(t(f.Gloss), t(f['Sentence blank']), t(f.English)), answer: lines(word, t(f.Pinyin), meaning, t(f.Sentence)) };
    }
    case 'Cloze': {
      const q = htmlToTerminal(renderCloze(f.Text!, card.ord, false), style);
      const ans = htmlToTerminal(renderCloze(f.Text!, card.ord, true), style);
      const extra = t(f['Back Extra']);
      return { question: q, answer: extra ? `${ans}\n${rule}\n${extra}` : ans };
    }
    case 'Basic (and reversed card)': {
      const [front, back] = card.ord === 0 ? [f.Front, f.Back] : [f.Back, f.Front];
      return { question: t(front), answer: t(back) };
    }
  }
}
