export type { Article, Format, Language, Layout, ParagraphKind, ParagraphPair, Script, SourceRef, TextFile } from './types.js';
export { decodeText, type CharJudge } from './decode.js';
export { parseArticle, parseArticles, isTwoFileArticle, englishAndChinese, type ParseOptions, type ScriptJudge } from './parse.js';
export { articlesFromTexts, readArticles, readInputs, loadArticles, readTextFile, readBytes } from './read.js';
export { fetchText, isUrl, FETCH_LIMITS, type FetchLimits } from './fetch.js';
export { parseColumns, type ColumnChoice, type ColumnRef } from './table.js';
export { sentenceKind, isCredit } from './credits.js';
export { languageOf, hasHan } from './units.js';
