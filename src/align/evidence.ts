import { englishTokens, GRAMMATICAL_CHARS, isPinyinShaped, meaningStems, nameRuns, pinyinSpeller, type Lexicon } from '../lexicon/index.js';
import { pinyinLetters } from '../pinyin/index.js';

import { chineseNumbers, englishNumbers } from './numbers.js';
import { punctuationOf, type Punctuation } from './punctuation.js';

/**
 * Lexical evidence that an English and a Chinese sentence translate each other, reduced to
 * integer ids in one shared space so that comparing two sentences is a few array lookups:
 * stems of CC-CEDICT senses (難民 → refugee), numbers (1.7 億 → 170000000), Latin names
 * (TikTok), and pinyin spellings of names (杭州 → hangzhou, 郭家坤 → guojiakun).
 */
export interface Item {
  ids: readonly number[];
  weight: number;
  /** An English word that may be a Chinese name in pinyin: its letters ("hangzhou", "guojiakun"). */
  names?: string[];
}

export interface SentenceEvidence {
  items: Item[];
  /** Every id of the sentence's items, sorted, each once. */
  all: Int32Array;
  /** Whether the sentence's Han characters can spell these letters in pinyin (Chinese only). */
  spells?: (letters: string) => boolean;
  /** Total item weight: what full coverage would be. */
  mass: number;
  /** Length in characters, spaces excluded: the Gale–Church measure. */
  length: number;
  /** Questions, exclamations, clause marks and quotations (punctuation.ts). */
  punctuation?: Punctuation;
}

export class EvidenceSpace {
  private readonly ids = new Map<string, number>();
  private readonly zhWordCache = new Map<string, number[]>();

  constructor(private readonly lexicon: Lexicon) {}

  id(key: string): number {
    let v = this.ids.get(key);
    if (v === undefined) this.ids.set(key, (v = this.ids.size));
    return v;
  }

  /** Stems of a Chinese word's senses (all entries, first senses of each), as ids. */
  private zhWordIds(word: string): number[] {
    let ids = this.zhWordCache.get(word);
    if (ids) return ids;
    const set = new Set<number>();
    for (const e of this.lexicon.lookup(word).slice(0, 4)) {
      if (e.flags.includes('variant')) continue;
      for (const sense of e.senses.slice(0, 4)) {
        for (const s of meaningStems(sense)) set.add(this.id(s));
      }
      if (e.flags.includes('proper-noun')) set.add(this.id(`~${pinyinLetters(e.pinyin)}`));
    }
    ids = [...set];
    this.zhWordCache.set(word, ids);
    return ids;
  }

  chinese(sentence: string): SentenceEvidence {
    const items: Item[] = [];
    let pos = 0;
    while (pos < sentence.length) {
      const ch = sentence[pos]!;
      if (/[A-Za-z0-9]/.test(ch)) {
        const m = /^[A-Za-z0-9][A-Za-z0-9.,'’-]*/.exec(sentence.slice(pos))![0];
        if (/[A-Za-z]/.test(m)) items.push({ ids: [this.id(`@${m.toLowerCase()}`)], weight: 2 });
        pos += m.length;
        continue;
      }
      const len = this.lexicon.longestAt(sentence, pos);
      if (len === 0) {
        pos++;
        continue;
      }
      const word = sentence.slice(pos, pos + len);
      // Forward maximum matching is crude, but it is only evidence, not the segmentation.
      if (!(word.length === 1 && GRAMMATICAL_CHARS.has(word))) {
        const ids = this.zhWordIds(word);
        if (ids.length) items.push({ ids, weight: word.length === 1 ? 0.5 : 1 });
      }
      pos += word.length;
    }
    for (const n of chineseNumbers(sentence)) items.push({ ids: [this.id(`#${n}`)], weight: 2 });
    const evidence = finish(items, sentence.replace(/\s/g, '').length);
    evidence.spells = pinyinSpeller(this.lexicon).speller([...sentence.replace(/[^\p{Script=Han}]/gu, '')]);
    evidence.punctuation = punctuationOf(sentence, 'zh');
    return evidence;
  }

  english(sentence: string): SentenceEvidence {
    const items: Item[] = [];
    const tokens = englishTokens(sentence);
    // A capitalised word may be a Chinese name spelled in pinyin; so may two in a row (Guo
    // Jiakun). Only words shaped as pinyin syllables are (not TikTok, US): measured on MAC-dev,
    // strict F1 0.846 against 0.845 with every name the glosser reads.
    const runs = nameRuns(tokens, sentence).filter((n) => n.last - n.first < 2 && isPinyinShaped(tokens, n));
    let r = 0;
    tokens.forEach((t, k) => {
      if (!t.content) return;
      const ids = [this.id(t.stem), this.id(`@${t.text.toLowerCase()}`)];
      const names: string[] = [];
      while (r < runs.length && runs[r]!.first < k) r++;
      for (let q = r; q < runs.length && runs[q]!.first === k; q++) names.push(runs[q]!.letters);
      for (const n of names) ids.push(this.id(`~${n}`));
      items.push({ ids, weight: 1, ...(names.length ? { names } : {}) });
    });
    for (const n of englishNumbers(sentence)) items.push({ ids: [this.id(`#${n}`)], weight: 2 });
    return { ...finish(items, sentence.replace(/\s/g, '').length), punctuation: punctuationOf(sentence, 'en') };
  }
}

function finish(items: Item[], length: number): SentenceEvidence {
  let mass = 0;
  let count = 0;
  for (const it of items) {
    mass += it.weight;
    count += it.ids.length;
  }
  const ids = new Int32Array(count);
  count = 0;
  for (const it of items) for (let q = 0; q < it.ids.length; q++) ids[count++] = it.ids[q]!;
  ids.sort();
  let n = 0;
  for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) ids[n++] = ids[k]!;
  return { items, all: ids.subarray(0, n), mass, length };
}

/** Whether a sorted id array holds an id (binary search: a sentence has a few dozen). */
function holds(all: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = all.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = all[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * The weight of `a`'s items that find any of their ids in `b`, or whose name `b` spells.
 * Called for every sentence pair in the aligner's band: plain loops, no closures.
 */
export function coveredMass(a: SentenceEvidence, b: SentenceEvidence): number {
  let m = 0;
  for (let k = 0; k < a.items.length; k++) {
    const it = a.items[k]!;
    let hit = false;
    for (let q = 0; q < it.ids.length && !hit; q++) hit = holds(b.all, it.ids[q]!);
    if (!hit && b.spells && it.names) hit = it.names.some(b.spells);
    if (hit) m += it.weight;
  }
  return m;
}
