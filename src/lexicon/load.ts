import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { writeFileAtomic } from '../util/fs.js';
import { isCurrent, Lexicon, type LexiconFiles, type RecordReader } from './store.js';

export const lexiconPath = () => dataPath('lexicon.bin');
const recordsPath = () => dataPath('lexicon-records.bin');

let shared: Lexicon | undefined;

/** The index, when it and the records file are there and were built by this code together. */
function current(): Buffer | null {
  if (!existsSync(lexiconPath()) || !existsSync(recordsPath())) return null;
  const index = readFileSync(lexiconPath());
  const head = Buffer.alloc(64);
  const fd = openSync(recordsPath(), 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return isCurrent(index, head) ? index : null;
}

/** Builds data/lexicon.bin and data/lexicon-records.bin from CC-CEDICT (install time, or once if missing or stale). */
export async function prepareLexicon(entries?: import('./cedict.js').CedictEntry[]): Promise<LexiconFiles> {
  const { buildLexicon } = require('./build.js') as typeof import('./build.js');
  const files = await buildLexicon(entries);
  // Records first: an index is only ever next to the records it was built with.
  writeFileAtomic(recordsPath(), files.records);
  writeFileAtomic(lexiconPath(), files.index);
  return files;
}

/** Reads records from the file as entries are decoded (a positional read each; the file stays open). */
function recordsFromFile(path: string): RecordReader {
  const fd = openSync(path, 'r');
  return (start, end) => {
    const buf = Buffer.allocUnsafe(end - start);
    readSync(fd, buf, 0, buf.length, start);
    return buf.toString('utf8');
  };
}

/** The lexicon, loaded once per process. */
export async function loadLexicon(): Promise<Lexicon> {
  if (shared) return shared;
  let index = current();
  if (!index) {
    process.stderr.write('zhdeck: preparing the CC-CEDICT lexicon (once)…\n');
    index = (await prepareLexicon()).index;
  }
  shared = new Lexicon(index, recordsFromFile(recordsPath()), lexiconPath());
  return shared;
}
