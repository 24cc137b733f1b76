import { sentenceKind, type Article, type ParagraphPair } from '../article/index.js';
import type { Lexicon } from '../lexicon/index.js';
import { alignSequences, DEFAULT_PARAMS, type AlignParams, type Bead } from './dp.js';
import { EvidenceSpace } from './evidence.js';
import { splitChinese, splitEnglish } from './split.js';
import { textOf, type Sentence, type SentencePair } from './types.js';

// Paragraphs are long, so a merge or a gap costs little against their evidence: the sentence
// beads of up to three units, each but 1–1 at one flat cost. Punctuation was weighed on
// sentences (MAC-Dev); a paragraph's marks are counted, but not scored.
const PARAGRAPH_PARAMS: AlignParams = {
  ...DEFAULT_PARAMS,
  punctWeight: 0,
  shapes: DEFAULT_PARAMS.shapes.filter(([en, zh]) => en + zh <= 3).map(([en, zh]) => [en, zh, en === 1 && zh === 1 ? 0 : -3]),
};

const joinParagraphs = (texts: (string | null)[]) => {
  const t = texts.filter((x): x is string => x !== null);
  return t.length ? t.join('\n') : null;
};

/** Aligns a stretch of one-sided paragraphs by content. */
function alignRun(en: ParagraphPair[], zh: ParagraphPair[], space: EvidenceSpace): ParagraphPair[] {
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

/**
 * Pairs one-sided paragraphs (two files, blocks of English then Chinese, a page in columns)
 * the same way sentences are paired. Pairs the layout made (a title and its translation, a
 * table row) stay as they are, and the one-sided paragraphs between two of them are aligned
 * with each other; an untranslated title goes first and boilerplate last, never aligned.
 * Layouts that pair by position pass through.
 */
export function pairParagraphs(article: Article, space: EvidenceSpace): ParagraphPair[] {
  if (article.paired) return article.paragraphs;
  const out: ParagraphPair[] = [];
  let run: ParagraphPair[] = [];
  const flush = () => {
    const aside = (kind: string) => run.filter((p) => p.kind === kind);
    const titles = aside('title');
    // An English block's title and a Chinese block's: one pair.
    const [t1, t2] = titles;
    if (titles.length === 2 && (t1!.en === null) !== (t2!.en === null)) {
      const [en, zh] = t1!.en !== null ? [t1!, t2!] : [t2!, t1!];
      titles.splice(0, 2, { en: en.en, zh: zh.zh, kind: 'title', source: en.source, zhSource: zh.source });
    }
    const aligned = run.filter((p) => p.kind !== 'title' && p.kind !== 'boilerplate');
    const en = aligned.filter((p) => p.en !== null);
    const zh = aligned.filter((p) => p.zh !== null);
    out.push(...titles, ...(en.length && zh.length ? alignRun(en, zh, space) : aligned), ...aside('boilerplate'));
    run = [];
  };
  for (const p of article.paragraphs) {
    if (p.en !== null && p.zh !== null) {
      flush();
      out.push(p);
    } else run.push(p);
  }
  flush();
  return out;
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
        // A credit closing a caption ("… REUTERS/Name Purchase Licensing Rights") is boilerplate.
        kind: sentenceKind(p.kind, textOf(b.en.map((i) => en[i]!), 'en'), textOf(b.zh.map((j) => zh[j]!), 'zh')),
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
