// Install-time only: prepares data/segment.bin from jieba's dictionary, CC-CEDICT and OpenCC's
// character tables, so that an ordinary run reads one buffer and parses nothing.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LexiconEntry } from '../lexicon/index.js';
import { SortedKeys } from '../util/keys.js';
import { SOURCES as CEDICT, readCedictEntries } from '../lexicon/build.js';
import { encodeSegmentData } from './dictionary.js';
import { isDegreePhrase } from './recurring.js';

/** What the segmentation dictionary is made from (checked before a rebuild at run time). */
export const SOURCES = ['@node-rs/jieba/dict.txt', 'opencc-js', ...CEDICT];


/**
 * CC-CEDICT words jieba lacks (防火长城, 字节跳动, 网红) get this frequency: enough to beat a
 * split into single characters, not enough to override jieba's own words. Measured on the
 * first halves of the SIGHAN 2005 gold files (bench/tune-segment.mjs, bench/RESULTS.md).
 */
export const ADDED_WORD_FREQUENCY = 3;

/**
 * Which of jieba's phrases are dropped: `off` keeps them all; `one-long` drops a phrase that
 * splits into two CC-CEDICT words of which one has two characters or more; `both-long` only
 * when both have.
 */
export type MergeRule = 'off' | 'one-long' | 'both-long';

export interface SegmentBuildOptions {
  addedFrequency?: number;
  mergeRule?: MergeRule;
  /** false: keep jieba's phrases of a degree adverb and a word (很好, 更好, 太大). */
  degreePhrases?: boolean;
}



interface DictWord {
  word: string;
  freq: number;
}

function readJiebaDict(): DictWord[] {
  return readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8')
    .split('\n')
    .map((l) => l.split(' '))
    .filter((p) => p[0])
    .map(([word, freq]) => ({ word: word!, freq: Number(freq ?? 0) }));
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

/**
 * jieba's dictionary holds many phrases that a dictionary would not call words (中国外交部,
 * 严格控制, 手机号码). A learner wants 外交部 and 控制, and the SIGHAN standards agree: a jieba
 * entry that is not a CC-CEDICT word and splits into two CC-CEDICT words of two characters or
 * more is dropped (`both-long`; measured on the first halves, `one-long`, which also drops
 * 大公司-like phrases of a character and a word, costs AS/CityU/MSR 0.002–0.006 and gains PKU
 * 0.008). CC-CEDICT words jieba lacks are added.
 */
export function mergeDictionaries(jieba: DictWord[], cedictSimplified: Set<string>, opts: SegmentBuildOptions = {}): DictWord[] {
  const rule = opts.mergeRule ?? 'both-long';
  const degree = opts.degreePhrases ?? true;
  const kept = jieba.filter(({ word }) => {
    if (degree && isDegreePhrase(word) && !cedictSimplified.has(word) && cedictSimplified.has(word.slice(1))) return false;
    if (rule === 'off' || word.length < 3 || cedictSimplified.has(word) || !HAN_ONLY.test(word)) return true;
    for (let k = 1; k < word.length; k++) {
      const a = word.slice(0, k);
      const b = word.slice(k);
      const long = rule === 'one-long' ? a.length >= 2 || b.length >= 2 : a.length >= 2 && b.length >= 2;
      if (long && cedictSimplified.has(a) && cedictSimplified.has(b)) return false;
    }
    return true;
  });
  const have = new Set(jieba.map((w) => w.word));
  const freq = opts.addedFrequency ?? ADDED_WORD_FREQUENCY;
  const added =
    freq <= 0
      ? []
      : [...cedictSimplified].filter((w) => [...w].length >= 2 && HAN_ONLY.test(w) && !have.has(w)).map((word) => ({ word, freq }));
  return [...kept, ...added];
}

/** OpenCC's Traditional → Simplified characters (Taiwan and Hong Kong variants first), one for one. */
async function traditionalToSimplified(): Promise<string> {
  const dir = join(dirname(require.resolve('opencc-js')), '..', 'esm-lib', 'dict');
  // Each table is an ES module of one string (`export default "㑯 㑔|…"`), read as text: import()
  // fails inside the bundle once V8's code cache is used (the functions it restores have no
  // dynamic-import callback), and data is rebuilt at run time when it is damaged.
  const table = (name: string) => {
    const source = readFileSync(join(dir, `${name}.js`), 'utf8');
    const literal = /^export default ("(?:[^"\\]|\\.)*");?\s*$/.exec(source)?.[1];
    if (!literal) throw new Error(`${name}.js in opencc-js is not one exported string`);
    const text = JSON.parse(literal) as string;
    return new Map(text.split('|').map((p) => p.split(' ') as [string, string]));
  };
  const ts = table('TSCharacters');
  const variants = new Map([...table('HKVariantsRev'), ...table('TWVariantsRev')]);
  const pairs = new Map<string, string>();
  for (const [t, s] of ts) pairs.set(t, s);
  for (const [v, t] of variants) pairs.set(v, ts.get(t) ?? t);
  // Only one-for-one BMP pairs: the conversion must keep every offset.
  return [...pairs]
    .filter(([t, s]) => t.length === 1 && s.length === 1 && t !== s)
    .map(([t, s]) => t + s)
    .join('');
}

export async function buildSegmentData(entries: Iterable<LexiconEntry> = readCedictEntries(), opts: SegmentBuildOptions = {}): Promise<Buffer> {
  const cedict = new Set<string>();
  for (const e of entries) if (!e.flags.includes('variant')) cedict.add(e.simplified);
  const words = mergeDictionaries(readJiebaDict(), cedict, opts);
  const freq = new Map(words.map((w) => [w.word, w.freq]));
  const { keys, offsets, firstUnit, sorted } = SortedKeys.pack(freq.keys());
  return encodeSegmentData({
    keys,
    offsets,
    firstUnit,
    frequencies: Uint32Array.from(sorted.map((w) => freq.get(w)!)),
    traditionalToSimplified: await traditionalToSimplified(),
  });
}
