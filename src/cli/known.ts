// The flags that say what the learner knows: --known SOURCE (repeatable), --level N, --collection.
import { knownFiles, readKnowledge, type LearnerKnowledge } from '../app/known.js';
import { collectionFiles } from '../app/output.js';
import { collectionPath } from '../collection/paths.js';
import { parseCount } from './args.js';

export interface KnownFlags {
  known?: string[];
  level?: string;
  collection?: string;
}

export const collectKnown = (v: string, acc: string[] = []) => [...acc, v];

export async function knowledgeFrom(opts: KnownFlags): Promise<{ knowledge: LearnerKnowledge; level: number | undefined }> {
  const level = parseCount(opts.level, '--level');
  return { knowledge: await readKnowledge(opts.known, { collection: opts.collection }), level };
}

/** The learner's files a command reads through these flags (word lists, decks, the collection): never an output. */
export const knownReads = (opts: KnownFlags): string[] => [...knownFiles(opts.known), ...collectionFiles(collectionPath(opts.collection))];
