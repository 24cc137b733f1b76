import type { Article, ParagraphPair } from '../article/index.js';
import type { Lexicon } from '../lexicon/index.js';
import { alignSequences, DEFAULT_PARAMS, type AlignParams, type Bead } from './dp.js';
import { EvidenceSpace } from './evidence.js';
import { splitChinese, splitEnglish } from './split.js';
import type { Sentence, SentencePair } from './types.js';

// Paragraphs are long, so a merge or a gap costs little against their evidence.
const PARAGRAPH_PARAMS: AlignParams = {
  ...DEFAULT_PARAMS,
  shapes: [
    [1, 1, 0],
    [1, 0, -3],
    [0, 1, -3],
    [2, 1, -3],
    [1, 2, -3],
  ],
};

const joinParagraphs = (texts: (string | null)[]) => {
  const t = texts.filter((x): x is string => x !== null);
  return t.length ? t.join('\n') : null;
};

/**
 * Pairs one-sided paragraphs (two files, or blocks of English then Chinese) the same way
 * sentences are paired. Layouts that pair by position pass through.
 */
export function pairParagraphs(article: Article, space: EvidenceSpace): ParagraphPair[] {
  if (article.layout !== 'blocks' && article.layout !== 'two-files') return article.paragraphs;
  const en = article.paragraphs.filter((p) => p.en !== null && p.zh === null);
  const zh = article.paragraphs.filter((p) => p.zh !== null && p.en === null);
  const beads = alignSequences(
    en.map((p) => space.english(p.en!)),
    zh.map((p) => space.chinese(p.zh!)),
    PARAGRAPH_PARAMS,
  );
  return beads.map((b) => {
    const e = b.en.map((i) => en[i]!);
    const z = b.zh.map((j) => zh[j]!);
    const first = e[0] ?? z[0]!;
    return {
      en: joinParagraphs(e.map((p) => p.en)),
      zh: joinParagraphs(z.map((p) => p.zh)),
      kind: [...e, ...z].find((p) => p.kind !== 'body')?.kind ?? 'body',
      source: first.source,
      ...(e[0] && z[0] ? { zhSource: z[0].source } : {}),
    };
  });
}

/** The Chinese/English length ratio of the article's translated paragraphs: the Gale–Church c. */
function lengthRatio(pairs: ParagraphPair[]): number | undefined {
  let en = 0;
  let zh = 0;
  for (const p of pairs) {
    if (!p.en || !p.zh) continue;
    en += p.en.replace(/\s/g, '').length;
    zh += p.zh.replace(/\s/g, '').length;
  }
  return en > 0 && zh > 0 ? zh / en : undefined;
}

/** An article's sentence pairs, paragraph by paragraph, with sentence indices over the whole article. */
export function alignArticle(article: Article, lexicon: Lexicon): SentencePair[] {
  return [...alignInBlocks(article, lexicon, Infinity)].flat();
}

/**
 * An article's sentence pairs in blocks of whole paragraphs, each block about `blockChars`
 * characters (at least one paragraph): a long article (a book) is aligned as it is read, and
 * only a block's pairs need be held at a time. Every block is aligned exactly as alignArticle
 * aligns the article, with the length ratio of the whole article, one evidence space, and
 * sentence indices and pair ids over the whole article.
 */
export function* alignInBlocks(article: Article, lexicon: Lexicon, blockChars: number): Generator<SentencePair[]> {
  const space = new EvidenceSpace(lexicon);
  const paragraphs = pairParagraphs(article, space);
  const ratio = lengthRatio(paragraphs);
  let out: SentencePair[] = [];
  let chars = 0;
  let enBase = 0;
  let zhBase = 0;
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k]!;
    const en: Sentence[] = (p.en ? splitEnglish(p.en) : []).map((text, i) => ({ index: enBase + i, text }));
    const zh: Sentence[] = (p.zh ? splitChinese(p.zh) : []).map((text, i) => ({ index: zhBase + i, text }));
    enBase += en.length;
    zhBase += zh.length;
    const beads: Bead[] =
      en.length && zh.length
        ? alignSequences(
            en.map((s) => space.english(s.text)),
            zh.map((s) => space.chinese(s.text)),
            DEFAULT_PARAMS,
            ratio,
          )
        : [...en.map((_, i) => ({ en: [i], zh: [], confidence: 1 })), ...zh.map((_, j) => ({ en: [], zh: [j], confidence: 1 }))];
    beads.forEach((b, n) =>
      out.push({
        id: `${k + 1}.${n + 1}`,
        en: b.en.map((i) => en[i]!),
        zh: b.zh.map((j) => zh[j]!),
        confidence: b.confidence,
        paragraph: k,
        kind: p.kind,
        source: p.source,
      }),
    );
    chars += (p.en?.length ?? 0) + (p.zh?.length ?? 0);
    if (chars >= blockChars) {
      yield out;
      out = [];
      chars = 0;
    }
  }
  if (out.length || paragraphs.length === 0) yield out;
}

/** Sentences already split one per line (how gold sets are scored): indices are line numbers. */
export function alignPresplit(enLines: string[], zhLines: string[], lexicon: Lexicon, params: AlignParams = DEFAULT_PARAMS): Bead[] {
  const space = new EvidenceSpace(lexicon);
  return alignSequences(
    enLines.map((l) => space.english(l)),
    zhLines.map((l) => space.chinese(l)),
    params,
  );
}
