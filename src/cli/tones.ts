import { toneOf } from '../lexicon/index.js';
import type { Colors } from './output.js';

// Conventional tone colours (Pleco/MDBG style): 1 red, 2 green/yellow, 3 blue, 4 purple.
const TONE = ['reset', 'red', 'green', 'blue', 'magenta', 'gray'] as const;

export function formatPinyin(pinyin: string, c: Colors): string {
  return pinyin
    .split(' ')
    .map((s) => {
      const t = toneOf(s);
      const paint = c[TONE[t] ?? 'reset'] as (s: string) => string;
      return t ? paint(s) : s;
    })
    .join(' ');
}
