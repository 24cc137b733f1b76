import { englishTokens, nameRuns, sensePhrases, type EnglishToken, type PhraseWord } from '../lexicon/index.js';
import type { LexiconEntry } from '../lexicon/index.js';
import type { GlossEvidence } from './types.js';
import { append } from '../util/collections.js';

/** An aligned English text, tokenised once. */
export interface EnglishContext {
  text: string;
  tokens: EnglishToken[];
  /** Per token: capitalised in the middle of a sentence, so part of a name ("United States"). */
  named: boolean[];
  /** Per token: right after a determiner or preposition, so not a verb ("with state broadcaster"). */
  nominal: boolean[];
  /** Content-word token indices by the first letters of their stems (see stemKey). */
  byStem: Map<string, number[]>;
  /** Whether any word is capitalised: what a pinyin spelling of a name needs. */
  capitalised: boolean;
}

const DETERMINERS = new Set('the a an with of in on for by from at his her its their our my your this that these those'.split(' '));

export function englishContext(text: string): EnglishContext {
  const tokens = englishTokens(text);
  // A part of a code name (learning_steps, short_term) is not an English word: it renders nothing.
  for (const t of tokens) if (text[t.start - 1] === '_' || text[t.end] === '_') t.content = false;
  const named = tokens.map((t) => {
    if (!/^[A-Z][a-z]/.test(t.text)) return false; // lower case, or an all-caps dateline (SHANGHAI)
    // What comes before the word, spaces skipped: nothing, or the end of a sentence, or an
    // opening quote, colon or dash means it starts a sentence or clause.
    let k = t.start - 1;
    while (k >= 0 && /\s/.test(text[k]!)) k--;
    while (k >= 0 && /["“‘(]/.test(text[k]!)) k--;
    if (k < 0) return false;
    const c = text[k]!;
    if (/[:;—–-]/.test(c) || (/["'”’)]/.test(c) && /[.!?]/.test(text[k - 1] ?? ''))) return false;
    return !/[.!?]/.test(c);
  });
  const nominal = tokens.map((t, i) => i > 0 && DETERMINERS.has(tokens[i - 1]!.text.toLowerCase()) && t.start - tokens[i - 1]!.end <= 1 && !/(ing|ed)$/.test(t.text));
  const byStem = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    if (t.content) {
      const k = stemKey(t.stem);
      append(byStem, k, i);
    }
  });
  return { text, tokens, named, nominal, byStem, capitalised: tokens.some((t) => /^[A-Z]/.test(t.text)) };
}

/** A span of the English text that may render a word, and how strongly. */
export interface GlossMatch {
  start: number;
  end: number;
  score: number;
  evidence: GlossEvidence;
}

// Endings that make a related word of the same meaning: nation / national, popular / popularity.
const RELATED_ENDINGS = new Set(['al', 'ial', 'ic', 'ics', 'er', 'or', 'ist', 'ism', 'ity', 'ive', 'ian', 'an', 'ese', 'ish', 'ous', 'i', 'y', 'ion', 'ation', 'ment', 'ence', 'ance', 'enc', 'anc', 'ical', 'ent', 'hood', 'ship']);
const AGENT_ENDINGS = new Set(['er', 'or', 'ist', 'ian', 'an']);

/** Whether one stem is the other's agent noun (visit / visitor): a person, not the act. */
export function isAgentNoun(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && AGENT_ENDINGS.has(long.slice(short.length));
}

/**
 * Stems agree when equal, or when one extends the other by such an ending. A longer extension
 * is another word (sight / sightseeing).
 */
export function stemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 5) return false;
  if (long.startsWith(short) && RELATED_ENDINGS.has(long.slice(short.length))) return true;
  // Two derivations of one root: astronomy / astronomical (astronomi, astronomical: astronom +
  // i, ical). Not an agent noun: a segmenter is not segmentation.
  let n = 0;
  while (n < short.length && short.charCodeAt(n) === long.charCodeAt(n)) n++;
  const related = (ending: string) => ending === '' || (RELATED_ENDINGS.has(ending) && !AGENT_ENDINGS.has(ending));
  for (let k = n; k >= 5; k--) if (related(short.slice(k)) && related(long.slice(k))) return true;
  return false;
}

/**
 * Stems that stemsMatch pairs share their first five letters (or are equal, when shorter): the
 * key to find candidates by, before stemsMatch decides.
 */
const stemKey = (stem: string) => stem.slice(0, 5);

const stemIndexCache = new WeakMap<LexiconEntry, Map<string, { p: number; w: PhraseWord }[]>>();

/** An entry's phrase words by stem key (see stemKey): phrase index and word. */
function stemIndexOf(entry: LexiconEntry): Map<string, { p: number; w: PhraseWord }[]> {
  let index = stemIndexCache.get(entry);
  if (!index) {
    index = new Map();
    sensePhrases(entry).forEach((phrase, p) => {
      for (const w of phrase) {
        const k = stemKey(w.stem);
        append(index!, k, { p, w });
      }
    });
    stemIndexCache.set(entry, index);
  }
  return index;
}

/** Whether an English token can render a dictionary word: a capitalised name only renders a name. */
// A verb's own form after a determiner is a noun of another meaning ("with state broadcaster"
// is not 表示 "to state"); its derived noun keeps the meaning ("the determination" of 确定 "to determine").
const renders = (ctx: EnglishContext, i: number, w: PhraseWord) =>
  stemsMatch(w.stem, ctx.tokens[i]!.stem) && !(w.verb && ctx.nominal[i] && w.stem === ctx.tokens[i]!.stem);

/** A capitalised word inside a sentence is likely part of a name: a lower-case sense renders it less surely. */
const nameMismatch = (ctx: EnglishContext, i: number, w: PhraseWord) => !w.name && ctx.named[i];

/** Tokens i and k are neighbours in one phrase: nothing but a space between them. */
const adjacent = (ctx: EnglishContext, i: number, k: number) => ctx.tokens[k]!.start - ctx.tokens[i]!.end <= 1;

/**
 * Every run of English tokens whose content words render one sense phrase, scored: "Great
 * Firewall" for 防火長城 ("Great Firewall of China"), "foreign ministry" for 外交部 ("Ministry
 * of Foreign Affairs"), "refugees" for 難民 ("refugee"). A two-word phrase matched by one
 * word may take its free neighbour ("press briefing" for 記者會 "press conference"): such
 * completions score above the bare word and below a full match, and lose any English word
 * another Chinese word claims (see assignGlosses).
 */
/**
 * The dictionary pass's scores: a span scores matched + matched / phrase length + the sense's
 * bonus (earlier senses more) − the name mismatches; the other passes score below it.
 */
export const DICTIONARY_PARAMS = {
  /** The first sense's bonus; the n-th sense gets senseBonus / n. */
  senseBonus: 0.3,
  /** What a lower-case sense loses for each capitalised word it matches inside a sentence. */
  nameMismatch: 0.8,
  /** A two-word phrase completed by its free neighbour: above the bare word (≤ 1.8), below any full match (≥ 2). */
  completion: 1.8,
  /** A name spelled in pinyin: base + one per further word. */
  transliteration: 2.5,
  /** A name's surname alone, where the article spells the name in full elsewhere (surnameOf). */
  surname: 2,
  /** What a compound the dictionary lacks keeps of its head word's score (持久化 read as 持久). */
  head: 0.6,
  /** Latin letters written in the Chinese as in the English. */
  latin: 1,
};

export function dictionaryMatches(entry: LexiconEntry, ctx: EnglishContext): readonly GlossMatch[] {
  // One word's entries are matched against its sentence up to four times (fitTokens twice, the
  // choice of entry, the gloss candidates): remembered per sentence, found once.
  let byEntry = matchCache.get(ctx);
  if (!byEntry) matchCache.set(ctx, (byEntry = new Map()));
  let found = byEntry.get(entry);
  if (!found) byEntry.set(entry, (found = findMatches(entry, ctx)));
  return found;
}

const matchCache = new WeakMap<EnglishContext, Map<LexiconEntry, readonly GlossMatch[]>>();
const NONE: readonly GlossMatch[] = Object.freeze([]);

function findMatches(entry: LexiconEntry, ctx: EnglishContext): readonly GlossMatch[] {
  const out: GlossMatch[] = [];
  const toks = ctx.tokens;
  const phrases = sensePhrases(entry);
  // Where each phrase's words occur in the sentence: the only places a span can start. The
  // sentence's few stems are looked up in the entry's index, not the other way round.
  // This runs for every occurrence of every word, and mostly finds nothing: until it finds
  // something it allocates next to nothing (hits as flat pairs, no iterators or entries).
  const hits: number[] = []; // phrase index, token index, …
  const index = stemIndexOf(entry);
  const meet = (positions: number[], words: { p: number; w: PhraseWord }[]) => {
    for (let a = 0; a < words.length; a++) {
      const { p, w } = words[a]!;
      for (let b = 0; b < positions.length; b++) if (renders(ctx, positions[b]!, w)) hits.push(p, positions[b]!);
    }
  };
  // Walk the smaller of the two: the sentence's stem keys or the entry's.
  if (ctx.byStem.size <= index.size) {
    ctx.byStem.forEach((positions, k) => {
      const words = index.get(k);
      if (words) meet(positions, words);
    });
  } else {
    index.forEach((words, k) => {
      const positions = ctx.byStem.get(k);
      if (positions) meet(positions, words);
    });
  }
  if (hits.length === 0) return NONE;
  const startsOf = new Map<number, number[]>();
  for (let h = 0; h < hits.length; h += 2) append(startsOf, hits[h]!, hits[h + 1]!);
  for (const [p, starts] of startsOf) {
    const phrase = phrases[p]!;
    const senseBonus = DICTIONARY_PARAMS.senseBonus / (p + 1);
    let done = -1;
    for (const i of [...new Set(starts)].sort((a, b) => a - b)) {
      if (i <= done) continue;
      // Extend over rendered content words and the function words between them ("Ministry of Foreign Affairs").
      const used = new Set<PhraseWord>();
      let mismatches = 0;
      let end = i;
      let prev = i;
      for (let k = i; k < toks.length; k++) {
        if (k > i && !adjacent(ctx, prev, k)) break; // punctuation between: another phrase
        prev = k;
        if (!toks[k]!.content) {
          // A particle the phrase has right after the word just matched ("grew up").
          const last = phrase.findIndex((x) => used.has(x) && stemsMatch(x.stem, toks[end]!.stem));
          const next = phrase[last + 1];
          if (k === end + 1 && next?.particle && next.stem === toks[k]!.text.toLowerCase()) {
            used.add(next);
            end = k;
          }
          continue;
        }
        const w = phrase.find((x) => !x.particle && !used.has(x) && renders(ctx, k, x));
        if (!w) {
          // The rest of a hyphenated word whose first part matched is part of that word, when the
          // phrase goes on after it ("left-hand side" for "left side").
          if (k === end + 1 && ctx.text[toks[k]!.start - 1] === '-' && toks[k]!.start === toks[end]!.end + 1 && used.size < phrase.length) continue;
          break;
        }
        used.add(w);
        if (nameMismatch(ctx, k, w)) mismatches++;
        end = k;
      }
      const matched = used.size;
      done = end;
      const score = matched + matched / phrase.length + senseBonus - DICTIONARY_PARAMS.nameMismatch * mismatches;
      out.push({ start: toks[i]!.start, end: toks[end]!.end, score, evidence: 'dictionary' });
      if (phrase.length === 2 && matched === 1) {
        // Complete a two-word phrase with the neighbour on the side its other word stands; a
        // hyphenated one only with a hyphenated neighbour ("top-level" as "Top-level", never
        // "long-term" as "long isolation").
        const first = used.has(phrase[0]!);
        const k = first ? end + 1 : i - 1;
        const t = toks[k];
        const hyphen = !phrase[1]!.hyphenated || ctx.text[(first ? t?.start ?? 0 : toks[i]!.start) - 1] === '-';
        if (t && t.content && hyphen && !ctx.named[k] && (first ? adjacent(ctx, end, k) : adjacent(ctx, k, i))) {
          const [s, e] = first ? [toks[i]!.start, t.end] : [t.start, toks[end]!.end];
          out.push({ start: s, end: e, score: DICTIONARY_PARAMS.completion + senseBonus / 3, evidence: 'dictionary' });
        }
      }
    }
  }
  return out;
}

/**
 * A compound the dictionary lacks (持久化, 调度器) renders as its head word (持久 "persistence",
 * 调度 "to schedule") does, less surely: the same spans, scored DICTIONARY_PARAMS.head as much.
 */
export function headMatches(head: LexiconEntry, ctx: EnglishContext): GlossMatch[] {
  return dictionaryMatches(head, ctx).map((m) => ({ ...m, score: m.score * DICTIONARY_PARAMS.head }));
}

/** Whether a match is one word right after a determiner or preposition: a noun ("at the time"), not a verb or particle ("bring back"). */
export function isNounAfterDeterminer(ctx: EnglishContext, m: GlossMatch): boolean {
  const i = ctx.tokens.findIndex((t) => t.start === m.start);
  return i >= 0 && ctx.nominal[i]! && ctx.tokens[i]!.end === m.end;
}

export function dictionaryMatch(entry: LexiconEntry, ctx: EnglishContext): GlossMatch | null {
  return dictionaryMatches(entry, ctx).reduce<GlossMatch | null>((b, m) => (!b || m.score > b.score ? m : b), null);
}

/**
 * A name spelled in pinyin: 杭州 → "Hangzhou", 抖音 → "Douyin", 郭家坤 → "Guo Jiakun".
 * `spellings` are the word's possible toneless spellings.
 */
/** Whether any name in the sentence starts with one of these letters: a cheap test before spelling a word out. */
export function mayNameStartWith(starts: string[], ctx: EnglishContext): boolean {
  for (const name of namesOf(ctx).keys()) if (starts.some((s) => s && name.startsWith(s))) return true;
  return false;
}

export function transliterationMatch(spellings: string[], ctx: EnglishContext): GlossMatch | null {
  const names = namesOf(ctx);
  for (const s of spellings) {
    const m = s.length >= 3 ? names.get(s) : undefined;
    if (m) return m;
  }
  return null;
}

/**
 * A name the article spells in full in one sentence ("Wang Miao" for 汪淼) is named by its
 * surname alone in others ("Sha was excited to see Wang"): the surname is the first word of
 * the full spelling, when it spells the name's first character. Null when the spelling is
 * one word, or does not start with the surname.
 */
export function surnameOf(spelled: string, firstReadings: string[]): string | null {
  const words = spelled.split(/\s+/);
  if (words.length < 2 || !/^[A-Z][a-z]+$/.test(words[0]!)) return null;
  return firstReadings.includes(words[0]!.toLowerCase()) ? words[0]! : null;
}

/** Every place the sentence writes a surname (see surnameOf), as a capitalised word. */
export function surnameMatches(surname: string, ctx: EnglishContext): GlossMatch[] {
  const out: GlossMatch[] = [];
  for (const t of ctx.tokens) {
    const bare = t.text.replace(/['’]s$/, '');
    if (bare === surname) out.push({ start: t.start, end: t.start + bare.length, score: DICTIONARY_PARAMS.surname, evidence: 'transliteration' });
  }
  return out;
}

const nameCache = new WeakMap<EnglishContext, Map<string, GlossMatch>>();

/** Every way the sentence may spell a name (see nameRuns), each with its span. */
function namesOf(ctx: EnglishContext): Map<string, GlossMatch> {
  let names = nameCache.get(ctx);
  if (names) return names;
  names = new Map();
  const toks = ctx.tokens;
  for (const { first, last, letters } of nameRuns(toks, ctx.text)) {
    const score = DICTIONARY_PARAMS.transliteration + (last - first);
    if (!names.has(letters)) names.set(letters, { start: toks[first]!.start, end: toks[last]!.end, score, evidence: 'transliteration' });
    // A possessive is not part of the name: "Sha Ruishan's" spells 沙瑞山, as "Sha Ruishan".
    const end = toks[last]!.end;
    const bare = letters.slice(0, -1);
    if (/['’]s$/.test(toks[last]!.text) && !names.has(bare)) names.set(bare, { start: toks[first]!.start, end: end - 2, score, evidence: 'transliteration' });
  }
  nameCache.set(ctx, names);
  return names;
}

/**
 * A place named in pinyin and a word for what it is (京密路 "Jingmi Road", 密云县 "Miyun
 * County"): the name's spelling, then right after it a capitalised word that the last
 * character's own senses render (路 "road", 县 "county"). The whole span, or null.
 */
export function namedPlaceMatch(nameSpellings: string[], suffix: readonly LexiconEntry[], ctx: EnglishContext): GlossMatch | null {
  const name = transliterationMatch(nameSpellings, ctx);
  if (!name) return null;
  const k = ctx.tokens.findIndex((t) => t.start > name.end);
  const t = ctx.tokens[k];
  if (!t || t.start !== name.end + 1 || !/^[A-Z][a-z]/.test(t.text)) return null;
  const rendered = suffix.some((e) => !e.flags.includes('variant') && dictionaryMatches(e, ctx).some((m) => m.start === t.start && m.end === t.end));
  return rendered ? { start: name.start, end: t.end, score: name.score + 1, evidence: 'transliteration' } : null;
}

/** The Latin part of a mixed word (T恤 "T-shirt", A股 "A-shares") written the same in English. */
export function latinMatch(word: string, ctx: EnglishContext): GlossMatch | null {
  const latin = /[A-Za-z]+/.exec(word)?.[0];
  if (!latin) return null;
  const t = ctx.tokens.find((x) => x.text.toLowerCase().startsWith(latin.toLowerCase()));
  return t ? { start: t.start, end: t.end, score: DICTIONARY_PARAMS.latin, evidence: 'latin' } : null;
}
