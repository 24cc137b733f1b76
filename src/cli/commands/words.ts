import { chooseWords, study } from '../../app/study.js';
import { knownFor } from '../../app/known.js';
import { addUserFix, userDictionaryPath } from '../../app/userdict.js';
import { bandOf } from '../../frequency/ranks.js';
import { knowledgeFrom, type KnownFlags } from '../known.js';
import { UserError } from '../../util/errors.js';
import type { Word } from '../../vocab/index.js';
import { colors, printJson, printLines, writeErr } from '../output.js';
import { formatPinyin } from '../tones.js';
import { parseCount, parseOptionsOf, type ReadFlags } from '../args.js';

interface Options extends ReadFlags, KnownFlags {
  fix?: string[];
  all?: boolean;
  maxWords?: string;
  json?: boolean;
}

/**
 * Each occurrence's own rendering (a word is "user" in one sentence and "users" in the next), once
 * per span: two occurrences linked to the same English words are one rendering.
 */
function glossesOf(w: Word, sentenceId: (pairId: string) => string) {
  const seen = new Set<string>();
  return w.occurrences.flatMap(({ gloss: g }) => {
    const key = g && `${g.pairId}:${g.start}:${g.end}`;
    if (!g || seen.has(key!)) return [];
    seen.add(key!);
    return [{ pair: sentenceId(g.pairId), text: g.text, start: g.start, end: g.end }];
  });
}

/** The JSON shape STANDARDS §1 fixes for `words --json`. */
export const wordJson = (w: Word, sentenceId: (pairId: string) => string = (id) => id) => ({
  word: w.text,
  traditional: w.traditional,
  simplified: w.simplified,
  pinyin: w.pinyin,
  senses: w.senses,
  gloss: w.gloss?.text ?? null,
  glosses: glossesOf(w, sentenceId),
  frequency: w.frequency,
  rank: w.rank,
  band: bandOf(w.rank),
  count: w.occurrences.length,
  sentences: [...new Set(w.occurrences.map((o) => sentenceId(o.pairId)))],
});

export default async function run(inputs: string[], opts: Options): Promise<void> {
  for (const fix of opts.fix ?? []) {
    addUserFix(fix);
    writeErr(`zhdeck: saved "${fix}" to ${userDictionaryPath()}\n`);
  }
  if (inputs.length === 0) {
    if (opts.fix?.length) return;
    throw new UserError('give an article file (or --fix CORRECTION)', 'words');
  }
  const maxWords = parseCount(opts.maxWords, '--max-words');
  const { knowledge, level } = await knowledgeFrom(opts);
  const studied = await study(inputs, parseOptionsOf(opts));
  // Sentence ids as `zhdeck align` prints them: prefixed by the article's number when there are several.
  const idIn = (a: number) => (pairId: string) => (studied.length > 1 ? `${a + 1}:${pairId}` : pairId);
  const chosen = chooseWords(studied, { all: opts.all, known: knownFor(knowledge), level, maxWords });
  if (opts.json) return printJson(chosen.map((c) => wordJson(c.word, idIn(c.article))));
  const c = colors();
  printLines(
    chosen.map(({ word: w }) => {
      const head = `${c.bold(w.text)}${w.simplified !== w.text ? ` (${w.simplified})` : ''}  ${formatPinyin(w.pinyin, c)}`;
      const gloss = w.gloss ? `  “${w.gloss.text}”` : '';
      const sense = w.senses[0] ? c.dim(`  ${w.senses.slice(0, 2).join('; ')}`) : '';
      const tags = [w.properNoun ? 'name' : '', !w.content ? 'not studied' : ''].filter(Boolean);
      return `${head}${gloss}${sense}${tags.length ? c.dim(` [${tags.join(', ')}]`) : ''}  ×${w.occurrences.length}${c.dim(` ${bandOf(w.rank)}`)}`;
    }),
  );
}
