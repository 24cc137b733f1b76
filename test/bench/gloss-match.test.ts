// The gloss set's rule for a right gloss (bench/gloss-dev/match.mjs), on a sentence of my own.
import { describe, expect, it } from 'vitest';
import { spanMatches, trimSpan } from '../../bench/gloss-dev/match.mjs';

const text = "The ferry's captain said the ferries to the island will run again on Monday; the captain's log agrees.";
/** The span of the k-th occurrence (1-based) of s in text. */
const span = (s: string, k = 1) => {
  let at = -1;
  for (let i = 0; i < k; i++) at = text.indexOf(s, at + 1);
  if (at < 0) throw new Error(`${s} #${k} not in the sentence`);
  return { start: at, end: at + s.length };
};
const gold = (...spans: { start: number; end: number }[]) => spans;

describe('the gloss matching rule', () => {
  it('accepts the gold span itself', () => {
    expect(spanMatches(text, span('ferries'), gold(span('ferries')))).toBe(true);
  });

  it('ignores leading and trailing function words, punctuation and a possessive', () => {
    expect(spanMatches(text, span('the ferries to'), gold(span('ferries')))).toBe(true);
    expect(spanMatches(text, span("The ferry's"), gold(span('ferry')))).toBe(true);
    expect(spanMatches(text, span('will run again'), gold(span('run again')))).toBe(true);
    expect(spanMatches(text, span('Monday;'), gold(span('Monday')))).toBe(true);
    expect(trimSpan(text, span('to the island').start, span('to the island').end)).toEqual(span('island'));
  });

  it('accepts any of several gold alternatives', () => {
    expect(spanMatches(text, span('run'), gold(span('run again'), span('run')))).toBe(true);
  });

  it('rejects a span with a content word more or less than the gold', () => {
    expect(spanMatches(text, span('run again'), gold(span('run')))).toBe(false);
    expect(spanMatches(text, span('captain', 1), gold(span("ferry's captain")))).toBe(false);
  });

  it('rejects the same words at another place in the sentence', () => {
    expect(spanMatches(text, span('captain', 2), gold(span('captain', 1)))).toBe(false);
  });

  it('counts no gloss, or a gloss where the gold says none, as not right', () => {
    expect(spanMatches(text, null, gold(span('island')))).toBe(false);
    expect(spanMatches(text, span('island'), null)).toBe(false);
  });

  it('keeps a span of function words only as it is', () => {
    expect(trimSpan(text, span('to the').start, span('to the').end)).toEqual(span('to the'));
  });
});
