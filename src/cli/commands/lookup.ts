import type { LexiconEntry } from '../../lexicon/index.js';
import { lookup } from '../../app/lookup.js';
import { UserError } from '../../util/errors.js';
import { colors, printJson, printLines } from '../output.js';
import { formatPinyin } from '../tones.js';

export default async function run(word: string, opts: { json?: boolean }): Promise<void> {
  const query = word.trim();
  const entries = await lookup(query);
  if (opts.json) return printJson(entries);
  if (entries.length === 0) {
    throw new UserError(`no CC-CEDICT entry for "${query}"`, 'lookup');
  }
  const c = colors();
  printLines(entries.flatMap((e, i) => describe(e, i === 0, c)));
}

function describe(e: LexiconEntry, first: boolean, c: ReturnType<typeof colors>): string[] {
  const head = e.traditional === e.simplified ? e.traditional : `${e.traditional} (${e.simplified})`;
  const tags = e.flags.length ? c.dim(` [${e.flags.join(', ')}]`) : '';
  const lines = [`${first ? '' : '\n'}${c.bold(head)}  ${formatPinyin(e.pinyin, c)}${tags}`];
  e.senses.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  if (e.classifiers.length) {
    const cl = e.classifiers.map((k) => `${k.traditional === k.simplified ? k.traditional : `${k.traditional}|${k.simplified}`} ${k.pinyin}`);
    lines.push(c.dim(`  measure words: ${cl.join(', ')}`));
  }
  return lines;
}
