// The one reader of CC-CEDICT senses for meaning: what English words a sense uses, and what
// kind of sense it is. The aligner, the reverse index and the glosser read senses through it,
// each through the view it needs (a bag of stems, or phrases of words); the rules each view
// shares (what is a note, a cross-reference, a measure word) are written once, here.
// (cedict.ts parses the raw lines and flags whole entries; it reads the format, not meaning.)
import { isStopword, stem, WORD } from './english.js';
import type { LexiconEntry } from './types.js';

/** A sense without its notes: parentheses are notes ("(of a plant) to sprout"), brackets pinyin. */
export const senseCore = (sense: string) => sense.replace(/\([^)]*\)/g, ' ').replace(/\[[^\]]*\]/g, ' ');

/** Content-word stems of a sense: "(of a plant) to sprout" → sprout. What the reverse index is keyed by. */
export function senseStems(sense: string): string[] {
  const out: string[] = [];
  for (const m of senseCore(sense).matchAll(WORD)) if (!isStopword(m[0]) && /[A-Za-z]/.test(m[0])) out.push(stem(m[0]));
  return out;
}

// Stems that describe a sense rather than say its meaning ("possessive particle", "surname
// Wang", "old variant of", "(Tw)"): evidence of nothing about a translation.
const SENSE_LABELS = new Set(['particl', 'marker', 'classifier', 'surnam', 'variant', 'bound', 'form', 'literary', 'abbr', 'pr', 'see', 'also', 'written', 'old', 'archaic', 'coll', 'dialect', 'tw', 'sb', 'sth']);

/** The stems of a sense that speak of its meaning: senseStems without labels and one-letter stems. */
export const meaningStems = (sense: string) => senseStems(sense).filter((s) => !SENSE_LABELS.has(s) && s.length > 1);

/**
 * Every word of a sense outside its parentheses, lower case, grammatical words too (才 "only",
 * 能 "can"): what matching a character's senses against any English word reads.
 */
export const senseWords = (sense: string) => sense.replace(/\([^)]*\)/g, '').toLowerCase().match(/[a-z]+/g) ?? [];

/** A sense that only points at another entry. */
export const isCrossReference = (sense: string) => /^(see|variant of|old variant of|used in)\b/i.test(sense);

/** The forms a sense says its entry is a variant of: "variant of 裡|里[lǐ]" → 裡, 里. */
export const variantTargets = (sense: string): string[] => /\bvariant of ([^[\s]+)\[/.exec(sense)?.[1]?.split('|') ?? [];

/** A measure word's sense: "classifier for animals", "CL for doors". */
export const isMeasureSense = (sense: string) => /^(classifier|CL) for\b|^classifier\b/i.test(sense);

/** A sense that names grammar (particle, suffix, measure word) or only a surname, not content a learner studies. */
export const isGrammaticalSense = (sense: string) =>
  /\b(particle|marker|pronoun|suffix|prefix|classifier for|measure word)\b/i.test(sense) || /^surname\b/i.test(sense);

/** One word of a sense phrase. */
export interface PhraseWord {
  stem: string;
  /** Follows a verb as a particle, so it may close a span: "grew up". */
  particle?: boolean;
  /** Written with a capital in the dictionary: a name, which may match a capitalised English word. */
  name: boolean;
  /** From a verb sense ("to state"), which a noun after a determiner does not render. */
  verb: boolean;
  /** Joined to the word before it by a hyphen ("term" of "long-term"): one word with it, never replaced by another. */
  hyphenated?: boolean;
}

// Particles that belong to the verb before them: "to grow up", "to bring back".
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'on', 'back', 'over', 'away', 'in']);

const phraseCache = new WeakMap<LexiconEntry, PhraseWord[][]>();

/**
 * An entry's senses as phrases of content words: "to understand; to know about" → [underst],
 * [know]. Notes in parentheses, pinyin in brackets, quoted examples and cross-references are
 * not meaning; a name or acronym in parentheses is (央視 "China Central Television (CCTV)").
 * Remembered per entry.
 */
export function sensePhrases(entry: LexiconEntry): PhraseWord[][] {
  let cached = phraseCache.get(entry);
  if (!cached) phraseCache.set(entry, (cached = parsePhrases(entry)));
  return cached;
}

function parsePhrases(entry: LexiconEntry): PhraseWord[][] {
  const out: PhraseWord[][] = [];
  for (const sense of entry.senses) {
    if (isCrossReference(sense)) continue;
    const acronyms = [...sense.matchAll(/\(([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\)/g)].map((m) => m[1]!);
    for (const a of acronyms) out.push([{ stem: stem(a), name: true, verb: false }]);
    const core = senseCore(sense)
      .replace(/"[^"]*"/g, ' ')
      .replace(/\b(as in|e\.g\.|i\.e\.)\s.*$/i, ' ')
      .replace(/\b(lit|fig|abbr|coll)\.\s*/g, ' ');
    for (const phrase of core.split(/[;,]/)) {
      const verb = /^\s*to\s/i.test(phrase);
      const found = [...phrase.matchAll(WORD)];
      const all = found.map((m) => m[0]);
      const words: PhraseWord[] = [];
      all.forEach((w, k) => {
        if (verb && k > 1 && PARTICLES.has(w)) words.push({ stem: w, name: false, verb, particle: true });
        else if ((!isStopword(w) || /^(US|UK)$/.test(w)) && !/^(sth|sb|etc|one's)$/i.test(w)) {
          // Only the verb itself is a verb: in "to have the right to", "right" is its object, a noun.
          const word: PhraseWord = { stem: stem(w), name: /^[A-Z]/.test(w), verb: verb && k === 1 };
          if (phrase[found[k]!.index - 1] === '-') word.hyphenated = true;
          words.push(word);
        }
      });
      if (words.length) out.push(words);
    }
  }
  return out;
}
