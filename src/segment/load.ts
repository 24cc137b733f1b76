import { dataLoader, prepareData, readDataFile, type DataSet } from '../data/index.js';
import type { LexiconEntry } from '../lexicon/index.js';
import { SEGMENT, SegmentDictionary } from './dictionary.js';
import { Segmenter, type TextModel } from './segmenter.js';
import type { SegmentRules } from './rules.js';
import { Recurrence, WordBits } from './recurring.js';
import { detectNewWords, NEW_WORD_FREQUENCY, type NewWordOptions } from './newwords.js';

const making = () => require('./build.js') as typeof import('./build.js');

/** data/segment.bin: made from jieba's dictionary, CC-CEDICT (`entries`, read when not given) and OpenCC's tables. */
const segmentData = (entries?: Iterable<LexiconEntry>): DataSet<SegmentDictionary> => ({
  what: 'the segmentation dictionary',
  layouts: [SEGMENT],
  sources: () => making().SOURCES,
  build: async () => [await making().buildSegmentData(entries)],
  open: () => new SegmentDictionary(readDataFile(SEGMENT)),
});

/** Builds data/segment.bin (install time). */
export const prepareSegmentData = (entries?: Iterable<LexiconEntry>) => prepareData(segmentData(entries));

export const loadSegmentDictionary: () => Promise<SegmentDictionary> = dataLoader(() => segmentData());

/**
 * A segmenter for `text` (and anything made of the same words): jieba loaded with only the
 * dictionary words that occur in it, in either script, and the new words the text itself
 * shows (newwords.ts). Without a text, with every word and none found.
 */
export async function loadSegmenter(text?: string, opts?: SegmenterOptions): Promise<Segmenter> {
  return segmenterFor(await loadSegmentDictionary(), text, opts);
}

/** What a segmenter does beyond jieba's cut; the bench turns each part off to measure it. */
export interface SegmenterOptions {
  rules?: SegmentRules;
  /** New words found in the text itself (null: none), and the frequency jieba gets for them. */
  newWords?: NewWordOptions | null;
  newWordFrequency?: number;
  /** The learner's cuts (Simplified text → words), which win over jieba and every rule. */
  userCuts?: Map<string, string[]>;
  /** false: keep every word jieba's HMM guesses, even one the text never repeats (recurring.ts). */
  recurringGuesses?: boolean;
  /** How often the text must repeat a guess for it to stand (recurring.ts's RECURRING_MIN). */
  recurringMin?: number;
}

/**
 * jieba's addon. @node-rs/jieba's own loader first works out the C library (reading
 * /usr/bin/ldd) and tries a file its package does not have: 1.6 ms of every build (measured).
 * The binary package of a glibc Linux, macOS or Windows is taken directly; on any other
 * system, or if that fails to load, the loader decides.
 */
function jiebaAddon(): typeof import('@node-rs/jieba') {
  const abi = ({ linux: '-gnu', win32: '-msvc' } as Record<string, string>)[process.platform] ?? '';
  try {
    return require(`@node-rs/jieba-${process.platform}-${process.arch}${abi}`) as typeof import('@node-rs/jieba');
  } catch {
    return require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  }
}

/** A segmenter on a given dictionary (the installed one, or one built with other options to measure them). */
export function segmenterFor(dictionary: SegmentDictionary, text?: string, opts: SegmenterOptions = {}): Segmenter {
  const { Jieba } = jiebaAddon();
  const cuts = opts.userCuts ?? new Map<string, string[]>();
  if (text === undefined) return new Segmenter(Jieba.withDict(dictionary.dictionaryFor()), new ForText(dictionary, '', '', null, null), opts.rules, cuts);
  const simplified = dictionary.toSimplified(text);
  const found = opts.newWords === null ? [] : detectNewWords(simplified, (w) => dictionary.frequency(w) > 0, opts.newWords);
  const freq = opts.newWordFrequency ?? NEW_WORD_FREQUENCY;
  const extra = found.map((w) => [w, freq] as const);
  // A Simplified text is its own Simplified form: scanned once (a book's scan is most of this).
  const scanned = simplified === text ? text : `${text}\n${simplified}`;
  if (opts.recurringGuesses === false) {
    return new Segmenter(Jieba.withDict(dictionary.dictionaryFor(scanned, extra)), new ForText(dictionary, text, simplified, null, null), opts.rules, cuts);
  }
  // Only a word jieba's dictionary for this text lacks can be a guess of its HMM's.
  const known = new WordBits();
  const jieba = Jieba.withDict(dictionary.dictionaryFor(scanned, extra, known));
  const recurs = new Recurrence(simplified, opts.recurringMin);
  return new Segmenter(jieba, new ForText(dictionary, text, simplified, known, recurs), opts.rules, cuts);
}

/** What a segmenter knows of its text (segmenter.ts's TextModel): one class for every segmenter made here. */
class ForText implements TextModel {
  private cursor = 0;

  constructor(
    private readonly dictionary: SegmentDictionary,
    private readonly text: string,
    private readonly simplified: string,
    /** The words of the text's dictionary, and the text's own repeats; null: every word stands. */
    private readonly known: WordBits | null,
    private readonly recurs: Recurrence | null,
  ) {}

  /**
   * Traditional → Simplified. A line (or sentence) of the text, asked in order, is read from
   * the text's Simplified form, converted once already, when it starts where the one before
   * ended (or a separator later); any other string is converted. The conversion is character
   * for character, so both give the same string; the first skips a pass over each line in
   * JavaScript (in a cold pass, before it is compiled, ~a tenth of AS's time).
   */
  toSimplified(line: string): string {
    if (this.simplified !== this.text) {
      for (let at = this.cursor; at <= this.cursor + 2; at++) {
        if (this.text.startsWith(line, at)) {
          this.cursor = at + line.length;
          return this.simplified.slice(at, this.cursor);
        }
      }
    }
    return this.dictionary.toSimplified(line);
  }

  stands(word: string): boolean {
    return this.known === null || this.known.has(word) || this.recurs!.test(word);
  }
}
