import { layout, pack, type Sections } from '../data/index.js';
import { SortedKeys } from '../util/keys.js';

/**
 * data/frequency.bin. Bump the format when what a section holds changes: an old file is then rebuilt.
 * 2: ranked over the segmentation dictionary of format 4 (issue 18).
 */
export const FREQUENCY = layout('frequency.bin', 2, { keys: 'utf16', offsets: 'u32', keyIndex: 'u32', ranks: 'u32' });

export interface RankSource {
  keys: string;
  offsets: Uint32Array;
  firstUnit: Uint32Array;
  ranks: Uint32Array;
}

export const encodeRanks = ({ keys, offsets, firstUnit, ranks }: RankSource): Buffer => pack(FREQUENCY, { keys, offsets, keyIndex: firstUnit, ranks });

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

  constructor(s: Sections<typeof FREQUENCY.sections>) {
    this.keys = new SortedKeys(s.keys, s.offsets, s.keyIndex);
    this.ranks = s.ranks;
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
