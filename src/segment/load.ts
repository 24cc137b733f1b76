import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { writeFileAtomic } from '../util/fs.js';
import { unpack } from '../util/pack.js';
import { FORMAT, SegmentDictionary } from './dictionary.js';
import { Segmenter } from './segmenter.js';


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
 * dictionary words that occur in it, in either script. Without a text, with every word.
 */
export async function loadSegmenter(text?: string): Promise<Segmenter> {
  const dictionary = await loadSegmentDictionary();
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const words = text === undefined ? undefined : `${text}\n${dictionary.toSimplified(text)}`;
  return new Segmenter(Jieba.withDict(dictionary.dictionaryFor(words)), dictionary.toSimplified);
}
