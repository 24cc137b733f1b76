// `zhdeck build`: articles → the words chosen for study → notes → one Anki deck file. The core
// (deck.ts: deckFromStudied over what is in memory, writeDeck into a sink) is pure; build()
// reads the files and writes the deck.
import { basename, dirname, extname, join } from 'node:path';
import { articlesFromTexts, isUrl, loadArticles, type ParseOptions, type TextFile } from '../article/index.js';
import { loadLexicon } from '../lexicon/index.js';
import type { Note } from '../notes/index.js';
// The CSV's modules only: the package writer (SQLite, ts-fsrs) is required when an .apkg is made.
import { toAnkiCsv, type BuiltinNames } from '../export/csv.js';
import { csvSink, type DeckSink } from '../export/sink.js';
import { now as clock } from '../util/clock.js';
import { openAtomic, writingFile } from '../util/fs.js';
import { withAudio } from './audio.js';
import { checkOutput, unusedOutput, writeOutput } from './output.js';
import { userDictionaryPath } from './userdict.js';
import { loadVocabDeps, studyArticles, type Progress } from './study.js';
import { deckFromStudied, studiedWhole, writeDeck, type Deck, type DeckOptions } from './deck.js';

export type DeckFormat = 'apkg' | 'csv';

export interface BuildOptions extends ParseOptions, DeckOptions {
  /**
   * The deck file; default: the first input's name with the format's extension, beside it (or
   * `name.deck.ext` when that is an input); `-` is standard output.
   */
  output?: string;
  /** The other files the build reads (--known lists, the collection): the deck is never written onto one. */
  reads?: readonly string[];
  /** Default: csv for an output named .csv or .txt, else apkg. */
  format?: DeckFormat;
  /** CSV only: what the user's Anki calls its built-in note types. */
  noteTypes?: BuiltinNames;
  /** apkg only: embed recordings made offline (espeak-ng) for devices without a Chinese voice. */
  audio?: boolean;
  /** Milliseconds: the build time, which notes' modification time and the package's ids come from. */
  now?: number;
  /** Where a CSV deck goes instead of the file `output` (a test's sink; a format's own). */
  sink?: DeckSink;
  onProgress?: Progress;
}

export interface BuildSummary {
  output: string;
  articles: number;
  pairs: number;
  words: number;
  notes: { cloze: number; translation: number; vocabulary: number; total: number };
  cards: number;
  format: DeckFormat;
  /** With --audio: recordings embedded and their size in bytes. */
  media?: { files: number; bytes: number };
}

/** The deck beside the first input; for a web page, in the current folder, named after the page. */
export function defaultOutput(input: string, format: DeckFormat = 'apkg'): string {
  if (!isUrl(input)) return join(dirname(input), `${basename(input, extname(input))}.${format}`);
  const url = new URL(input);
  const segment = url.pathname.split('/').filter(Boolean).pop() ?? '';
  let last = segment;
  try {
    last = decodeURIComponent(segment);
  } catch {
    // A malformed escape: the name as it is written.
  }
  const name = basename(last, extname(last)).replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '') || url.hostname;
  return `${name}.${format}`;
}

/** The format asked for, else the one the output's name says, else apkg. */
export const formatFor = (output: string | undefined, format?: DeckFormat): DeckFormat => format ?? (output && /\.(csv|txt|tsv)$/i.test(output) ? 'csv' : 'apkg');

/** Reads and studies the articles in some files, and makes their notes. */
export async function notesFor(inputs: string[], opts: Omit<BuildOptions, 'output'> = {}): Promise<Deck> {
  const articles = await loadArticles(inputs, await loadLexicon(), opts);
  return deckFromStudied(studyArticles(articles, await loadVocabDeps(articles), opts.onProgress), opts);
}

/** Article text in memory (one text, or an English and a Chinese text, or several articles) → a deck, and its Anki CSV. */
export async function buildFromText(texts: string | TextFile[], opts: ParseOptions & DeckOptions = {}): Promise<Deck & { csv: string }> {
  const files = typeof texts === 'string' ? [{ file: 'text', text: texts }] : texts;
  const articles = articlesFromTexts(files, await loadLexicon(), opts);
  const deck = deckFromStudied(studyArticles(articles, await loadVocabDeps(articles)), opts);
  return { ...deck, csv: toAnkiCsv(deck.notes) };
}

