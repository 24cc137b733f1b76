import { readFileSync } from 'node:fs';
import { UserError } from '../util/errors.js';
import { decodeText, type CharJudge } from './decode.js';
import { isTwoFileArticle, parseArticle, type ParseOptions, type ScriptJudge } from './parse.js';
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
 * The articles in some decoded texts: an English text and a Chinese text given together are one
 * article; otherwise each text is one. Pure: the texts are already in memory.
 */
export function articlesFromTexts(texts: TextFile[], judge: ScriptJudge, opts: ParseOptions = {}): Article[] {
  if (texts.length === 0) throw new UserError('no input files');
  if (opts.layout === 'two-files' || (!opts.layout && isTwoFileArticle(texts))) return [parseArticle(texts, judge, opts)];
  return texts.map((t) => parseArticle([t], judge, opts));
}

/** The articles in some input files (see articlesFromTexts). */
export function readArticles(files: string[], judge: CharJudge & ScriptJudge, opts: ParseOptions = {}): Article[] {
  if (files.length === 0) throw new UserError('no input files');
  return articlesFromTexts(files.map((f) => readTextFile(f, judge)), judge, opts);
}
