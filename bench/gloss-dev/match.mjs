// The scorer's rule for a right gloss, on its own so that a test can check it.
//
// A gloss is right when the English span zhdeck gives, and one of the annotator's gold spans,
// cover the same words once each is trimmed: leading and trailing function words (articles,
// possessive determiners, prepositions, the infinitive "to", auxiliaries and copulas),
// punctuation and a final possessive 's are dropped from both ends. Spans are compared by
// their offsets in the pair's English text, not by their text: the same word elsewhere in the
// sentence renders another Chinese word. A span of nothing but function words is kept as it is.

export const FUNCTION_WORDS = new Set(
  `a an the this that these those his her its their our my your one's
   of to in on at by for from with into onto upon as
   be is are was were been being am has have had having do does did
   will would shall should can could may might must`
    .split(/\s+/)
    .filter(Boolean),
);

const TOKEN = /[\p{L}\p{N}]+(?:['’‐-][\p{L}\p{N}]+)*/gu;

/** A span [start, end) of text without its leading and trailing function words and punctuation. */
export function trimSpan(text, start, end) {
  const toks = [];
  TOKEN.lastIndex = 0;
  const part = text.slice(start, end);
  for (let m = TOKEN.exec(part); m; m = TOKEN.exec(part)) toks.push({ s: start + m.index, e: start + m.index + m[0].length, w: m[0].toLowerCase() });
  if (toks.length === 0) return { start, end };
  let i = 0;
  let k = toks.length - 1;
  while (i <= k && FUNCTION_WORDS.has(toks[i].w)) i++;
  while (k >= i && FUNCTION_WORDS.has(toks[k].w)) k--;
  if (i > k) return { start: toks[0].s, end: toks.at(-1).e };
  let e = toks[k].e;
  if (/['’]s$/i.test(toks[k].w) && e - 2 > toks[k].s) e -= 2;
  return { start: toks[i].s, end: e };
}

/** Whether a given span renders what one of the gold spans does (see the rule above). */
export function spanMatches(text, given, gold) {
  if (!given || !gold) return false;
  const g = trimSpan(text, given.start, given.end);
  return gold.some((x) => {
    const t = trimSpan(text, x.start, x.end);
    return t.start === g.start && t.end === g.end;
  });
}

/** Whether two spans share a character: a partly right gloss (reported, never counted right). */
export const overlaps = (a, b) => a.start < b.end && b.start < a.end;
