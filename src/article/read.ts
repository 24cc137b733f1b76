import { readFileSync } from 'node:fs';
import { UserError } from '../util/errors.js';
import { decodeText, type CharJudge } from './decode.js';
import { fetchText, isUrl, type FetchLimits } from './fetch.js';
import { parseArticles, type ParseOptions, type ScriptJudge } from './parse.js';
import type { Article, TextFile } from './types.js';

/** Reads a file's bytes, turning the usual failures into one-line user errors. */
export function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('no such file', file);
    if (code === 'EISDIR') throw new UserError('is a directory, not a file', file);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError('permission denied', file);
    throw e;
  }
}

export function readTextFile(file: string, judge: CharJudge): TextFile {
  const { text, encoding } = decodeText(readBytes(file), file, judge);
  return { file, text, encoding };
}

/**
 * The articles in some decoded texts: files grouped into articles (an English and a Chinese
 * text of one article together), each read in its own layout. Pure: the texts are already in memory.
 */
export function articlesFromTexts(texts: TextFile[], judge: ScriptJudge, opts: ParseOptions = {}): Article[] {
  if (texts.length === 0) throw new UserError('no input files');
  return parseArticles(texts, judge, opts);
}

/** The articles in some input files (see articlesFromTexts). */
export function readArticles(files: string[], judge: CharJudge & ScriptJudge, opts: ParseOptions = {}): Article[] {
  if (files.length === 0) throw new UserError('no input files');
  return articlesFromTexts(files.map((f) => readTextFile(f, judge)), judge, opts);
}

/** The texts of some inputs: files, or web addresses (http, https) fetched. */
export async function readInputs(inputs: string[], judge: CharJudge, limits?: Partial<FetchLimits>): Promise<TextFile[]> {
  const texts: TextFile[] = [];
  for (const input of inputs) texts.push(isUrl(input) ? await fetchText(input, judge, limits) : readTextFile(input, judge));
  return texts;
}

/** The articles in some files or web pages (see articlesFromTexts). */
export async function loadArticles(inputs: string[], judge: CharJudge & ScriptJudge, opts: ParseOptions = {}): Promise<Article[]> {
  if (inputs.length === 0) throw new UserError('no input files');
  return articlesFromTexts(await readInputs(inputs, judge), judge, opts);
}
