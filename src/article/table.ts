// Tables (TSV, CSV): one row is one pair. The Chinese and the English column are found by
// their content, so ids, sources and notes around them are ignored; a header row is skipped.
import { UserError } from '../util/errors.js';
import type { ParagraphPair, TextFile } from './types.js';
import { hanCount, languageOf, latinWords } from './units.js';

// Loaded only when a table is read.
type Parse = typeof import('csv-parse/sync').parse;
const csvParse = (): Parse => (require('csv-parse/sync') as { parse: Parse }).parse;

/** A column the user names: a 1-based number, or a header's text. */
export type ColumnRef = number | string;

/** `--columns EN,ZH`: which column holds the English and which the Chinese. */
export interface ColumnChoice {
  en: ColumnRef;
  zh: ColumnRef;
}

/** "2,3" or "english,chinese" → the two columns; anything else is the user's error. */
export function parseColumns(spec: string | undefined): ColumnChoice | undefined {
  if (spec === undefined) return undefined;
  const parts = spec.split(',').map((s) => s.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) throw new UserError(`expects two columns, English then Chinese (2,3 or english,chinese), not "${spec}"`, '--columns');
  const [en, zh] = parts.map((p): ColumnRef => (/^\d+$/.test(p) ? Number(p) : p)) as [ColumnRef, ColumnRef];
  if (en === 0 || zh === 0) throw new UserError('columns are numbered from 1', '--columns');
  if (en === zh) throw new UserError('the English and the Chinese column must differ', '--columns');
  return { en, zh };
}

interface Row {
  cells: string[];
  line: number;
}

