// Lines wrapped to a terminal's width as it displays them: CJK characters take two columns
// (string-width), and a line breaks only where a word ends: at spaces, and between Chinese words
// as ICU's dictionary finds them (Intl.Segmenter, built into Node: the review path loads no
// segmenter of ours). wrap-ansi would break Chinese, which has no spaces, anywhere or nowhere.
// Punctuation stays with the word before it; opening brackets and quotes with the word after.
// Colour codes take no width and carry across the break as the terminal keeps them.

const ANSI = /\x1b\[[0-9;]*m/g;
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
/** May not begin a line (East Asian and Latin closing punctuation). */
const NO_START = /^[，。、；：？！）」』》〉】〕…‥·・,.;:!?)\]}%’”]/u;
/** May not end a line. */
const NO_END = /[（「『《〈【〔([{‘“]$/u;
const SPACE = /^\s+$/;

type Measure = (text: string) => number;

let segmenter: Intl.Segmenter | undefined;

function wrapLine(line: string, width: number, measure: Measure): string[] {
  let visible = '';
  const codes: { at: number; code: string }[] = [];
  let last = 0;
  for (const m of line.matchAll(ANSI)) {
    visible += line.slice(last, m.index);
    codes.push({ at: visible.length, code: m[0] });
    last = m.index! + m[0].length;
  }
  visible += line.slice(last);
  if (measure(visible) <= width) return [line];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const segs = [...segmenter.segment(visible)].map((s) => ({ start: s.index, text: s.segment }));
  // Where a line may break: beside a space, or beside a wide character, punctuation rules allowing.
  const starts = [0];
  for (let i = 1; i < segs.length; i++) {
    const a = segs[i - 1]!.text;
    const b = segs[i]!.text;
    const beside = SPACE.test(a) || SPACE.test(b) || WIDE.test(a.slice(-1)) || WIDE.test(b[0]!);
    if (beside && !NO_START.test(b) && !NO_END.test(a)) starts.push(segs[i]!.start);
  }
  starts.push(visible.length);
  const lines: { start: number; end: number }[] = [];
  let cur: { start: number; end: number; width: number } | undefined;
  const close = () => {
    if (cur && cur.end > cur.start) lines.push({ start: cur.start, end: cur.end });
    cur = undefined;
  };
  for (let k = 0; k + 1 < starts.length; k++) {
    const [s, e] = [starts[k]!, starts[k + 1]!];
    const text = visible.slice(s, e);
    const w = measure(text);
    if (SPACE.test(text)) {
      // Kept inside a line, dropped at its end and start.
      if (cur && cur.width + w < width) cur.width += w;
      else close();
      continue;
    }
    if (cur && cur.width + w > width) close();
    if (!cur) cur = { start: s, end: s, width: 0 };
    if (w > width) {
      // A word wider than the screen (a long address): cut it where it must be cut.
      for (const { segment, index } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
        const g = measure(segment);
        if (cur!.width + g > width && cur!.end > cur!.start) {
          close();
          cur = { start: s + index, end: s + index, width: 0 };
        }
        cur!.end = s + index + segment.length;
        cur!.width += g;
      }
      continue;
    }
    // A space kept before this word counts; the line ends after the word.
    cur.width += w;
    cur.end = e;
  }
  close();
  // Each colour code goes on the line its place falls in (at its end, if in a dropped space).
  return lines.map((l, i) => {
    const next = lines[i + 1]?.start ?? Infinity;
    const mine = codes.filter((c) => c.at >= (i === 0 ? 0 : l.start) && c.at < next);
    let out = '';
    let at = l.start;
    for (const c of mine.filter((x) => x.at < l.end)) {
      out += visible.slice(Math.max(at, l.start), Math.max(c.at, l.start)) + c.code;
      at = Math.max(c.at, l.start);
    }
    out += visible.slice(at, l.end);
    return out + mine.filter((x) => x.at >= l.end).map((c) => c.code).join('');
  });
}

/** Text wrapped to `width` columns, its own line breaks kept. */
export function wrapText(text: string, width: number, measure: Measure = require('string-width') as Measure): string {
  return text
    .split('\n')
    .flatMap((l) => wrapLine(l, Math.max(width, 2), measure))
    .join('\n');
}
