import { coverage } from '../../app/coverage.js';
import { parseOptionsOf, type ReadFlags } from '../args.js';
import { knowledgeFrom, type KnownFlags } from '../known.js';
import { colors, printJson, writeOut } from '../output.js';

interface Options extends ReadFlags, KnownFlags {
  json?: boolean;
}

export default async function run(inputs: string[], opts: Options): Promise<void> {
  const { knowledge, level } = await knowledgeFrom(opts);
  const c = await coverage(inputs, { ...parseOptionsOf(opts), knowledge, level });
  if (opts.json) return printJson(c);
  const s = colors();
  const top = c.unknownWords.slice(0, 30).map((u) => `${u.word} ×${u.count}`);
  writeOut(
    [
      `${s.bold(`${(100 * c.coverage).toFixed(1)}%`)} of ${c.tokens} word tokens known (${c.knownTokens})`,
      `${c.sentences} sentences, ${c.iPlus1} with exactly one unknown word (i+1)`,
      `${c.unknownWords.length} unknown words${top.length ? `: ${top.join('  ')}${c.unknownWords.length > top.length ? '  …' : ''}` : ''}`,
    ].join('\n') + '\n',
  );
}