const DELIMITERS = ['\t', ',', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

function parseRows(text: string, delimiter: string, quote: boolean): Row[] {
  // A TSV that quotes nothing (most do not) splits as it stands, several times faster.
  if (delimiter === '\t' && !(quote && /(^|\t)"/m.test(text))) {
    return text
      .split('\n')
      .map((line, i) => ({ cells: line.split('\t').map((c) => c.trim()), line: i + 1 }))
      .filter((r) => r.cells.some((c) => c !== ''));
  }
  const records = csvParse()(text, {
    delimiter,
    quote: quote ? '"' : false,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return records.map((r) => ({ cells: r.record.map((c) => c.trim()), line: r.info.lines })).filter((r) => r.cells.some((c) => c !== ''));
}

/** Rows split at the delimiter; quoted fields as CSV writers quote them, or (a TSV that quotes nothing) as they stand. */
function rowsOf(file: TextFile, delimiter: string, text = file.text): Row[] {
  try {
    return parseRows(text, delimiter, true);
  } catch {
    try {
      return parseRows(text, delimiter, false);
    } catch (e) {
      throw new UserError(`cannot be read as a table (${(e as Error).message.split('\n')[0]})`, file.file);
    }
  }
}

/** How many rows of a sample hold the most common number of cells (two or more). */
function consistency(rows: Row[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.cells.length >= 2) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  return Math.max(0, ...counts.values()) / Math.max(1, rows.length);
}

/** Rows holding a Chinese cell and an English one. */
const bilingualShare = (rows: Row[]) =>
  rows.filter((r) => {
    const langs = r.cells.map(languageOf);
    return langs.includes('zh') && langs.includes('en');
  }).length / Math.max(1, rows.length);

// The delimiter is told by the first lines.
const SAMPLE_LINES = 200;

function sample(text: string): string {
  let end = -1;
  for (let n = 0; n < SAMPLE_LINES; n++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return text;
  }
  return text.slice(0, end);
}

/**
 * The delimiter a table uses: of tab, comma, semicolon and bar, the one that splits a sample
 * into rows of one width holding both languages. Tab first: prose rarely holds one.
 */
export function sniffDelimiter(file: TextFile, allowed: readonly Delimiter[] = DELIMITERS): { delimiter: Delimiter; score: number } {
  let best: { delimiter: Delimiter; score: number } = { delimiter: allowed[0]!, score: -1 };
  const head = sample(file.text);
  for (const delimiter of allowed) {
    let rows: Row[];
    try {
      rows = rowsOf(file, delimiter, head);
    } catch {
      continue;
    }
    const score = Math.min(consistency(rows), bilingualShare(rows));
    if (score > best.score + 0.05) best = { delimiter, score };
  }
  return best;
}

/** Whether a file that does not say so by its name is a table. */
export function looksLikeTable(file: TextFile): boolean {
  return couldBeTable(sample(file.text)) && sniffDelimiter(file).score >= 0.6;
}

/**
 * A bound that spares prose the parse (csv-parse reads some 2 MB/s: 12 ms of a 7 KB article's
 * cold build). When every line's quotes pair up, no quoted cell runs across lines, so each line
 * is one row; a row has two cells only if its line holds the delimiter, and a Chinese cell and
 * an English one only if it holds both scripts. A table needs 60 % of its rows to do both, so
 * prose whose lines are each in one language (an interleaved article) is no table.
 */
function couldBeTable(head: string): boolean {
  const lines = head.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
  if (lines.some((l) => (l.split('"').length - 1) % 2 === 1)) return true;
  const enough = (n: number) => n >= 0.6 * lines.length;
  return enough(lines.filter((l) => hanCount(l) > 0 && latinWords(l) > 0).length) && DELIMITERS.some((d) => enough(lines.filter((l) => l.includes(d)).length));
}

// Header cells that name a column's language or role rather than hold text.
const HEADER_NAME =
  /^(en|eng|english|英文|英語|英语|zh|zho|chi|cn|chinese|mandarin|中文|漢語|汉语|華語|华语|國語|国语|(en|zh)[-_][a-z]{2,4}|source|target|src|tgt|text|sentence|sentences|translation|譯文|译文|原文|句子|id|seg|no\.?|#)$/i;

/** Whether a cell names a column ("English", "中文", "id") rather than holds text. */
export const isHeaderName = (cell: string) => HEADER_NAME.test(cell.trim());

function columnOf(ref: ColumnRef, header: string[] | undefined, file: string): number {
  if (typeof ref === 'number') return ref - 1;
  const i = header?.findIndex((h) => h.toLowerCase() === ref.toLowerCase()) ?? -1;
  if (i < 0) throw new UserError(`no column named "${ref}" (the first row has: ${(header ?? []).join(', ')})`, file);
  return i;
}

/** The column with the most Chinese, and, of the others, the one with the most English words. */
function findColumns(rows: Row[], file: string): { en: number; zh: number } {
  const width = Math.max(...rows.map((r) => r.cells.length));
  const zhScore = new Array<number>(width).fill(0);
  const enScore = new Array<number>(width).fill(0);
  for (const r of rows) {
    r.cells.forEach((c, j) => {
      const lang = languageOf(c);
      if (lang === 'zh') zhScore[j]! += hanCount(c);
      else if (lang === 'en') enScore[j]! += latinWords(c);
    });
  }
  const argmax = (scores: number[], skip = -1) => {
    let best = -1;
    scores.forEach((s, j) => {
      if (j !== skip && (best < 0 || s > scores[best]!)) best = j;
    });
    return best;
  };
  const zh = argmax(zhScore);
  const en = argmax(enScore, zh);
  if (!(zhScore[zh]! > 0)) throw new UserError('no column holds Chinese text', file);
  if (en < 0 || !(enScore[en]! > 0)) throw new UserError('no column holds English text besides the Chinese one', file);
  return { en, zh };
}

/** The table's rows as pairs; null when the file is not one (no delimiter splits it). */
export function tablePairs(file: TextFile, opts: { delimiter?: Delimiter | 'sniff-csv'; columns?: ColumnChoice } = {}): { pairs: ParagraphPair[]; delimiter: Delimiter } {
  const delimiter =
    opts.delimiter === 'sniff-csv' ? sniffDelimiter(file, [',', ';', '|']).delimiter : (opts.delimiter ?? sniffDelimiter(file).delimiter);
  const rows = rowsOf(file, delimiter);
  if (rows.length === 0) throw new UserError('the table has no rows', file.file);
  const first = rows[0]!;
  let cols: { en: number; zh: number };
  let header: boolean;
  if (opts.columns) {
    const named = typeof opts.columns.en === 'string' || typeof opts.columns.zh === 'string';
    cols = { en: columnOf(opts.columns.en, first.cells, file.file), zh: columnOf(opts.columns.zh, first.cells, file.file) };
    header = named || languageOf(first.cells[cols.zh] ?? '') !== 'zh' || isHeaderName(first.cells[cols.en] ?? '');
  } else {
    cols = findColumns(rows.length > 1 ? rows.slice(1) : rows, file.file);
    const [en, zh] = [first.cells[cols.en] ?? '', first.cells[cols.zh] ?? ''];
    // A header names its columns: no Chinese where the Chinese is, or a column name.
    header = languageOf(zh) !== 'zh' || isHeaderName(en) || isHeaderName(zh);
  }
  const pairs = (header ? rows.slice(1) : rows).map((r): ParagraphPair => {
    const en = r.cells[cols.en] ?? '';
    const zh = r.cells[cols.zh] ?? '';
    return {
      en: languageOf(en) ? en : null,
      zh: hanCount(zh) > 0 ? zh : null,
      kind: 'body',
      source: { file: file.file, line: r.line },
    };
  });
  return { pairs: pairs.filter((p) => p.en || p.zh), delimiter };
}
