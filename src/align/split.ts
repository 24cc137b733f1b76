// Sentence splitting for the two languages of an article.

const ZH_END = '。！？；!?;…';
const CLOSERS = '」』”’）)"\'】》〉]';

/** Chinese: after 。！？；… and any closing quotes or brackets that follow; also at line breaks. */
export function splitChinese(text: string): string[] {
  const out: string[] = [];
  const chars = [...text];
  let buf = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\n') {
      push(out, buf);
      buf = '';
      continue;
    }
    buf += ch;
    if (ZH_END.includes(ch)) {
      while (i + 1 < chars.length && (ZH_END.includes(chars[i + 1]!) || CLOSERS.includes(chars[i + 1]!))) buf += chars[++i];
      push(out, buf);
      buf = '';
    }
  }
  push(out, buf);
  return out;
}

function push(out: string[], s: string) {
  const t = s.trim();
  if (t) out.push(t);
}

// Words whose full stop does not end a sentence.
const TITLES = new Set(
  'mr mrs ms dr prof st gen sen rep gov lt col capt sgt maj cmdr adm rev hon pres no nos vs v fig figs vol vols p pp approx dept est ca cf al op ed eds ch sec art'.split(' '),
);
const MONTHS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
// These end a sentence only when a new sentence plainly starts after them.
const MAYBE_END = new Set('etc inc co corp ltd jr sr bros plc llc'.split(' '));
const STARTERS = new Set(
  'the a an he she it they we i you this that these those there his her its their our in on at but and so yet however meanwhile after before when while if as for what who why how many most some one two three'.split(' '),
);

/** English: ends at . ! ? (and closing quotes), except after abbreviations, initials, decimals and mid-sentence ellipses. */
export function splitEnglish(text: string): string[] {
  const out: string[] = [];
  const re = /([.!?…]+)(["'”’)\]]*)(\s+)(?=(["'“‘(\[]?)(\S))/g;
  let start = 0;
  let m: RegExpExecArray | null;
  for (const para of text.split('\n')) {
    start = 0;
    re.lastIndex = 0;
    while ((m = re.exec(para))) {
      const end = m.index + m[1]!.length + m[2]!.length;
      const before = para.slice(start, m.index);
      const word = /([A-Za-z][A-Za-z.]*)$/.exec(before)?.[1] ?? '';
      const next = para.slice(re.lastIndex);
      const nextWord = /^["'“‘(\[]?([A-Za-z]+)/.exec(next)?.[1] ?? '';
      const nextChar = m[5]!;
      if (!endsSentence(m[1]!, word, nextChar, nextWord, m[4] !== '')) continue;
      push(out, para.slice(start, end));
      start = end;
    }
    push(out, para.slice(start));
  }
  return out;
}

function endsSentence(punct: string, word: string, nextChar: string, nextWord: string, quoted: boolean): boolean {
  const startsLikeSentence = /[A-Z0-9]/.test(nextChar) || quoted;
  if (!startsLikeSentence) return false;
  if (punct !== '.') return !/^(\.\.\.|…)$/.test(punct) || /^[A-Z]/.test(nextChar);
  const lower = word.toLowerCase().replace(/\.$/, '');
  const starter = STARTERS.has(nextWord.toLowerCase());
  if (TITLES.has(lower)) return false;
  if (MONTHS.has(lower)) return /^[A-Z]/.test(nextChar) && !/^\d/.test(nextChar) && starter;
  if (MAYBE_END.has(lower)) return starter;
  // Initials (J. R. Tolkien) and dotted abbreviations (U.S., e.g.) end a sentence only before a clear starter.
  if (/^[A-Za-z]$/.test(word) || /^([A-Za-z]\.)+[A-Za-z]?$/.test(word)) return starter;
  return true;
}
