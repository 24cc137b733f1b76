export type Script = 'traditional' | 'simplified';
export type Language = 'en' | 'zh';

/** Where a piece of text came from: file and 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

/** How the English and Chinese were laid out in the input (STANDARDS §2). */
export type Layout = 'interleaved' | 'two-files' | 'blocks' | 'tsv';

export type ParagraphKind = 'title' | 'caption' | 'body' | 'boilerplate';

/** An English paragraph and its Chinese translation; one side null when it has none. */
export interface ParagraphPair {
  en: string | null;
  zh: string | null;
  kind: ParagraphKind;
  /** Where the pair starts (its English side, or its Chinese side when it has no English). */
  source: SourceRef;
  /** Where the Chinese side starts, when the two sides came from different places. */
  zhSource?: SourceRef;
}

export interface Article {
  title: string;
  script: Script;
  layout: Layout;
  source: SourceRef;
  paragraphs: ParagraphPair[];
}

/** A file's text as decoded, with the encoding that decoded it. */
export interface TextFile {
  file: string;
  text: string;
  encoding?: string;
}
