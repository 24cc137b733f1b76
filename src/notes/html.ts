import { toneOf } from '../pinyin/index.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

/** Every piece of text that goes into a field is escaped: fields are HTML. */
export const escapeHtml = (s: string) => (SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : s);

const CLOZE_SYNTAX: Record<string, string> = { '{': '&#123;', '}': '&#125;', ':': '&#58;' };

/**
 * Text for a field of a cloze note: HTML-escaped, and `{ } :` as entities, since Anki reads
 * `{{c1::`, `::` and `}}` in any field of a cloze note as cloze syntax (rslib/src/cloze.rs
 * tokenizes every field; notetype/cardgen.rs counts cloze numbers across all fields).
 */
export const escapeCloze = (s: string) => escapeHtml(s).replace(/[{}:]/g, (c) => CLOZE_SYNTAX[c]!);

/** Pinyin with a class per syllable's tone (`tone1`…`tone5`), so CSS can colour tones. */
export function pinyinHtml(pinyin: string, escape = escapeHtml): string {
  const syllables = pinyin
    .split(' ')
    .filter(Boolean)
    .map((s) => {
      const t = toneOf(s);
      return t ? `<span class="tone${t}">${escape(s)}</span>` : escape(s);
    });
  return `<span class="pinyin">${syllables.join(' ')}</span>`;
}

/** Text with some spans wrapped, everything escaped: `wrap` receives the escaped span. */
export function markSpans<S extends { start: number; end: number }>(
  text: string,
  spans: S[],
  wrap: (inner: string, span: S) => string,
  escape = escapeHtml,
): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue; // overlapping spans: the first wins
    out += escape(text.slice(at, s.start)) + wrap(escape(text.slice(s.start, s.end)), s);
    at = s.end;
  }
  return out + escape(text.slice(at));
}

/** Every place `needle` occurs in `text`, overlapping ones merged into the first. */
export function spansOf(text: string, needle: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push({ start: i, end: i + needle.length });
  return out;
}
