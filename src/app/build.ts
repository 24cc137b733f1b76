// `zhdeck build`: articles → the words chosen for study → notes → one Anki deck file. The core
// (deckFromStudied, buildFromText) is pure over what is in memory; build() reads and writes.
import { basename, dirname, extname, join } from 'node:path';
import { articlesFromTexts, isUrl, loadArticles, type ParseOptions, type TextFile } from '../article/index.js';
import { loadLexicon } from '../lexicon/index.js';
import { makeNotes, type Note, type NoteOptions } from '../notes/index.js';
import { toAnkiCsv } from '../export/index.js';
import { UserError } from '../util/errors.js';
import { writeFileAtomic } from '../util/fs.js';
import { chooseWords, loadVocabDeps, studyArticles, type ChoiceOptions, type Progress, type StudiedArticle } from './study.js';

export interface DeckOptions extends NoteOptions, Omit<ChoiceOptions, 'all'> {}

export interface BuildOptions extends ParseOptions, DeckOptions {
  /** The deck file; default: the first input's name with .csv, beside it. */
  output?: string;
  onProgress?: Progress;
}

/** The notes of articles studied together, and what they were made from. */
export interface Deck {
  studied: StudiedArticle[];
  notes: Note[];
  /** How many distinct words became targets. */
  targets: number;
}

export interface BuildSummary {
  output: string;
  articles: number;
  pairs: number;
  words: number;
  notes: { cloze: number; translation: number; vocabulary: number; total: number };
  cards: number;
}

/** The deck beside the first input; for a web page, in the current folder, named after the page. */
export function defaultOutput(input: string): string {
  if (!isUrl(input)) return join(dirname(input), `${basename(input, extname(input))}.csv`);
  const url = new URL(input);
  const segment = url.pathname.split('/').filter(Boolean).pop() ?? '';
  let last = segment;
  try {
    last = decodeURIComponent(segment);
  } catch {
    // A malformed escape: the name as it is written.
  }
  const name = basename(last, extname(last)).replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '') || url.hostname;
  return `${name}.csv`;
}

/** The words chosen for study across all the articles (see chooseWords), then their cloze, translation and vocabulary notes. */
export function deckFromStudied(studied: StudiedArticle[], opts: DeckOptions = {}): Deck {
  const kept = new Set(chooseWords(studied, opts).map((c) => c.word.simplified));
  const sets = studied.map((s) => ({ ...s, words: s.words.filter((w) => w.content && kept.has(w.simplified)) }));
  return { studied, notes: makeNotes(sets, opts), targets: kept.size };
}

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
export function summarize(deck: Deck, output: string): BuildSummary {
  const { studied, notes } = deck;
  const count = (k: Note['kind']) => notes.filter((n) => n.kind === k).length;
  return {
    output,
    articles: studied.length,
    pairs: studied.reduce((n, s) => n + s.pairs.filter((p) => p.en.length && p.zh.length).length, 0),
    words: deck.targets,
    notes: { cloze: count('cloze'), translation: count('translation'), vocabulary: count('vocabulary'), total: notes.length },
    cards: notes.reduce((n, x) => n + x.cards, 0),
  };
}

/** Articles → one Anki CSV deck, written atomically: a failed build leaves any existing file as it was. */
export async function build(inputs: string[], opts: BuildOptions = {}): Promise<BuildSummary> {
  const output = opts.output ?? defaultOutput(inputs[0] ?? 'deck');
  const deck = await notesFor(inputs, opts);
  const csv = toAnkiCsv(deck.notes);
  try {
    writeFileAtomic(output, csv);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && ['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOSPC'].includes(code)) {
      throw new UserError(`cannot write the deck (${code})`, output);
    }
    throw e;
  }
  return summarize(deck, output);
}
