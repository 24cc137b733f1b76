// The segmenter cuts a sentence without reading its English; these rules re-cut it where the
// aligned English shows the cut is not the sentence's own: pieces joined into the word the
// English renders, or a word split where the English renders its parts and not the whole.
import type { Script } from '../article/index.js';
import { isFunctionWord, isMeasureSense, pinyinSpeller, senseWords, type Lexicon, type LexiconEntry } from '../lexicon/index.js';
import type { Token } from '../segment/index.js';
import { dictionaryMatch, mayNameStartWith, namedPlaceMatch, transliterationMatch, type EnglishContext } from './gloss.js';

export interface FitDeps {
  lexicon: Lexicon;
  toSimplified: (text: string) => string;
  /** The pinyin spellings a name written so may have. */
  spell: (text: string) => string[];
}

const allHan = (tokens: Token[], from: number, to: number) => {
  for (let k = from; k < to; k++) if (tokens[k]!.kind !== 'han') return false;
  return true;
};

/** Whether one of the word's own entries renders part of the English (a variant never does). */
function rendered(text: string, en: EnglishContext, lexicon: Lexicon): boolean {
  for (const e of lexicon.lookup(text)) if (!e.flags.includes('variant') && dictionaryMatch(e, en)) return true;
  return false;
}

/**
 * Where the English sentence shows that the segmenter cut one word in two, join the pieces:
 * a name it spells in pinyin (郭家 + 坤 → 郭家坤, "Guo Jiakun"), a dictionary word it renders
 * with several words (國家 + 安全 → 國家安全, "national security"), or one it renders with a
 * word neither piece renders (美國 + 人 → 美國人, "Americans").
 */
function joinByEvidence(tokens: Token[], zh: string, en: EnglishContext, { lexicon, spell }: FitDeps): Token[] {
  const out: Token[] = [];
  const names = en.capitalised;
  for (let i = 0; i < tokens.length; i++) {
    let joined = false;
    for (let n = 3; n >= 2; n--) {
      if (i + n > tokens.length || !allHan(tokens, i, i + n)) continue;
      const start = tokens[i]!.start;
      const end = tokens[i + n - 1]!.end;
      const text = zh.slice(start, end);
      const entry = lexicon.has(text) ? lexicon.preferred(text) : null;
      const evidence = entry
        ? joinedRenders(entry, tokens, en, lexicon)
        : names &&
          text.length <= 4 &&
          mayNameStartWith(pinyinSpeller(lexicon).readingLetters(text[0]!), en) &&
          !tokens.slice(i, i + n).every((t) => lexicon.has(t.text) && t.text.length > 1) &&
          transliterationMatch(spell(text), en) !== null;
      if (!evidence) continue;
      out.push({ text, start, end, kind: 'han' });
      i += n - 1;
      joined = true;
      break;
    }
    if (!joined) out.push(tokens[i]!);
  }
  return out;
}

/**
 * A place the English names in pinyin and a word for what it is (京密 + 路 → 京密路, "Jingmi
 * Road"; 密云 + 县 → 密云县, "Miyun County"): a name the dictionary lacks or knows as a name,
 * and one character whose senses render the capitalised word after the name.
 */
