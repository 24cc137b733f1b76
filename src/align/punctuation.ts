// Punctuation is evidence a dictionary does not give: a question is translated by a question,
// an exclamation by an exclamation, and a sentence with many clauses (commas, semicolons) by
// one with many. Literary translation keeps this structure more often than it keeps words
// (Chen & Nie's and Champollion's aligners use it the same way).

/** What a sentence's punctuation says about its structure. */
export interface Punctuation {
  /** Question marks. */
  questions: number;
  /** Exclamation marks. */
  exclamations: number;
  /** Marks inside the sentence that end a clause: commas, semicolons, colons, dashes. */
  clauses: number;
  /** Quotations opened: dialogue is translated as dialogue. */
  quotes: number;
}

const QUESTION = /[?？]/g;
const EXCLAMATION = /[!！]/g;
// The enumeration comma 、 joins list items, not clauses; an English dash pair or a Chinese ——
// counts once.
const CLAUSE_EN = /[,;:]|—+|--+/g;
const CLAUSE_ZH = /[，,；;：:]|——|—/g;

// An opening quote: curly, or straight at the start of a word (not an apostrophe).
const QUOTE_EN = /[“‘]|(?:^|\s)["']/g;
const QUOTE_ZH = /[“「『‘]/g;
const count = (text: string, re: RegExp) => {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) n++;
  return n;
};

export function punctuationOf(text: string, lang: 'en' | 'zh'): Punctuation {
  return {
    questions: count(text, QUESTION),
    exclamations: count(text, EXCLAMATION),
    clauses: count(text, lang === 'en' ? CLAUSE_EN : CLAUSE_ZH),
    quotes: count(text, lang === 'en' ? QUOTE_EN : QUOTE_ZH),
  };
}

/**
 * How well the punctuation of a bead's two sides agrees, 0 at best, more negative the worse:
 * each question or exclamation one side has and the other lacks costs 1; the clause counts
 * are compared after scaling the English one by `clauseRatio` (Chinese writes more commas),
 * their difference relative to their size, as Gale–Church compares lengths; each quotation one
 * side opens and the other does not costs `quoteWeight`.
 */
export function punctuationScore(en: Punctuation, zh: Punctuation, clauseRatio: number, quoteWeight = 0): number {
  const marks = Math.abs(Math.min(en.questions, 2) - Math.min(zh.questions, 2)) + Math.abs(Math.min(en.exclamations, 2) - Math.min(zh.exclamations, 2));
  const e = en.clauses * clauseRatio;
  const clauses = Math.abs(zh.clauses - e) / Math.sqrt(zh.clauses + e + 1);
  const quotes = Math.abs(Math.min(en.quotes, 2) - Math.min(zh.quotes, 2));
  return -(marks + clauses + quoteWeight * quotes);
}

/** The Chinese/English clause-mark ratio of a text: the `clauseRatio` above. */
export function clauseRatioOf(en: readonly Punctuation[], zh: readonly Punctuation[]): number {
  let e = 0;
  let z = 0;
  for (const p of en) e += p.clauses;
  for (const p of zh) z += p.clauses;
  return e > 0 && z > 0 ? z / e : 1;
}

/** The punctuation of a run of sentences read as one. */
export function sumPunctuation(ps: readonly Punctuation[], from: number, count: number, into: Punctuation): Punctuation {
  into.questions = 0;
  into.exclamations = 0;
  into.clauses = 0;
  into.quotes = 0;
  for (let k = from; k < from + count; k++) {
    const p = ps[k]!;
    into.questions += p.questions;
    into.exclamations += p.exclamations;
    into.clauses += p.clauses;
    into.quotes += p.quotes;
  }
  return into;
}
