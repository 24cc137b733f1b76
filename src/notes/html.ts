import { toneOf } from '../pinyin/index.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

/** Every piece of text that goes into a field is escaped: fields are HTML. */
export const escapeHtml = (s: string) => (SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : s);

/** Pinyin with a class per syllable's tone (`tone1`…`tone5`), so a learner's CSS can colour tones. */
export function pinyinHtml(pinyin: string): string {
  const syllables = pinyin
    .split(' ')
    .filter(Boolean)
    .map((s) => {
      const t = toneOf(s);
      return t ? `<span class="tone${t}">${escapeHtml(s)}</span>` : escapeHtml(s);
    });
  return `<span class="pinyin">${syllables.join(' ')}</span>`;
}

/** Text with some spans wrapped, everything escaped: `wrap` receives the escaped span. */
export function markSpans<S extends { start: number; end: number }>(text: string, spans: S[], wrap: (inner: string, span: S) => string): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue; // overlapping spans: the first wins
    out += escapeHtml(text.slice(at, s.start)) + wrap(escapeHtml(text.slice(s.start, s.end)), s);
    at = s.end;
  }
  return out + escapeHtml(text.slice(at));
}
