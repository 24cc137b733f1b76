// The learner's corrections file beside the collection: read for every build, words and
// segment run, appended to by `zhdeck words --fix`. The format is in segment/userdict.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { collectionPath } from '../collection/paths.js';
import { emptyUserDictionary, parseUserDictionary, parseUserLine, type UserDictionary } from '../segment/index.js';
import { UserError } from '../util/errors.js';
import { writeFileAtomic, writingFile } from '../util/fs.js';
import type { Word } from '../vocab/index.js';

/** `user-dict.txt` in the collection's folder ($ZHDECK_COLLECTION's, else $XDG_DATA_HOME/zhdeck). */
export const userDictionaryPath = (env: NodeJS.ProcessEnv = process.env) => join(dirname(collectionPath(undefined, env)), 'user-dict.txt');

export function loadUserDictionary(toSimplified: (s: string) => string, file = userDictionaryPath()): UserDictionary {
  if (!existsSync(file)) return emptyUserDictionary();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read the user dictionary (${(e as NodeJS.ErrnoException).code ?? 'error'})`, file);
  }
  return parseUserDictionary(text.replace(/^\uFEFF/, ''), file, toSimplified);
}

/** Checks one correction and appends it to the file (created with its folder if need be). */
export function addUserFix(line: string, file = userDictionaryPath()): void {
  if (/[\r\n]/.test(line) || !parseUserLine(line, '--fix')) throw new UserError(`"${line}": one correction, on one line`, '--fix');
  // The whole file is written anew and renamed into place: a full disk or a kill mid-write leaves
  // the learner's earlier corrections as they were, never a half-written last line.
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writingFile(file, () => writeFileAtomic(file, `${before}${before && !before.endsWith('\n') ? '\n' : ''}${line.trim()}\n`));
}

/** The learner's readings and glosses over the dictionary's: the gloss becomes the word's first sense. */
export function applyUserEntries(words: Word[], user: UserDictionary, toSimplified: (s: string) => string): void {
  if (user.entries.size === 0) return;
  for (const w of words) {
    const e = user.entries.get(w.simplified) ?? user.entries.get(toSimplified(w.text));
    if (!e) continue;
    if (e.pinyin) w.pinyin = e.pinyin;
    if (e.gloss) w.senses = [e.gloss, ...w.senses.filter((s) => s !== e.gloss)];
  }
}
