// The pipeline as one call per job: text files in, aligned pairs, words, notes or a deck out.
// The CLI's commands and the library entry (index.ts) both call these.
import { basename, dirname, extname, join } from 'node:path';
import { decodeText, readArticles, readTextFile, languageOf, type Article, type ParseOptions, type Script } from './article/index.js';
import { alignArticle, alignPresplit, type Bead, type SentencePair } from './align/index.js';
import { loadLexicon, type LexiconEntry } from './lexicon/index.js';
import { loadSegmenter, loadSegmentDictionary } from './segment/index.js';
import { extractWords, selectWords, type Word } from './vocab/index.js';
import { makeNotes, type Note, type NoteOptions } from './notes/index.js';
import { toAnkiCsv } from './export/index.js';
import { UserError } from './util/errors.js';
import { writeFileAtomic } from './util/fs.js';

export async function lookup(word: string): Promise<LexiconEntry[]> {
  return (await loadLexicon()).lookup(word.trim());
}

export interface AlignedArticle {
  article: Article;
  pairs: SentencePair[];
}

/** Reads articles from files and aligns their sentences. */
export async function align(inputs: string[], opts: ParseOptions = {}): Promise<AlignedArticle[]> {
  const lexicon = await loadLexicon();
  return readArticles(inputs, lexicon, opts).map((article) => ({ article, pairs: alignArticle(article, lexicon) }));
}

export interface PresplitAlignment {
  enLines: string[];
  zhLines: string[];
  beads: Bead[];
}

/** Two files already split one sentence per line, in either order; indices are 0-based line numbers. */
export async function alignLines(inputs: string[]): Promise<PresplitAlignment> {
  if (inputs.length !== 2) throw new UserError('--presplit takes exactly two files: one English, one Chinese', 'align');
  const lexicon = await loadLexicon();
  const files = inputs.map((f) => readTextFile(f, lexicon));
  const lines = files.map((f) => f.text.replace(/\n$/, '').split('\n'));
  const zhFirst = lines.map((ls) => ls.filter((l) => languageOf(l) === 'zh').length);
  const [zhIdx, enIdx] = zhFirst[0]! > zhFirst[1]! ? [0, 1] : [1, 0];
  if (zhFirst[zhIdx] === 0) throw new UserError('no Chinese text found', `${inputs[0]} + ${inputs[1]}`);
  const enLines = lines[enIdx]!;
  const zhLines = lines[zhIdx]!;
  return { enLines, zhLines, beads: alignPresplit(enLines, zhLines, lexicon) };
}

export interface StudiedArticle extends AlignedArticle {
  /** Every distinct word of the article's translated sentences. */
  words: Word[];
}

/** Reads, aligns and segments articles, and finds every word with its entry, pinyin and gloss. */
export async function study(
  inputs: string[],
  opts: ParseOptions & { onProgress?: (done: number, total: number) => void } = {},
): Promise<StudiedArticle[]> {
  const lexicon = await loadLexicon();
  const articles = readArticles(inputs, lexicon, opts);
  const dictionary = await loadSegmentDictionary();
  const allChinese = articles.flatMap((a) => a.paragraphs.map((p) => p.zh ?? '')).join('\n');
  const segmenter = await loadSegmenter(allChinese);
  return articles.map((article, i) => {
    const pairs = alignArticle(article, lexicon);
    const words = extractWords(article, pairs, { lexicon, dictionary, segmenter });
    opts.onProgress?.(i + 1, articles.length);
    return { article, pairs, words };
  });
}

/** Reads a known-words file: one word per line, either script; blank lines and # comments ignored. */
export async function readKnownWords(file: string): Promise<Set<string>> {
  const lexicon = await loadLexicon();
  const dictionary = await loadSegmentDictionary();
  const { text } = readTextFile(file, lexicon);
  const known = new Set<string>();
  for (const raw of text.split('\n')) {
    const w = raw.replace(/#.*/, '').trim();
    if (!w) continue;
    known.add(w);
    known.add(dictionary.toSimplified(w));
  }
  return known;
}


/**
 * Chinese text in the SIGHAN bakeoff format: the same lines, words separated by single spaces,
 * nothing else changed. The script is detected unless given.
 */
export async function segmentText(input: Uint8Array | string, name = 'input', script?: Script): Promise<string> {
  const lexicon = await loadLexicon();
  const text = typeof input === 'string' ? input : decodeText(input, name, lexicon).text;
  if (text.trim() === '') return text;
  const evidence = lexicon.scriptEvidence(text);
  const s = script ?? (evidence.traditional > evidence.simplified ? 'traditional' : 'simplified');
  const segmenter = await loadSegmenter(text);
  return text
    .split('\n')
    .map((line) => segmenter.words(line, s).join(' '))
    .join('\n');
}

export interface BuildOptions extends ParseOptions, NoteOptions {
  /** The deck file; default: the first input's name with .csv, beside it. */
  output?: string;
  known?: Set<string>;
  maxWords?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface BuildSummary {
  output: string;
  articles: number;
  pairs: number;
  words: number;
  notes: { cloze: number; translation: number; vocabulary: number; total: number };
  cards: number;
}

export const defaultOutput = (input: string) => join(dirname(input), `${basename(input, extname(input))}.csv`);

/** The notes of articles: the words chosen for study across all of them, then cloze, translation and vocabulary notes. */
export async function notesFor(inputs: string[], opts: Omit<BuildOptions, 'output'> = {}): Promise<{ studied: StudiedArticle[]; notes: Note[]; targets: number }> {
  const studied = await study(inputs, opts);
  // One choice over every article: --max-words counts distinct words, the most useful first.
  const chosen = new Set(selectWords(studied.flatMap((s) => s.words), { known: opts.known }).map((w) => w.simplified));
  const kept = new Set([...chosen].slice(0, opts.maxWords ?? Infinity));
  const sets = studied.map((s) => ({ ...s, words: s.words.filter((w) => w.content && kept.has(w.simplified)) }));
  return { studied, notes: makeNotes(sets, opts), targets: kept.size };
}

/** Articles → one Anki CSV deck, written atomically: a failed build leaves any existing file as it was. */
export async function build(inputs: string[], opts: BuildOptions = {}): Promise<BuildSummary> {
  const output = opts.output ?? defaultOutput(inputs[0] ?? 'deck');
  const { studied, notes, targets } = await notesFor(inputs, opts);
  const csv = toAnkiCsv(notes);
  try {
    writeFileAtomic(output, csv);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && ['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOSPC'].includes(code)) {
      throw new UserError(`cannot write the deck (${code})`, output);
    }
    throw e;
  }
  const count = (k: Note['kind']) => notes.filter((n) => n.kind === k).length;
  return {
    output,
    articles: studied.length,
    pairs: studied.reduce((n, s) => n + s.pairs.filter((p) => p.en.length && p.zh.length).length, 0),
    words: targets,
    notes: { cloze: count('cloze'), translation: count('translation'), vocabulary: count('vocabulary'), total: notes.length },
    cards: notes.reduce((n, x) => n + x.cards, 0),
  };
}

