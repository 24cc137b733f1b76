import type { ParagraphKind, SourceRef } from '../article/index.js';

export interface Sentence {
  /** 0-based position among the article's sentences of that language (line number with --presplit). */
  index: number;
  text: string;
}

/** English sentences and the Chinese sentences that translate them; one side empty when untranslated. */
export interface SentencePair {
  id: string;
  en: Sentence[];
  zh: Sentence[];
  confidence: number;
  /** 0-based index of the paragraph pair it came from. */
  paragraph: number;
  kind: ParagraphKind;
  source: SourceRef;
}

export const textOf = (sentences: Sentence[], lang: 'en' | 'zh') => sentences.map((s) => s.text).join(lang === 'en' ? ' ' : '');
