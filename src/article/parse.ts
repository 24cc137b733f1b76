import { basename, extname } from 'node:path';
import { UserError } from '../util/errors.js';
import type { Article, Language, Layout, ParagraphKind, ParagraphPair, Script, TextFile } from './types.js';
import { comparable, hasHan, languageOf, toUnits, type Unit } from './units.js';

export interface ScriptJudge {
  scriptEvidence(text: string): { traditional: number; simplified: number };
}

export interface ParseOptions {
  /** Force a layout instead of detecting it. */
  layout?: Layout;
  /** Force the script instead of detecting it. */
  script?: Script;
}

const ref = (u: Unit) => ({ file: u.file, line: u.line });

/** A paragraph with no translation (yet). */
const oneSided = (u: Unit): ParagraphPair => ({
  en: u.lang === 'en' ? u.text : null,
  zh: u.lang === 'zh' ? u.text : null,
  kind: u.caption ? 'caption' : 'body',
  source: ref(u),
});

/** Drops Chinese paragraphs that repeat an earlier one verbatim (the seed prints each twice). */
function dropRepeats(units: Unit[]): Unit[] {
  const seen = new Set<string>();
  return units.filter((u) => {
    if (u.lang !== 'zh') return true;
    const key = comparable(u.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function runsOf(units: Unit[]): { lang: string; length: number }[] {
  const runs: { lang: string; length: number }[] = [];
  for (const u of units) {
    const last = runs[runs.length - 1];
    if (last && last.lang === u.lang) last.length++;
    else runs.push({ lang: u.lang, length: 1 });
  }
  return runs;
}

/** All English then all Chinese (or the reverse): two long runs hold nearly everything. */
function looksLikeBlocks(units: Unit[]): boolean {
  const runs = runsOf(units);
  if (runs.length > 4) return false;
  const longest = (lang: string) => Math.max(0, ...runs.filter((r) => r.lang === lang).map((r) => r.length));
  const en = longest('en');
  const zh = longest('zh');
  return en >= 2 && zh >= 2 && en + zh >= 0.8 * units.length;
}

function isTsv(file: TextFile): boolean {
  const rows = file.text.split('\n').filter((l) => l.trim() !== '');
  const bilingual = rows.filter((r) => {
    const cells = r.split('\t');
    return cells.length === 2 && languageOf(cells[0]!) !== languageOf(cells[1]!);
  });
  return rows.length > 0 && bilingual.length >= 0.6 * rows.length;
}

const unquote = (cell: string) => {
  const t = cell.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t;
};

function tsvPairs(file: TextFile): ParagraphPair[] {
  const rows = file.text
    .split('\n')
    .map((l, i) => ({ cells: l.split('\t').map(unquote), line: i + 1 }))
    .filter((r) => r.cells.some((c) => c !== ''));
  // Column order by majority: the column holding Han characters more often is the Chinese one.
  let zhFirst = 0;
  for (const r of rows) zhFirst += (hasHan(r.cells[0] ?? '') ? 1 : 0) - (hasHan(r.cells[1] ?? '') ? 1 : 0);
  const [zhCol, enCol] = zhFirst > 0 ? [0, 1] : [1, 0];
  return rows
    .filter((r, i) => !(i === 0 && !hasHan(r.cells[zhCol] ?? ''))) // a header row: no Chinese in the Chinese column
    .map((r) => ({
      en: r.cells[enCol] || null,
      zh: hasHan(r.cells[zhCol] ?? '') ? r.cells[zhCol]! : null,
      kind: 'body' as ParagraphKind,
      source: { file: file.file, line: r.line },
    }));
}

/**
 * The seed's layout: each paragraph followed by its translation (usually English first),
 * translations possibly repeated or missing, captions in both languages.
 */
function interleavedPairs(units: Unit[]): ParagraphPair[] {
  // The leading language: the first one that is followed by the other (a title may stand alone).
  const leadIndex = units.findIndex((u, i) => units[i + 1] && units[i + 1]!.lang !== u.lang);
  const lead = leadIndex >= 0 ? units[leadIndex]!.lang : (units[0]?.lang ?? 'en');
  const pairs: ParagraphPair[] = [];
  let open: ParagraphPair | null = null; // the pair still waiting for its translation
  for (const u of units) {
    if (u.lang === lead) {
      open = oneSided(u);
      pairs.push(open);
    } else if (open && open[u.lang] === null) {
      open[u.lang] = u.text;
      if (lead === 'en') open.zhSource = ref(u);
    } else if (open && open.kind !== 'caption' && !u.caption) {
      // A second paragraph translating the same one.
      open[u.lang] = `${open[u.lang]}\n${u.text}`;
    } else {
      pairs.push(oneSided(u));
    }
  }
  return pairs;
}

/** One-sided paragraphs in reading order; align pairs them (layouts that do not pair by position). */
const unpaired = (units: Unit[]): ParagraphPair[] => units.map(oneSided);

// What news sites append to an article: sign-ups, credits, standards notices.
const BOILERPLATE =
  /\b(sign up|subscribe|newsletter|(additional )?reporting by|writing by|editing by|edited by|our standards|all rights reserved|follow us|read more|click here|copyright)\b|©/i;

const looksLikeTitle = (text: string) => text.length <= 160 && !/[.!?。！？]["'”’」』)）]?$/.test(text.trim());

/** The first paragraph is a title when it reads like one; trailing untranslated credits are boilerplate. */
function markTitleAndBoilerplate(pairs: ParagraphPair[], layout: Layout): void {
  const first = pairs[0];
  if (first && first.kind === 'body' && looksLikeTitle(first.en ?? first.zh ?? '')) first.kind = 'title';
  if (layout !== 'interleaved') return;
  for (let i = pairs.length - 1; i >= 0; i--) {
    const p = pairs[i]!;
    if (p.zh || p.kind !== 'body' || !BOILERPLATE.test(p.en ?? '')) break;
    p.kind = 'boilerplate';
  }
}

function detectScript(zhText: string, judge: ScriptJudge): Script {
  const { traditional, simplified } = judge.scriptEvidence(zhText);
  return traditional > simplified ? 'traditional' : 'simplified';
}

const stem = (file: string) => basename(file, extname(file));

/**
 * Text of one article (one file, or an English and a Chinese file) → Article. Pure: the files
 * are already decoded.
 */
export function parseArticle(files: TextFile[], judge: ScriptJudge, opts: ParseOptions = {}): Article {
  const name = files.map((f) => f.file).join(' + ');
  let layout: Layout;
  let paragraphs: ParagraphPair[];
  if (files.length === 2) {
    layout = 'two-files';
    const units = files.flatMap(toUnits);
    paragraphs = unpaired(dropRepeats([...units.filter((u) => u.lang === 'en'), ...units.filter((u) => u.lang === 'zh')]));
  } else if (files.length === 1) {
    const file = files[0]!;
    if (opts.layout === 'tsv' || (!opts.layout && isTsv(file))) {
      layout = 'tsv';
      paragraphs = tsvPairs(file);
    } else {
      const units = dropRepeats(toUnits(file));
      layout = opts.layout ?? (looksLikeBlocks(units) ? 'blocks' : 'interleaved');
      paragraphs = layout === 'interleaved' ? interleavedPairs(units) : unpaired(units);
    }
  } else {
    throw new Error(`an article is one file or two, not ${files.length}`);
  }
  const zhText = paragraphs.map((p) => p.zh ?? '').join('\n');
  if (!hasHan(zhText)) throw new UserError('no Chinese text found', name);
  if (!paragraphs.some((p) => p.en)) throw new UserError('no English text found', name);
  markTitleAndBoilerplate(paragraphs, layout);
  const titlePair = paragraphs[0]?.kind === 'title' ? paragraphs[0] : undefined;
  return {
    title: titlePair?.en ?? titlePair?.zh ?? stem(files[0]!.file),
    script: opts.script ?? detectScript(zhText, judge),
    layout,
    source: { file: files[0]!.file, line: 1 },
    paragraphs,
  };
}

/** Which language a whole file is written in: nearly all its paragraphs one language, or mixed. */
function fileLanguage(file: TextFile): Language | 'mixed' {
  const units = toUnits(file);
  const zh = units.filter((u) => u.lang === 'zh').length;
  if (zh >= 0.9 * units.length) return 'zh';
  if (zh <= 0.1 * units.length) return 'en';
  return 'mixed';
}

/** Whether two files are the two halves of one article (one English, one Chinese). */
export function isTwoFileArticle(files: TextFile[]): boolean {
  if (files.length !== 2) return false;
  const langs = files.map(fileLanguage);
  return (langs[0] === 'en' && langs[1] === 'zh') || (langs[0] === 'zh' && langs[1] === 'en');
}

/**
 * The English and the Chinese file of two given in either order: the one with more Chinese
 * lines is the Chinese one. Neither holding Chinese is the user's error.
 */
export function englishAndChinese(files: [TextFile, TextFile]): { en: TextFile; zh: TextFile } {
  const zhLines = files.map((f) => f.text.split('\n').filter((l) => languageOf(l) === 'zh').length);
  const [zh, en] = zhLines[0]! > zhLines[1]! ? [files[0], files[1]] : [files[1], files[0]];
  if (Math.max(zhLines[0]!, zhLines[1]!) === 0) throw new UserError('no Chinese text found', `${files[0].file} + ${files[1].file}`);
  return { en, zh };
}
