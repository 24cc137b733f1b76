// Jobs that pair sentences: a pure core over articles (or texts) in memory, and a thin wrapper
// that reads the files.
import { englishAndChinese, loadArticles, readTextFile, type Article, type ParseOptions, type TextFile } from '../article/index.js';
import { alignArticle, alignPresplit, type Bead, type SentencePair } from '../align/index.js';
import { loadLexicon, type Lexicon } from '../lexicon/index.js';
import { UserError } from '../util/errors.js';

export interface AlignedArticle {
  article: Article;
  pairs: SentencePair[];
}

/** Each article's sentence pairs. */
export const alignArticles = (articles: Article[], lexicon: Lexicon): AlignedArticle[] =>
  articles.map((article) => ({ article, pairs: alignArticle(article, lexicon) }));

/** Reads articles from files (or web pages) and aligns their sentences. */
export async function align(inputs: string[], opts: ParseOptions = {}): Promise<AlignedArticle[]> {
  const lexicon = await loadLexicon();
  return alignArticles(await loadArticles(inputs, lexicon, opts), lexicon);
}

export interface PresplitAlignment {
  enLines: string[];
  zhLines: string[];
  beads: Bead[];
}

const linesOf = (f: TextFile) => f.text.replace(/\n$/, '').split('\n');

/** Two texts already split one sentence per line, in either order; indices are 0-based line numbers. */
export function alignPresplitTexts(files: [TextFile, TextFile], lexicon: Lexicon): PresplitAlignment {
  const { en, zh } = englishAndChinese(files);
  const enLines = linesOf(en);
  const zhLines = linesOf(zh);
  return { enLines, zhLines, beads: alignPresplit(enLines, zhLines, lexicon) };
}

/** `zhdeck align --presplit`: two files of one sentence per line. */
export async function alignLines(inputs: string[]): Promise<PresplitAlignment> {
  if (inputs.length !== 2) throw new UserError('--presplit takes exactly two files: one English, one Chinese', 'align');
  const lexicon = await loadLexicon();
  return alignPresplitTexts([readTextFile(inputs[0]!, lexicon), readTextFile(inputs[1]!, lexicon)], lexicon);
}
