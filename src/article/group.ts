// Several input files → articles: an `x.en.*` and an `x.zh.*` file are one article (so are the
// English and Chinese subtitles of one video); two one-language files given one after the
// other are one article when their names do not say; every other file is an article alone.
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../util/errors.js';
import type { Language } from './types.js';

// The language tags people put in file names: x.en.srt, x.zh-Hant.txt, x_chs.srt, x-english.txt.
const LANG_TAG = /[._-](en|eng|english|zh|zho|chi|chs|cht|chinese|cn|sc|tc|zh[-_](?:cn|tw|hk|sg|hans|hant))$/i;
const ENGLISH_TAG = /^(en|eng|english)$/i;

/** A file's name without its extension and language tag, and the language the tag names. */
export function nameParts(file: string): { stem: string; lang: Language | null } {
  const stem = basename(file, extname(file));
  const m = LANG_TAG.exec(stem);
  if (!m) return { stem, lang: null };
  return { stem: stem.slice(0, m.index), lang: ENGLISH_TAG.test(m[1]!) ? 'en' : 'zh' };
}

/** What grouping needs to know of a file read in its format. */
export interface Groupable {
  file: string;
  /** Subtitles pair only with subtitles, other files with other files. */
  family: 'subtitles' | 'text';
  /** The one language it is written in, or mixed. */
  language(): Language | 'mixed';
}

/**
 * The inputs grouped into articles, in the order given (each group lists its files in input
 * order). `pairAll` (--layout two-files) pairs files two by two whatever they hold;
 * `alone` (a forced one-file layout) keeps every file an article of its own.
 */
export function groupFiles<T extends Groupable>(inputs: T[], mode: 'auto' | 'pairAll' | 'alone' = 'auto'): T[][] {
  if (mode === 'alone') return inputs.map((f) => [f]);
  const partner = new Map<number, number>();
  // By name: one English and one Chinese file of the same stem (same folder, same family).
  const byName = new Map<string, { en: number[]; zh: number[] }>();
  inputs.forEach((f, i) => {
    const { stem, lang } = nameParts(f.file);
    if (!lang) return;
    const key = `${f.family}\0${join(dirname(f.file), stem)}`;
    const entry = byName.get(key) ?? byName.set(key, { en: [], zh: [] }).get(key)!;
    entry[lang].push(i);
  });
  for (const { en, zh } of byName.values()) {
    if (en.length === 1 && zh.length === 1) {
      partner.set(en[0]!, zh[0]!);
      partner.set(zh[0]!, en[0]!);
    }
  }
  // By content: two one-language files next to each other among the rest.
  const languages = new Map<number, Language | 'mixed'>();
  const languageOf = (i: number) => languages.get(i) ?? languages.set(i, inputs[i]!.language()).get(i)!;
  const rest = inputs.map((_, i) => i).filter((i) => !partner.has(i));
  for (let k = 0; k + 1 < rest.length; k++) {
    const i = rest[k]!;
    const j = rest[k + 1]!;
    const a = inputs[i]!;
    const b = inputs[j]!;
    const pairs =
      mode === 'pairAll' ||
      (a.family === b.family && languageOf(i) !== 'mixed' && languageOf(j) !== 'mixed' && languageOf(i) !== languageOf(j));
    if (pairs) {
      partner.set(i, j);
      partner.set(j, i);
      k++;
    }
  }
  const groups: T[][] = [];
  inputs.forEach((f, i) => {
    const p = partner.get(i);
    if (p === undefined) {
      if (mode === 'pairAll') throw new UserError('has no English or Chinese file to go with (--layout two-files pairs files two by two)', f.file);
      groups.push([f]);
    } else if (p > i) groups.push([f, inputs[p]!]);
  });
  return groups;
}
