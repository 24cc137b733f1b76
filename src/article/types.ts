export type Script = 'traditional' | 'simplified';
export type Language = 'en' | 'zh';

/** Where a piece of text came from: file (or address) and 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

/**
 * How the English and Chinese were laid out in the input (STANDARDS §2): in text files
 * (`interleaved`, `blocks`, two files), in a table (`tsv`, `csv`), on a web page (`html`, which
 * pairs as the page does: alternating paragraphs, side-by-side rows or columns, or blocks), or
 * in subtitles (`subtitles`: one bilingual file, or two files of one video matched by time).
 */
export type Layout = 'interleaved' | 'two-files' | 'blocks' | 'tsv' | 'csv' | 'html' | 'subtitles';

/** A file's format, which decides how its text is read; a layout says how its languages are laid out. */
export type Format = 'text' | 'table' | 'html' | 'subtitles';

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
  /**
   * Whether the layout paired the paragraphs itself (by position, row, cue or time). When
   * false (two files, blocks, a page in columns) the one-sided paragraphs between the pairs
   * already made are in reading order, for align/ to pair by content.
   */
  paired: boolean;
  source: SourceRef;
  paragraphs: ParagraphPair[];
}

/** A file's text as decoded, with the encoding that decoded it. */
export interface TextFile {
  file: string;
  text: string;
  encoding?: string;
  /** The format, when the reader was told it (a web server's Content-Type); otherwise detected. */
  format?: Format;
}
