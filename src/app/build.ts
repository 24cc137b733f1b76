// `zhdeck build`: articles → the words chosen for study → notes → one Anki deck file. The core
// (deck.ts: deckFromStudied over what is in memory, writeDeck into a sink) is pure; build()
// reads the files and gives the core a sink that writes the deck file.
import { basename, dirname, extname, join } from 'node:path';
import { articlesFromTexts, readArticles, type ParseOptions, type TextFile } from '../article/index.js';
import { loadLexicon } from '../lexicon/index.js';
import { csvSink, toAnkiCsv, type DeckSink } from '../export/index.js';
import { loadVocabDeps, studyArticles, type Progress } from './study.js';
import { deckFromStudied, writeDeck, type Deck, type DeckCounts, type DeckOptions } from './deck.js';


export interface BuildOptions extends ParseOptions, DeckOptions {
  /** The deck file; default: the first input's name with .csv, beside it. */
  output?: string;
  /** Where the deck goes instead of the CSV file `output` (an .apkg writer, a test's sink). */
  sink?: DeckSink;
  onProgress?: Progress;
}

/** What a build made, as `build --json` prints it. */
export interface BuildSummary extends DeckCounts {
  output: string;
}

export const defaultOutput = (input: string) => join(dirname(input), `${basename(input, extname(input))}.csv`);

/** Reads and studies the articles in some files, and makes their notes, all in memory (`zhdeck add`). */
export async function notesFor(inputs: string[], opts: Omit<BuildOptions, 'output'> = {}): Promise<Deck> {
  const articles = readArticles(inputs, await loadLexicon(), opts);
  return deckFromStudied(studyArticles(articles, await loadVocabDeps(articles), opts.onProgress), opts);
}

/** Article text in memory (one text, or an English and a Chinese text, or several articles) → a deck, and its Anki CSV. */
export async function buildFromText(texts: string | TextFile[], opts: ParseOptions & DeckOptions = {}): Promise<Deck & { csv: string }> {
  const files = typeof texts === 'string' ? [{ file: 'text', text: texts }] : texts;
  const articles = articlesFromTexts(files, await loadLexicon(), opts);
  const deck = deckFromStudied(studyArticles(articles, await loadVocabDeps(articles)), opts);
  return { ...deck, csv: toAnkiCsv(deck.notes) };
}

/**
 * Articles → one Anki deck, written as it is made and put in place atomically: a failed build
 * leaves any existing file as it was. Long input is studied a block at a time (see writeDeck).
 */
export async function build(inputs: string[], opts: BuildOptions = {}): Promise<BuildSummary> {
  const output = opts.output ?? defaultOutput(inputs[0] ?? 'deck');
  const articles = readArticles(inputs, await loadLexicon(), opts);
  const deps = await loadVocabDeps(articles);
  return { output, ...(await writeDeck(articles, deps, opts.sink ?? csvSink(output), opts)) };
}
