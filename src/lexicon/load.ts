import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../util/paths.js';
import { writeFileAtomic } from '../util/fs.js';
import { isCurrent, Lexicon } from './store.js';

export const lexiconPath = () => dataPath('lexicon.bin');

let shared: Lexicon | undefined;

function current(path: string): Buffer | null {
  if (!existsSync(path)) return null;
  const buf = readFileSync(path);
  return isCurrent(buf) ? buf : null;
}

/** Builds data/lexicon.bin from CC-CEDICT (install time, or once if it is missing or stale). */
export async function prepareLexicon(entries?: import('./cedict.js').CedictEntry[]): Promise<Buffer> {
  const { buildLexicon } = await import('./build.js');
  const buf = await buildLexicon(entries);
  writeFileAtomic(lexiconPath(), buf);
  return buf;
}

/** The lexicon, loaded once per process. */
export async function loadLexicon(): Promise<Lexicon> {
  if (shared) return shared;
  const path = lexiconPath();
  let buf = current(path);
  if (!buf) {
    process.stderr.write('zhdeck: preparing the CC-CEDICT lexicon (once)…\n');
    buf = await prepareLexicon();
  }
  shared = new Lexicon(buf, path);
  return shared;
}
