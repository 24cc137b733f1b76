type PinyinPro = typeof import('pinyin-pro');
let pinyinPro: PinyinPro | undefined;

/**
 * Pinyin for a word CC-CEDICT lacks (a name, a new compound), from pinyin-pro. Simplified
 * input only (on Traditional it misreads 銀行 as yín xíng), and without tone sandhi: learners
 * read citation tones, as CC-CEDICT writes them. Loaded on first use.
 */
export function fallbackPinyin(simplified: string): string {
  pinyinPro ??= require('pinyin-pro') as PinyinPro;
  return pinyinPro.pinyin(simplified, { toneSandhi: false, type: 'string', nonZh: 'consecutive' }).replace(/\s+/g, ' ').trim();
}
