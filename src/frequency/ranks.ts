import { pack, unpack } from '../util/pack.js';
import { SortedKeys } from '../util/keys.js';

// 2: ranked over the segmentation dictionary of format 4 (issue 18): older files are rebuilt.
export const FORMAT = 2;
const enum S {
  Keys,
  Offsets,
  KeyIndex,
  Ranks,
}

export interface RankSource {
  keys: string;
  offsets: Uint32Array;
  firstUnit: Uint32Array;
  ranks: Uint32Array;
}

export const encodeRanks = (s: RankSource): Buffer => pack(FORMAT, [s.keys, s.offsets, s.firstUnit, s.ranks]);

/**
 * How common a word is, as learners meet words: 1 for the most frequent. Bands name ranges of
 * ranks ("2k": among the 2,000 most frequent words), shown on cards and in `words --json`.
 */
export type Band = '1k' | '2k' | '5k' | '10k' | '20k' | 'rare';
const BANDS: [number, Band][] = [
  [1000, '1k'],
  [2000, '2k'],
  [5000, '5k'],
  [10000, '10k'],
  [20000, '20k'],
];

/** The band of a rank; a word no list ranks is rare. */
export const bandOf = (rank: number | null): Band => (rank === null ? 'rare' : (BANDS.find(([n]) => rank <= n)?.[1] ?? 'rare'));

/** What a band says on a card. */
export const bandLabel = (band: Band): string => (band === 'rare' ? 'rare word' : `top ${band} word`);

export class FrequencyRanks {
  private readonly keys: SortedKeys;
  private readonly ranks: Uint32Array;

  constructor(buf: Buffer, what = 'frequency ranks') {
    const u = unpack(buf, what);
    if (u.version !== FORMAT) throw new Error(`${what} has format ${u.version}, expected ${FORMAT}`);
    this.keys = new SortedKeys(u.utf16(S.Keys), u.u32(S.Offsets), u.u32(S.KeyIndex));
    this.ranks = u.u32(S.Ranks);
  }

  get size(): number {
    return this.keys.size;
  }

  /** The rank of a Simplified word, or null when no list ranks it. */
  rank(simplified: string): number | null {
    const i = this.keys.indexOf(simplified);
    return i < 0 ? null : this.ranks[i]!;
  }
}
