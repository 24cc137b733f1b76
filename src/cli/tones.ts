import { toneOf } from '../pinyin/index.js';
import type { Colors } from './output.js';

// Conventional tone colours (Pleco/MDBG style): 1 red, 2 green, 3 blue, 4 purple, 5 grey.
const TONE = ['reset', 'red', 'green', 'blue', 'magenta', 'gray'] as const;

/** The colour of a tone (0: none). */
export const toneColour = (c: Colors, tone: number): ((s: string) => string) => c[TONE[tone] ?? 'reset'];

export function formatPinyin(pinyin: string, c: Colors): string {
  return pinyin
    .split(' ')
    .map((s) => {
      const t = toneOf(s);
      return t ? toneColour(c, t)(s) : s;
    })
    .join(' ');
}
