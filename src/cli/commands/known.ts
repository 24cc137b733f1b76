import { Collection, collectionPath } from '../../collection/index.js';
import { UserError } from '../../util/errors.js';
import { now } from '../../util/clock.js';
import { colors, printJson, printLines, writeErr } from '../output.js';

interface Options {
  collection?: string;
  json?: boolean;
}

const HAN = /^\p{Script=Han}+$/u;

/** `zhdeck known add|remove|list WORD…`: words the learner marks as known, kept in the collection. */
export default async function run(action: string, words: string[], opts: Options): Promise<void> {
  if (!['add', 'remove', 'list'].includes(action)) throw new UserError(`is not add, remove or list: "${action}"`, 'known');
  if (action !== 'list' && words.length === 0) throw new UserError(`${action}: give the words, e.g. zhdeck known ${action} 圖書館`, 'known');
  const bad = words.find((w) => !HAN.test(w));
  if (bad) throw new UserError(`a word is Chinese characters only, not "${bad}"`, 'known');
  const c = Collection.open(collectionPath(opts.collection), { create: action === 'add', now: now(), readonly: action === 'list' });
  try {
    if (action === 'list') {
      const all = c.knownWords();
      return opts.json ? printJson(all) : printLines(all);
    }
    const changed = c.markKnown([...new Set(words)], action === 'add', now());
    const s = colors('stderr');
    writeErr(`${s.green('✓')} ${changed} word${changed === 1 ? '' : 's'} ${action === 'add' ? 'marked as known' : 'no longer marked'} (${words.length - changed} already ${action === 'add' ? 'marked' : 'unmarked'})\n`);
  } finally {
    c.close();
  }
}
