import { extname } from 'node:path';
import { UserError } from '../util/errors.js';
import { markKinds } from './credits.js';
import { groupFiles, nameParts, type Groupable } from './group.js';
import { readPage, type Page } from './html.js';
import { bilingualCuePairs, cuesLanguage, looksLikeSubtitles, parseCues, timedCuePairs, type Cue } from './subtitles.js';
import { looksLikeTable, tablePairs, type ColumnChoice, type Delimiter } from './table.js';
import type { Article, Format, Language, Layout, ParagraphKind, ParagraphPair, Script, TextFile } from './types.js';
import { comparable, hasHan, languageOf, looksLikeTitle, toUnits, type Unit } from './units.js';

export interface ScriptJudge {
  scriptEvidence(text: string): { traditional: number; simplified: number };
}

export interface ParseOptions {
  /** Force a layout instead of detecting it. */
  layout?: Layout;
  /** Force the script instead of detecting it. */
  script?: Script;
  /** A table's English and Chinese columns, instead of finding them by their content. */
  columns?: ColumnChoice;
}

const ref = (u: Unit) => ({ file: u.file, line: u.line });

/** A paragraph with no translation (yet). */
const oneSided = (u: Unit): ParagraphPair => ({
  en: u.lang === 'en' ? u.text : null,
  zh: u.lang === 'zh' ? u.text : null,
  kind: u.heading ? 'title' : u.caption ? 'caption' : 'body',
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

/** The leading language: the first one that is followed by the other (a title may stand alone). */
function leadOf(units: Unit[]): Language {
  const leadIndex = units.findIndex((u, i) => units[i + 1] && units[i + 1]!.lang !== u.lang);
  return leadIndex >= 0 ? units[leadIndex]!.lang : (units[0]?.lang ?? 'en');
}

/**
 * The seed's layout: each paragraph followed by its translation (usually English first),
 * translations possibly repeated or missing, captions in both languages.
 */
function interleavedPairs(units: Unit[], lead = leadOf(units)): ParagraphPair[] {
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

/**
 * The paragraphs of an English block and a Chinese block (in one file or two), one-sided in
 * reading order for align/ to pair; when both blocks start with a title, the titles are
 * paired here: a title is never joined to a paragraph.
 */
function blockPairs(units: Unit[]): ParagraphPair[] {
  const en = units.find((u) => u.lang === 'en');
  const zh = units.find((u) => u.lang === 'zh');
  if (!en || !zh || !looksLikeTitle(en.text) || !looksLikeTitle(zh.text)) return units.map(oneSided);
  const title: ParagraphPair = { en: en.text, zh: zh.text, kind: 'title', source: ref(en), zhSource: ref(zh) };
  return [title, ...units.filter((u) => u !== en && u !== zh).map(oneSided)];
}

/** One file as its format reads it. */
type Reading =
  | { format: 'text'; file: TextFile; units: Unit[] }
  | { format: 'table'; file: TextFile; pairs: ParagraphPair[]; delimiter: Delimiter }
  | { format: 'html'; file: TextFile; page: Page }
  | { format: 'subtitles'; file: TextFile; cues: Cue[] };

const EXTENSIONS: Record<string, Format> = {
  '.tsv': 'table',
  '.tab': 'table',
  '.csv': 'table',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.mhtml': 'html',
  '.mht': 'html',
  '.srt': 'subtitles',
  '.vtt': 'subtitles',
};

const looksLikeHtml = (text: string) => /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body)[\s>]/i.test(text.slice(0, 4096));

/** A file's format: forced by the layout, told by the reader, named by the extension, or seen in the text. */
function formatOf(file: TextFile, layout: Layout | undefined): Format {
  if (layout === 'tsv' || layout === 'csv') return 'table';
  if (layout === 'html' || layout === 'subtitles') return layout;
  // Raw markup is never worth reading as text, whatever the layout says of its paragraphs.
  const detected = file.format ?? EXTENSIONS[extname(file.file).toLowerCase()];
  if (detected === 'html' || (!detected && looksLikeHtml(file.text))) return 'html';
  if (layout && layout !== 'two-files') return 'text';
  if (detected) return detected;
  if (looksLikeSubtitles(file.text)) return 'subtitles';
  return looksLikeTable(file) ? 'table' : 'text';
}

function readAs(file: TextFile, opts: ParseOptions): Reading {
  const format = formatOf(file, opts.layout);
  if (format === 'table') {
    const delimiter = opts.layout === 'tsv' ? '\t' : opts.layout === 'csv' || extname(file.file).toLowerCase() === '.csv' ? 'sniff-csv' : undefined;
    return { format, file, ...tablePairs(file, { delimiter, columns: opts.columns }) };
  }
  if (format === 'html') return { format, file, page: readPage(file.text, file.file) };
  if (format === 'subtitles') return { format, file, cues: parseCues(file) };
  return { format, file, units: toUnits(file) };
}

/** A reading's paragraphs of one language each, in reading order (for a file that is half of an article). */
function unitsOf(r: Reading): Unit[] {
  const unit = (lang: Language, text: string, line: number, kind: ParagraphKind = 'body'): Unit => ({
    lang,
    text,
    file: r.file.file,
    line,
    caption: kind === 'caption',
    ...(kind === 'title' ? { heading: true } : {}),
  });
  const fromPair = (p: ParagraphPair) => [
    ...(p.en ? [unit('en', p.en, p.source.line, p.kind)] : []),
    ...(p.zh ? [unit('zh', p.zh, (p.zhSource ?? p.source).line, p.kind)] : []),
  ];
  switch (r.format) {
    case 'text':
      return r.units;
    case 'table':
      return r.pairs.flatMap(fromPair);
    case 'html':
      return r.page.items.flatMap((i) => ('unit' in i ? [i.unit] : fromPair(i.pair)));
    case 'subtitles':
      return bilingualCuePairs(r.file, r.cues).flatMap(fromPair);
  }
}

/** Which language a whole file is written in: nearly all its paragraphs one language, or mixed. */
function readingLanguage(r: Reading): Language | 'mixed' {
  if (r.format === 'subtitles') {
    const lang = cuesLanguage(r.cues);
    return lang === 'both' ? 'mixed' : lang;
  }
  const units = unitsOf(r);
  const zh = units.filter((u) => u.lang === 'zh').length;
  if (zh >= 0.9 * units.length) return 'zh';
  if (zh <= 0.1 * units.length) return 'en';
  return 'mixed';
}

/** A page's paragraphs, paired as the page pairs them: rows as they are, the rest interleaved or in blocks. */
function pagePairs(page: Page, forced: Layout | undefined): { paragraphs: ParagraphPair[]; paired: boolean } {
  const units = dropRepeats(page.items.flatMap((i) => ('unit' in i ? [i.unit] : [])));
  const kept = new Set(units);
  const blocks = forced === 'blocks' || (forced !== 'interleaved' && (page.columns || looksLikeBlocks(units)));
  if (blocks) return { paragraphs: page.items.flatMap((i) => ('pair' in i ? [i.pair] : kept.has(i.unit) ? [oneSided(i.unit)] : [])), paired: false };
  const lead = leadOf(units);
  const paragraphs: ParagraphPair[] = [];
  let run: Unit[] = [];
  for (const item of page.items) {
    if ('unit' in item) {
      if (kept.has(item.unit)) run.push(item.unit);
      continue;
    }
    paragraphs.push(...interleavedPairs(run, lead), item.pair);
    run = [];
  }
  paragraphs.push(...interleavedPairs(run, lead));
  return { paragraphs, paired: true };
}

interface Laid {
  layout: Layout;
  paired: boolean;
  paragraphs: ParagraphPair[];
  title?: string | null;
}

/** One file's article, in its format's layout. */
function layOutOne(r: Reading, opts: ParseOptions): Laid {
  switch (r.format) {
    case 'table':
      return { layout: r.delimiter === '\t' ? 'tsv' : 'csv', paired: true, paragraphs: r.pairs };
    case 'html': {
      const forced = opts.layout === 'interleaved' || opts.layout === 'blocks' ? opts.layout : undefined;
      return { layout: 'html', ...pagePairs(r.page, forced), title: r.page.title };
    }
    case 'subtitles': {
      const lang = cuesLanguage(r.cues);
      if (lang !== 'both') {
        const other = lang === 'en' ? 'Chinese' : 'English';
        throw new UserError(`holds ${lang === 'en' ? 'English' : 'Chinese'} subtitles only: give the ${other} subtitles of the same video with it`, r.file.file);
      }
      return { layout: 'subtitles', paired: true, paragraphs: bilingualCuePairs(r.file, r.cues) };
    }
    case 'text': {
      const units = dropRepeats(r.units);
      const layout = opts.layout === 'interleaved' || opts.layout === 'blocks' ? opts.layout : looksLikeBlocks(units) ? 'blocks' : 'interleaved';
      return layout === 'interleaved' ? { layout, paired: true, paragraphs: interleavedPairs(units) } : { layout, paired: false, paragraphs: blockPairs(units) };
    }
  }
}

/** Two files, one English and one Chinese: subtitles matched by time, anything else paragraph by paragraph. */
function layOutTwo(a: Reading, b: Reading): Laid {
  const [en, zh] = readingLanguage(a) === 'zh' || readingLanguage(b) === 'en' ? [b, a] : [a, b];
  if (en.format === 'subtitles' && zh.format === 'subtitles') {
    return { layout: 'subtitles', paired: true, paragraphs: timedCuePairs(en.file, en.cues, zh.file, zh.cues) };
  }
  const units = [...unitsOf(en), ...unitsOf(zh)];
  return { layout: 'two-files', paired: false, paragraphs: blockPairs(dropRepeats([...units.filter((u) => u.lang === 'en'), ...units.filter((u) => u.lang === 'zh')])) };
}

function detectScript(zhText: string, judge: ScriptJudge): Script {
  const { traditional, simplified } = judge.scriptEvidence(zhText);
  return traditional > simplified ? 'traditional' : 'simplified';
}

/** An article from files already read in their formats. */
function articleOf(readings: Reading[], judge: ScriptJudge, opts: ParseOptions): Article {
  const files = readings.map((r) => r.file);
  const name = files.map((f) => f.file).join(' + ');
  if (readings.length < 1 || readings.length > 2) throw new Error(`an article is one file or two, not ${readings.length}`);
  const laid = readings.length === 2 ? layOutTwo(readings[0]!, readings[1]!) : layOutOne(readings[0]!, opts);
  const { layout, paired, paragraphs } = laid;
  const zhText = paragraphs.map((p) => p.zh ?? '').join('\n');
  if (!hasHan(zhText)) throw new UserError('no Chinese text found', name);
  if (!paragraphs.some((p) => p.en)) throw new UserError('no English text found', name);
  if (paired && !paragraphs.some((p) => p.en && p.zh)) {
    throw new UserError(`no English paragraph has its Chinese beside it (read as ${layout}; --layout chooses another)`, name);
  }
  markKinds(paragraphs, layout);
  const titlePair = paragraphs.find((p) => p.kind === 'title');
  return {
    title: titlePair?.en ?? titlePair?.zh ?? laid.title ?? nameParts(files[0]!.file).stem,
    script: opts.script ?? detectScript(zhText, judge),
    layout,
    paired,
    source: { file: files[0]!.file, line: 1 },
    paragraphs,
  };
}

/**
 * Text of one article (one file, or an English and a Chinese file) → Article. Pure: the files
 * are already decoded.
 */
export function parseArticle(files: TextFile[], judge: ScriptJudge, opts: ParseOptions = {}): Article {
  return articleOf(
    files.map((f) => readAs(f, opts)),
    judge,
    opts,
  );
}

const groupable = (r: Reading): Groupable & { reading: Reading } => ({
  file: r.file.file,
  family: r.format === 'subtitles' ? 'subtitles' : 'text',
  language: () => readingLanguage(r),
  reading: r,
});

/** How --layout groups files: two by two, each alone, or by their names and languages. */
const groupMode = (layout: Layout | undefined) => (layout === 'two-files' ? 'pairAll' : layout && layout !== 'subtitles' ? 'alone' : 'auto');

/**
 * The articles in some decoded texts, each file read in its own format and layout: files
 * grouped by their names and languages (see groupFiles), each group one article. Pure.
 */
export function parseArticles(texts: TextFile[], judge: ScriptJudge, opts: ParseOptions = {}): Article[] {
  const readings = texts.map((t) => groupable(readAs(t, opts)));
  return groupFiles(readings, groupMode(opts.layout)).map((g) =>
    articleOf(
      g.map((x) => x.reading),
      judge,
      opts,
    ),
  );
}

/** Whether two files are the two halves of one article (one English, one Chinese). */
export function isTwoFileArticle(files: TextFile[]): boolean {
  if (files.length !== 2) return false;
  return groupFiles(files.map((f) => groupable(readAs(f, {})))).length === 1;
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
