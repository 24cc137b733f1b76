import { align, alignLines } from '../../app/align.js';
import { textOf } from '../../align/index.js';
import { parseOptionsOf, type ReadFlags } from '../args.js';
import { colors, printJson, printLines } from '../output.js';

interface Options extends ReadFlags {
  presplit?: boolean;
  json?: boolean;
}

interface JsonPair {
  id: string;
  en: number[];
  zh: number[];
  enText: string;
  zhText: string;
  confidence: number;
}

export default async function run(inputs: string[], opts: Options): Promise<void> {
  const pairs: JsonPair[] = [];
  if (opts.presplit) {
    const { enLines, zhLines, beads } = await alignLines(inputs);
    beads.forEach((b, k) =>
      pairs.push({
        id: String(k + 1),
        en: b.en,
        zh: b.zh,
        enText: b.en.map((i) => enLines[i]).join(' '),
        zhText: b.zh.map((j) => zhLines[j]).join(''),
        confidence: b.confidence,
      }),
    );
  } else {
    const articles = await align(inputs, parseOptionsOf(opts));
    articles.forEach(({ pairs: ps }, a) => {
      for (const p of ps) {
        pairs.push({
          id: articles.length > 1 ? `${a + 1}:${p.id}` : p.id,
          en: p.en.map((s) => s.index),
          zh: p.zh.map((s) => s.index),
          enText: textOf(p.en, 'en'),
          zhText: textOf(p.zh, 'zh'),
          confidence: p.confidence,
        });
      }
    });
  }
  if (opts.json) return printJson(pairs);
  const c = colors();
  printLines(
    pairs.flatMap((p) => {
      const shape = `${p.en.length}–${p.zh.length}`;
      const head = `${c.bold(p.id)}  ${shape}  ${p.en.length && p.zh.length ? `confidence ${p.confidence.toFixed(2)}` : c.dim('untranslated')}`;
      return [head, ...(p.enText ? [`  EN ${p.enText}`] : []), ...(p.zhText ? [`  ZH ${p.zhText}`] : []), ''];
    }),
  );
}