/** What a build made, as `build --json` prints it. */
export function summarize(deck: Deck, output: string, format: DeckFormat = 'apkg'): BuildSummary {
  const { studied, notes } = deck;
  const count = (k: Note['kind']) => notes.filter((n) => n.kind === k).length;
  const cards = notes.reduce((n, x) => n + x.cards, 0);
  return {
    output,
    articles: studied.length,
    pairs: studied.reduce((n, s) => n + s.pairs.filter((p) => p.en.length && p.zh.length).length, 0),
    words: deck.targets,
    notes: { cloze: count('cloze'), translation: count('translation'), vocabulary: count('vocabulary'), total: notes.length },
    cards,
    format,
  };
}

/**
 * Articles → one Anki deck file (an .apkg, or the CSV), written atomically: a failed build
 * leaves any existing file as it was, and never writes onto an input.
 */
export async function build(inputs: string[], opts: BuildOptions = {}): Promise<BuildSummary> {
  const format = formatFor(opts.output, opts.format);
  // Everything the build reads, the learner's corrections too: none of it may be the output.
  const reads = [...inputs, ...(opts.reads ?? []), userDictionaryPath()];
  const output = opts.output ?? unusedOutput(defaultOutput(inputs[0] ?? 'deck', format), reads);
  checkOutput(output, reads);
  if (format === 'csv' && (output !== '-' || opts.sink)) {
    // The CSV is written as it is made (writeDeck: long input in blocks, in bounded memory).
    const articles = await loadArticles(inputs, await loadLexicon(), opts);
    const counts = await writeDeck(articles, await loadVocabDeps(articles), opts.sink ?? csvSink(output, opts.noteTypes), opts);
    return { output, ...counts, format };
  }
  if (format === 'apkg' && output !== '-' && !opts.audio) {
    const articles = await loadArticles(inputs, await loadLexicon(), opts);
    const deps = await loadVocabDeps(articles);
    // A short input's package is made in memory: a collection file costs more than it saves
    // (6 % of the seed's cold build).
    if (studiedWhole(articles, opts)) return writePackage(deckFromStudied(studyArticles(articles, deps, opts.onProgress), opts), output, opts, reads);
    // A long one's is written as it is made (apkgSink: a collection file, zipped at the end).
    const { apkgSink } = require('../export/apkg.js') as typeof import('../export/apkg.js');
    const sink = apkgSink(output, opts.now ?? clock(), (path) => {
      const file = writingFile(path, () => openAtomic(path));
      return { write: (data) => writingFile(path, () => file.write(data)), commit: () => writingFile(path, () => file.commit()), abort: () => file.abort() };
    }, opts.onPart);
    const counts = await writeDeck(articles, deps, sink, opts);
    return { output, ...counts, format };
  }
  const deck = await notesFor(inputs, opts);
  if (format === 'csv') {
    writeOutput(output, toAnkiCsv(deck.notes, opts.noteTypes), reads);
    return summarize(deck, output, format);
  }
  return writePackage(deck, output, opts, reads);
}

/** A deck's .apkg made in memory and written whole, with its recordings if asked for. */
async function writePackage(deck: Deck, output: string, opts: BuildOptions, reads: string[]): Promise<BuildSummary> {
  const format = 'apkg';
  const { notesPackage, packageBytes } = require('../export/apkg.js') as typeof import('../export/apkg.js');
  const now = opts.now ?? clock();
  const { notes, media } = opts.audio ? await withAudio(deck.notes) : { notes: deck.notes, media: [] };
  writeOutput(output, await packageBytes(notesPackage(notes, now, media, deck.positions)), reads);
  const summary = summarize(deck, output, format);
  return opts.audio ? { ...summary, media: { files: media.length, bytes: media.reduce((n, m) => n + m.data.length, 0) } } : summary;
}
