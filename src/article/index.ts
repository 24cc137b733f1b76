export type { Article, Language, Layout, ParagraphKind, ParagraphPair, Script, SourceRef, TextFile } from './types.js';
export { decodeText, type CharJudge } from './decode.js';
export { parseArticle, isTwoFileArticle, englishAndChinese, type ParseOptions, type ScriptJudge } from './parse.js';
export { articlesFromTexts, readArticles, readTextFile, readBytes } from './read.js';
export { languageOf, hasHan } from './units.js';