function joinNamedPlaces(tokens: Token[], en: EnglishContext, { lexicon, spell }: FitDeps): Token[] {
  if (!en.capitalised) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1];
    if (b && a.kind === 'han' && b.kind === 'han' && b.text.length === 1 && b.start === a.end && a.text.length >= 2 && isName(a.text, lexicon)) {
      if (namedPlaceMatch(spell(a.text), lexicon.lookup(b.text), en)) {
        out.push({ text: a.text + b.text, start: a.start, end: b.end, kind: 'han' });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** A word the dictionary lacks, or knows only as a name. */
const isName = (text: string, lexicon: Lexicon) => {
  const entries = lexicon.lookup(text).filter((e) => !e.flags.includes('variant'));
  return entries.every((e) => e.flags.includes('proper-noun'));
};

/**
 * A whole phrase (two or more English words), or English words that no other word of the
 * sentence renders as well: not the pieces (美國 "America" only by derivation, for "Americans"),
 * and not a word further on (不分 would take "distinction" from 区别, which renders it exactly).
 */
function joinedRenders(entry: LexiconEntry, tokens: Token[], en: EnglishContext, lexicon: Lexicon): boolean {
  const m = dictionaryMatch(entry, en);
  if (!m) return false;
  if (m.score >= 3) return true;
  return tokens.every(
    (t) =>
      t.kind !== 'han' ||
      lexicon.lookup(t.text).every((e) => {
        const p = dictionaryMatch(e, en);
        return !p || p.end <= m.start || p.start >= m.end || p.score < m.score;
      }),
  );
}

/**
 * Whether one of a character's senses uses a word of the English, grammatical words too (才
 * "only", 能 "can"): what the dictionary matcher, made for content words, leaves out.
 */
const wordSets = new WeakMap<EnglishContext, Set<string>>();

function mentioned(ch: string, en: EnglishContext, lexicon: Lexicon): boolean {
  let words = wordSets.get(en);
  if (!words) wordSets.set(en, (words = new Set(en.tokens.map((t) => t.text.toLowerCase()))));
  return lexicon.lookup(ch).some((e) => e.senses.some((s) => senseWords(s).some((w) => words.has(w))));
}

// Counts a measure word may follow: 一頭豬, 兩道門.
const COUNTS = new Set([...'一二兩两三四五六七八九十幾几半每']);

/** Whether a character may count things: one of its entries is a measure word. */
const isMeasure = (ch: string, lexicon: Lexicon) => lexicon.lookup(ch).some((e) => e.senses.some(isMeasureSense));

/** The text cut into the lexicon's words, longest first from the left; null if a piece is not one. */
function piecesOf(text: string, lexicon: Lexicon): string[] | null {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    let n = text.length - at - (at === 0 ? 1 : 0); // never the whole word
    while (n > 0 && !lexicon.has(text.slice(at, at + n))) n--;
    if (n === 0) return null;
    out.push(text.slice(at, at + n));
    at += n;
  }
  return out;
}

/**
 * Why a word the English does not render is not the sentence's word, as its pieces: a count and
 * a measure word (一道 "together" in 一道門, 一 道), grammatical characters a dictionary also
 * joins (才能 "talent" in 才能登入, 才 能), a name the English does not name (大桥 "Da Qiao" in
 * "the new bridge"), or in Traditional text another word's Simplified form (海裡 is not 海里
 * "nautical mile"). Null: the word stands.
 */
function splitOf(t: Token, en: EnglishContext, script: Script, deps: FitDeps): string[] | null {
  const { lexicon } = deps;
  const text = t.text;
  if (COUNTS.has(text[0]!) && text.length === 2 && isMeasure(text[1]!, lexicon)) return [text[0]!, text[1]!];
  if ([...text].every((c) => isFunctionWord(c) && mentioned(c, en, lexicon))) return [...text];
  const entries = lexicon.lookup(text).filter((e) => !e.flags.includes('variant'));
  const nameOnly = entries.length > 0 && entries.every((e) => e.flags.includes('proper-noun'));
  if (nameOnly && !(en.capitalised && transliterationMatch(deps.spell(text), en))) return piecesOf(text, lexicon);
  // A compound the dictionary lacks whose pieces the English renders (背景圖 "background map",
  // 全宇宙 "the entire universe"): the pieces are the words. A character left unrendered is a
  // suffix of the compound (調度器 "scheduler", 修飾符 "modifier"), which stays whole.
  if (entries.length === 0 && !lexicon.has(text) && !(en.capitalised && transliterationMatch(deps.spell(text), en))) {
    const pieces = piecesOf(text, lexicon);
    const stands = (p: string) => p.length > 1 || isFunctionWord(p) || rendered(p, en, lexicon);
    if (pieces && pieces.every(stands) && pieces.some((p) => p.length > 1 && rendered(p, en, lexicon))) return pieces;
  }
  if (script === 'traditional' && entries.length === 0) {
    const simplified = deps.toSimplified(text);
    const other = simplified !== text ? lexicon.lookup(simplified) : [];
    if (other.length > 0 && other.every((e) => e.traditional !== text)) return piecesOf(text, lexicon);
  }
  return null;
}

/**
 * Words split where the English contradicts the cut: a word the English does not render (see
 * splitOf), or one that took the first character of the next word when the English renders
 * that word whole (大公 + 豬 → 大 + 公豬, "boar").
 */
function splitByEvidence(tokens: Token[], en: EnglishContext, script: Script, deps: FitDeps): Token[] {
  const { lexicon } = deps;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'han' || t.text.length < 2 || rendered(t.text, en, lexicon)) {
      out.push(t);
      continue;
    }
    const next = tokens[i + 1];
    if (next?.kind === 'han' && next.start === t.end && !rendered(next.text, en, lexicon)) {
      const head = t.text.slice(0, -1);
      const word = t.text.slice(-1) + next.text;
      if (lexicon.has(head) && lexicon.has(word) && rendered(word, en, lexicon)) {
        out.push({ text: head, start: t.start, end: t.end - 1, kind: 'han' }, { text: word, start: t.end - 1, end: next.end, kind: 'han' });
        i++;
        continue;
      }
    }
    const pieces = splitOf(t, en, script, deps);
    if (!pieces) {
      out.push(t);
      continue;
    }
    let at = t.start;
    pieces.forEach((p, k) => {
      // A measure word after its count is grammar (tokens.ts's `measure`), as the segmenter marks it.
      const kind = k === 1 && COUNTS.has(pieces[0]!) && pieces.length === 2 && isMeasure(p, lexicon) ? 'measure' : 'han';
      out.push({ text: p, start: at, end: at + p.length, kind });
      at += p.length;
    });
  }
  return out;
}

/**
 * A measure word after its count is grammar (一張卡片 "a card", 120 種種子 "120 kinds of
 * seeds": the noun after it is the word), but one with no noun after it stands for the noun,
 * and is a word when the English renders it so (第五條 "Article 5", 住了三十年 "lived there
 * thirty years").
 */
function renderedMeasures(tokens: Token[], en: EnglishContext, lexicon: Lexicon): Token[] {
  let out: Token[] | null = null;
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (t.kind !== 'measure' || (next && next.kind === 'han' && next.start === t.end)) return;
    if (rendered(t.text, en, lexicon) && renderedAsNoun(t.text, en, lexicon)) (out ??= tokens.slice())[i] = { ...t, kind: 'han' };
  });
  return out ?? tokens;
}

/** Whether a sense other than the measure-word ones renders part of the English: 顆 "classifier for … satellites" is no rendering of "satellites". */
function renderedAsNoun(text: string, en: EnglishContext, lexicon: Lexicon): boolean {
  return lexicon.lookup(text).some((e) => {
    if (e.flags.includes('variant')) return false;
    const senses = e.senses.filter((s) => !isMeasureSense(s));
    return senses.length > 0 && dictionaryMatch({ ...e, senses }, en) !== null;
  });
}

/** A sentence's words as its English shows them: joined where it renders the whole, split where it renders the parts. */
export function fitTokens(tokens: Token[], zh: string, en: EnglishContext, script: Script, deps: FitDeps): Token[] {
  return joinNamedPlaces(splitByEvidence(joinByEvidence(renderedMeasures(tokens, en, deps.lexicon), zh, en, deps), en, script, deps), en, deps);
}
