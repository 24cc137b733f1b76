import { readKnownWords, study } from '../../pipeline.js';
import type { Layout, Script } from '../../article/index.js';
import { selectWords, type Word } from '../../vocab/index.js';
import { colors, printJson, printLines } from '../output.js';
import { formatPinyin } from '../tones.js';
import { parseCount } from '../args.js';

interface Options {
  all?: boolean;
  known?: string;
  maxWords?: string;
  json?: boolean;
  layout?: Layout;
  script?: Script;
}

/** The JSON shape STANDARDS §1 fixes for `words --json`. */
export const wordJson = (w: Word, sentenceId: (pairId: string) => string = (id) => id) => ({
  word: w.text,
  traditional: w.traditional,
  simplified: w.simplified,
  pinyin: w.pinyin,
  senses: w.senses,
  gloss: w.gloss?.text ?? null,
  frequency: w.frequency,
  count: w.occurrences.length,
  sentences: [...new Set(w.occurrences.map((o) => sentenceId(o.pairId)))],
});

export default async function run(inputs: string[], opts: Options): Promise<void> {
  const maxWords = parseCount(opts.maxWords, '--max-words');
  const known = opts.known ? await readKnownWords(opts.known) : undefined;
  const studied = await study(inputs, { layout: opts.layout, script: opts.script });
  const many = studied.length > 1;
  const rows = studied.flatMap((s, a) => s.words.map((w) => ({ w, id: (pairId: string) => (many ? `${a + 1}:${pairId}` : pairId) })));
  const chosen = new Set(selectWords(rows.map((r) => r.w), { all: opts.all, known, maxWords }));
  const order = new Map([...chosen].map((w, i) => [w, i]));
  const ordered = rows.filter((r) => chosen.has(r.w)).sort((x, y) => order.get(x.w)! - order.get(y.w)!);
  if (opts.json) return printJson(ordered.map((r) => wordJson(r.w, r.id)));
  const c = colors();
  printLines(
    ordered.map(({ w }) => {
      const head = `${c.bold(w.text)}${w.simplified !== w.text ? ` (${w.simplified})` : ''}  ${formatPinyin(w.pinyin, c)}`;
      const gloss = w.gloss ? `  “${w.gloss.text}”` : '';
      const sense = w.senses[0] ? c.dim(`  ${w.senses.slice(0, 2).join('; ')}`) : '';
      const tags = [w.properNoun ? 'name' : '', !w.content ? 'not studied' : ''].filter(Boolean);
      return `${head}${gloss}${sense}${tags.length ? c.dim(` [${tags.join(', ')}]`) : ''}  ×${w.occurrences.length}`;
    }),
  );
}
