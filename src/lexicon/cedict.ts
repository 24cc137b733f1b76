import { markPinyin } from '../pinyin/index.js';
import type { Classifier, EntryFlag, LexiconEntry } from './types.js';
import { variantTargets } from './senses.js';

/** An entry as read from the dictionary, with the numbered pinyin kept for ranking. */
export interface CedictEntry extends LexiconEntry {
  numbered: string;
}

const LINE = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/;

// "variant of", "old variant of", "(archaic) variant of", "Japanese variant of": senses that only point elsewhere.
const VARIANT = /^(\([^)]*\)\s*)?([A-Za-z-]+\s+){0,2}variant of\b/i;
// Readings that exist only inside another word: 得 de4 "used in 得瑟[de4 se5]".
const BOUND = /^(\([^)]*\)\s*)?(only )?(used in|component in)\b [^\s/]+\[/i;
// 杭州 "see 杭州市[Háng zhōu Shì]": the meaning lives in the entry it points to.
const SEE = /^see (?:also )?([^\s|[]+)(?:\|([^\s[]+))?\[([^\]]+)\]$/;
const SURNAME = /^surname\b/i;
const ABBREVIATION = /^(\([^)]*\)\s*)?(abbr\.|short for|short name for|abbreviation)/i;

/** Inline references such as 周[zhou1] carry numbered pinyin; show it marked like the headword. */
function markInline(sense: string): string {
  return sense.replace(/\[([A-Za-z:^0-9 ,·]+)\]/g, (_, p: string) => `[${markPinyin(p)}]`);
}

function parseClassifiers(sense: string): Classifier[] {
  return sense
    .slice(3)
    .split(',')
    .map((part) => /^\s*([^|[\s]+)(?:\|([^[\s]+))?\[([^\]]+)\]/.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ traditional: m[1]!, simplified: m[2] ?? m[1]!, pinyin: markPinyin(m[3]!) }));
}

export function parseCedictLine(line: string): CedictEntry | null {
  if (line.startsWith('#')) return null;
  const m = LINE.exec(line);
  if (!m) return null;
  const [, traditional, simplified, numbered, defs] = m as unknown as [string, string, string, string, string];
  const senses: string[] = [];
  const classifiers: Classifier[] = [];
  for (const raw of defs.split('/')) {
    const sense = raw.trim();
    if (!sense) continue;
    if (sense.startsWith('CL:')) classifiers.push(...parseClassifiers(sense));
    else senses.push(markInline(sense));
  }
  const flags: EntryFlag[] = [];
  if (senses.length > 0 && senses.every((s) => VARIANT.test(s))) flags.push('variant');
  if (senses.some((s) => SURNAME.test(s))) flags.push('surname');
  if (senses.some((s) => ABBREVIATION.test(s))) flags.push('abbreviation');
  if (/^[A-Z]/.test(numbered.trim())) flags.push('proper-noun');
  if (senses.length > 0 && senses.every((s) => BOUND.test(s) || VARIANT.test(s)) && !flags.includes('variant')) {
    flags.push('bound');
  }
  return { traditional, simplified, pinyin: markPinyin(numbered), numbered: numbered.trim(), senses, classifiers, flags };
}

export function parseCedict(text: string): CedictEntry[] {
  const out: CedictEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const e = parseCedictLine(line);
    if (e) out.push(e);
  }
  resolveReferences(out);
  return out;
}

/** An entry whose only sense is "see X" borrows X's senses, so that a learner sees a meaning. */
function resolveReferences(entries: CedictEntry[]): void {
  const byHeadword = new Map<string, CedictEntry[]>();
  for (const e of entries) {
    const k = `${e.traditional}|${e.pinyin}`;
    byHeadword.set(k, [...(byHeadword.get(k) ?? []), e]);
  }
  for (const e of entries) {
    if (e.senses.length !== 1) continue;
    const m = SEE.exec(e.senses[0]!);
    if (!m) continue;
    const target = byHeadword.get(`${m[1]}|${m[3]}`)?.[0];
    if (target && target !== e) e.senses = [...target.senses.filter((s) => !SEE.test(s)), e.senses[0]!];
  }
}


/**
 * How unlikely an entry is to be the one a reader means, before any context: a "variant of"
 * pointer, a bare surname, a proper noun or a reading bound to one word is never preferred
 * over an everyday entry (貴 guì before Guì, "short name for Guizhou").
 */
export function entryPenalty(e: LexiconEntry): number {
  let p = 0;
  if (e.flags.includes('variant')) p += 1000;
  if (e.flags.includes('bound')) p += 60;
  const onlySurname = e.senses.length > 0 && e.senses.every((s) => SURNAME.test(s));
  if (onlySurname) p += 200;
  if (e.flags.includes('proper-noun')) p += 100;
  const onlyAbbreviation = e.senses.length > 0 && e.senses.every((s) => ABBREVIATION.test(s) || SURNAME.test(s));
  if (onlyAbbreviation) p += 50;
  if (e.senses.length > 0 && e.senses.every((s) => /^\((Tw|Taiwan|dialect|Cantonese|archaic|old|literary)\b/i.test(s))) p += 30;
  // 秊 "grain; harvest (old); variant of 年": it shares the Simplified headword 年 with the
  // entry it points at, and a reader of 年 means that one, in either script.
  if (e.traditional !== e.simplified && e.senses.some((s) => variantTargets(s).includes(e.simplified))) p += 150;
  return p;
}
