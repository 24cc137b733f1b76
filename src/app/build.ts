// `zhdeck build`: articles → the words chosen for study → notes → one Anki deck file. The core
// (deckFromStudied, buildFromText) is pure over what is in memory; build() reads and writes.
import { basename, dirname, extname, join } from 'node:path';
import { articlesFromTexts, isUrl, loadArticles, type ParseOptions, type TextFile } from '../article/index.js';
import { loadLexicon } from '../lexicon/index.js';
import { introductionOrder, makeNotes, slugOf, type Note, type NoteOptions, type Positions } from '../notes/index.js';
import { knownFor, type LearnerKnowledge } from './known.js';
import { sizeWarning } from './size.js';
import { notesPackage, packageBytes, toAnkiCsv, type BuiltinNames } from '../export/index.js';
import { now as clock } from '../util/clock.js';
import type { Word } from '../vocab/index.js';
import { withAudio } from './audio.js';
import { writeOutput } from './output.js';
import { chooseWords, loadVocabDeps, studyArticles, type ChoiceOptions, type Progress, type StudiedArticle } from './study.js';

export interface DeckOptions extends NoteOptions, Omit<ChoiceOptions, 'all'> {
  /** What the learner knows (readKnowledge): its words are no targets, with `known` if given. */
  knowledge?: LearnerKnowledge;
  /** Words the collection's reviews taught through these articles stay their targets (zhdeck add: no learned card is suspended for being learned). */
  keepTaught?: boolean;
}

export type DeckFormat = 'apkg' | 'csv';

export interface BuildOptions extends ParseOptions, DeckOptions {
  /** The deck file; default: the first input's name with the format's extension, beside it; `-` is standard output. */
  output?: string;
  /** Default: csv for an output named .csv or .txt, else apkg. */
  format?: DeckFormat;
  /** CSV only: what the user's Anki calls its built-in note types. */
  noteTypes?: BuiltinNames;
  /** apkg only: embed recordings made offline (espeak-ng) for devices without a Chinese voice. */
  audio?: boolean;
  /** Milliseconds: the build time, which notes' modification time and the package's ids come from. */
  now?: number;
  onProgress?: Progress;
}

/** The notes of articles studied together, and what they were made from. */
export interface Deck {
  studied: StudiedArticle[];
  notes: Note[];
  /** How many distinct words became targets. */
  targets: number;
  /** The order their new cards are introduced in (i+1). */
  positions: Positions;
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
  /** When the deck brings more new cards than one can study soon (sizeWarning). */
  warning?: string;
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

/** The words chosen for study across all the articles (see chooseWords), then their cloze, translation and vocabulary notes. */
export function deckFromStudied(studied: StudiedArticle[], opts: DeckOptions = {}): Deck {
  const k = opts.knowledge;
  const own = opts.keepTaught ? studied.map((s) => slugOf(s.article.title)) : [];
  const taught = k && knownFor(k, own);
  const known = opts.known && taught ? new Set([...opts.known, ...taught]) : (opts.known ?? taught);
  const chosen = chooseWords(studied, { ...opts, known });
  const sets = studied.map((s, a) => {
    const here = chosen.filter((c) => c.article === a);
    const clozes = new Map<string, Set<Word>>();
    for (const c of here) if (c.cloze !== undefined) (clozes.get(c.cloze) ?? clozes.set(c.cloze, new Set()).get(c.cloze)!).add(c.word);
    return { ...s, words: here.map((c) => c.word), clozes };
  });
  const notes = makeNotes(sets, opts);
  return { studied, notes, targets: new Set(chosen.map((c) => c.word.simplified)).size, positions: introductionOrder(notes) };
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
export function summarize(deck: Deck, output: string, format: DeckFormat = 'apkg'): BuildSummary {
  const { studied, notes } = deck;
  const count = (k: Note['kind']) => notes.filter((n) => n.kind === k).length;
  const cards = notes.reduce((n, x) => n + x.cards, 0);
  const warning = sizeWarning(cards, deck.targets);
  return {
    output,
    articles: studied.length,
    pairs: studied.reduce((n, s) => n + s.pairs.filter((p) => p.en.length && p.zh.length).length, 0),
    words: deck.targets,
    notes: { cloze: count('cloze'), translation: count('translation'), vocabulary: count('vocabulary'), total: notes.length },
    cards,
    format,
    ...(warning ? { warning } : {}),
  };
}

/**
 * Articles → one Anki deck file (an .apkg, or the CSV), written atomically: a failed build
 * leaves any existing file as it was, and never writes onto an input.
 */
export async function build(inputs: string[], opts: BuildOptions = {}): Promise<BuildSummary> {
  const format = formatFor(opts.output, opts.format);
  const output = opts.output ?? defaultOutput(inputs[0] ?? 'deck', format);
  const deck = await notesFor(inputs, opts);
  if (format === 'csv') {
    writeOutput(output, toAnkiCsv(deck.notes, opts.noteTypes), inputs);
    return summarize(deck, output, format);
  }
  const now = opts.now ?? clock();
  const { notes, media } = opts.audio ? await withAudio(deck.notes) : { notes: deck.notes, media: [] };
  writeOutput(output, await packageBytes(notesPackage(notes, now, media, deck.positions)), inputs);
  const summary = summarize(deck, output, format);
  return opts.audio ? { ...summary, media: { files: media.length, bytes: media.reduce((n, m) => n + m.data.length, 0) } } : summary;
}
