// The learner's own corrections, one a line in a text file beside the collection
// (user-dict.txt): where words begin and end, and a word's reading and gloss.
//
//   # a comment
//   大公豬=大 公豬          the text on the left is always cut as the words on the right
//   京華城=京華城           … or kept whole
//   公豬 [gōng zhū] boar    a word's reading (in brackets) and/or gloss (the rest of the line)
//
// Words are matched in either script (Traditional is compared by its Simplified form).
import { UserError } from '../util/errors.js';

export interface UserEntry {
  word: string;
  pinyin?: string;
  gloss?: string;
}

export interface UserDictionary {
  /** Text (Simplified) → the words it is cut into. */
  cuts: Map<string, string[]>;
  /** Word (Simplified) → its reading and gloss. */
  entries: Map<string, UserEntry>;
}

export const emptyUserDictionary = (): UserDictionary => ({ cuts: new Map(), entries: new Map() });

const HAN = /\p{Script=Han}/u;

/** One line of the file, checked; null for a blank line or a comment. `where` names it in errors. */
export function parseUserLine(raw: string, where: string): { cut: [string, string[]] } | { entry: UserEntry } | null {
  const line = raw.replace(/(^|\s)#.*$/, '').trim();
  if (!line) return null;
  const eq = line.indexOf('=');
  if (eq >= 0) {
    const text = line.slice(0, eq).trim();
    const words = line.slice(eq + 1).trim().split(/\s+/).filter(Boolean);
    if (!text || !HAN.test(text) || /\s/.test(text)) throw new UserError(`"${raw.trim()}": the text before = must be Chinese, without spaces`, where);
    if (words.join('') !== text) throw new UserError(`"${raw.trim()}": the words after = must spell ${text} exactly, separated by spaces`, where);
    return { cut: [text, words] };
  }
  const m = /^(\S+)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(line)!;
  const word = m[1]!;
  const pinyin = m[2]?.trim();
  const gloss = m[3]?.trim();
  if (!HAN.test(word)) throw new UserError(`"${raw.trim()}": a correction starts with a Chinese word (or is TEXT=WORDS)`, where);
  if (!pinyin && !gloss) throw new UserError(`"${raw.trim()}": give a reading in [brackets], a gloss, or both`, where);
  return { entry: { word, ...(pinyin ? { pinyin } : {}), ...(gloss ? { gloss } : {}) } };
}

/** The whole file; a later line about the same word replaces an earlier one. */
export function parseUserDictionary(text: string, file: string, toSimplified: (s: string) => string): UserDictionary {
  const out = emptyUserDictionary();
  text.split(/\r?\n/).forEach((raw, i) => {
    const parsed = parseUserLine(raw, `${file}:${i + 1}`);
    if (!parsed) return;
    if ('cut' in parsed) out.cuts.set(toSimplified(parsed.cut[0]), parsed.cut[1].map(toSimplified));
    else out.entries.set(toSimplified(parsed.entry.word), parsed.entry);
  });
  return out;
}

/**
 * Spans of `simplified` that the user's cuts decide, longest text first, none overlapping:
 * [start, end, word lengths].
 */
export function userCutSpans(simplified: string, cuts: Map<string, string[]>): [number, number, number[]][] {
  if (cuts.size === 0) return [];
  const taken = new Uint8Array(simplified.length);
  const out: [number, number, number[]][] = [];
  for (const [text, words] of [...cuts].sort((a, b) => b[0].length - a[0].length)) {
    for (let at = simplified.indexOf(text); at >= 0; at = simplified.indexOf(text, at + 1)) {
      let free = true;
      for (let k = at; k < at + text.length && free; k++) free = !taken[k];
      if (!free) continue;
      taken.fill(1, at, at + text.length);
      out.push([at, at + text.length, words.map((w) => w.length)]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}
