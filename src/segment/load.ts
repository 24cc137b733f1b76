import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { writeFileAtomic } from '../util/fs.js';
import { unpack } from '../util/pack.js';
import { FORMAT, SegmentDictionary } from './dictionary.js';
import { Segmenter } from './segmenter.js';
import type { SegmentRules } from './rules.js';
import { detectNewWords, NEW_WORD_FREQUENCY, type NewWordOptions } from './newwords.js';


export const segmentDataPath = () => dataPath('segment.bin');

let shared: SegmentDictionary | undefined;

/** Builds data/segment.bin (install time, or once if it is missing or stale). */
export async function prepareSegmentData(entries?: Iterable<import('../lexicon/index.js').LexiconEntry>): Promise<Buffer> {
  const { buildSegmentData } = require('./build.js') as typeof import('./build.js');
  const { readCedictEntries } = require('../lexicon/build.js') as typeof import('../lexicon/build.js');
  const buf = await buildSegmentData(entries ?? readCedictEntries());
  writeFileAtomic(segmentDataPath(), buf);
  return buf;
}

export async function loadSegmentDictionary(): Promise<SegmentDictionary> {
  if (shared) return shared;
  const path = segmentDataPath();
  let buf: Buffer | null = existsSync(path) ? readFileSync(path) : null;
  if (buf && unpack(buf, path).version !== FORMAT) buf = null;
  if (!buf) {
    process.stderr.write('zhdeck: preparing the segmentation dictionary (once)…\n');
    buf = await prepareSegmentData();
  }
  shared = new SegmentDictionary(buf, path);
  return shared;
}

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
}

/** A segmenter on a given dictionary (the installed one, or one built with other options to measure them). */
export function segmenterFor(dictionary: SegmentDictionary, text?: string, opts: SegmenterOptions = {}): Segmenter {
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const cuts = opts.userCuts ?? new Map<string, string[]>();
  if (text === undefined) return new Segmenter(Jieba.withDict(dictionary.dictionaryFor()), dictionary.toSimplified, opts.rules, cuts);
  const simplified = dictionary.toSimplified(text);
  const found = opts.newWords === null ? [] : detectNewWords(simplified, (w) => dictionary.frequency(w) > 0, opts.newWords);
  const freq = opts.newWordFrequency ?? NEW_WORD_FREQUENCY;
  const extra = found.map((w) => [w, freq] as const);
  // A Simplified text is its own Simplified form: scanned once (a book's scan is most of this).
  const scanned = simplified === text ? text : `${text}\n${simplified}`;
  return new Segmenter(Jieba.withDict(dictionary.dictionaryFor(scanned, extra)), dictionary.toSimplified, opts.rules, cuts);
}
