import type { Article, Script } from '../article/index.js';
import { textOf, type SentencePair } from '../align/index.js';
import { exampleOf, type Occurrence, type Word } from '../vocab/index.js';
import { append } from '../util/collections.js';
import { UserError } from '../util/errors.js';
import { guidFor } from './guid.js';
import { bandLabel, bandOf } from '../frequency/ranks.js';
import { sentenceSibling } from './sibling.js';
import { escapeCloze, escapeHtml, markSpans, pinyinHtml, spansOf } from './html.js';
import type { ClozeNote, Note, NoteKind, TranslationNote, VocabularyNote } from './types.js';

/** One article with its sentence pairs and the words chosen for study in it. */
export interface StudySet {
  article: Article;
  pairs: SentencePair[];
  /** The target words: only these become clozes and vocabulary notes. */
  words: Word[];
  /** Which target words each sentence pair (by id) hides; without it, every target wherever it stands. */
  clozes?: ReadonlyMap<string, ReadonlySet<Word>>;
}

export interface NoteOptions {
  /** Put every note in this deck instead of zhdeck::<article title>. */
  deck?: string;
  /** Tags added to every note. */
  tags?: string[];
}

// The GUID namespace: a note's identity is zhdeck's, its kind, and its Chinese.
const APP = 'zhdeck';

/** Anki makes "::" a subdeck separator: a title may not create subdecks by accident. */
export const deckFor = (title: string) => `zhdeck::${title.replace(/::/g, ':').replace(/\s+/g, ' ').trim() || 'untitled'}`;

/**
 * Tags the user gives, space-separated. Anki's tag syntax has no quoting: a tag holding a quote
 * would not survive a search or re-import, so it is the user's error.
 */
export function parseTags(text: string | undefined): string[] | undefined {
  const tags = text?.split(/\s+/).filter(Boolean);
  const bad = tags?.find((t) => t.includes('"'));
  if (bad) throw new UserError(`a tag may not hold a quote: ${bad}`, '--tags');
  return tags;
}

/** The article a note came from, among those built together: the one whose slug it is tagged with. */
export const articleOf = (note: Note, slugs: string[]): string | undefined => slugs.find((slug) => note.tags.includes(slug)) ?? slugs[0];

/** A tag for the article: Anki tags hold no spaces. Han characters are kept, as Anki allows them. */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9\p{Script=Han}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return (slug.length > 60 ? slug.slice(0, 60).replace(/-[^-]*$/, '') : slug) || 'article';
}

const zhOf = (p: SentencePair) => textOf(p.zh, 'zh');
/** The word in the script it is not written in here, when that differs. */
const otherForm = (w: Word) => (w.text === w.simplified ? w.traditional : w.simplified);
const enOf = (p: SentencePair) => textOf(p.en, 'en');

/** Sense text without CC-CEDICT's references to other words (`see 某某[mou3 mou3]`), which could name the answer. */
const withoutReferences = (s: string) =>
  s
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[\p{Script=Han}|]+/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;.])/g, '$1')
    .trim();

/** A short English cue for a word: its contextual gloss, else its first sense, free of cloze syntax and of Chinese. */
function cueFor(word: Word, o?: Occurrence): string {
  const raw = o?.gloss?.text ?? word.gloss?.text ?? withoutReferences(word.senses[0]?.split(';')[0] ?? '');
  const clean = raw.replace(/::|}}/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

/** The measure words of a word's entry, in the script it is written in here, with tone-coloured pinyin. */
function measureWords(w: Word, script: Script): string {
  return (w.entry?.classifiers ?? [])
    .map((c) => `<span class="mw">${escapeHtml(script === 'traditional' ? c.traditional : c.simplified)}</span> ${pinyinHtml(c.pinyin)}`)
    .join('，');
}

/** How common a word is, as a card says it. */
export const frequencyLine = (w: Word): string => `${bandLabel(bandOf(w.rank))}${w.rank !== null ? ` · rank ${w.rank}` : ''}`;

/** A word's line on the back of a cloze card: hanzi, other script, pinyin, how this sentence renders it, senses. */
function wordLine(w: Word, gloss: string): string {
  const other = otherForm(w);
  const alt = other !== w.text ? `<span class="alt">${escapeCloze(other)}</span>` : '';
  const senses = w.senses.slice(0, 3).join('; ');
  return [
    `<span class="w"><span class="hz">${escapeCloze(w.text)}</span>${alt} ${pinyinHtml(w.pinyin, escapeCloze)}`,
    gloss ? ` <span class="gl">${escapeCloze(gloss)}</span>` : '',
    senses ? ` <span class="senses">${escapeCloze(senses)}</span>` : '',
    ` <span class="band">${escapeCloze(frequencyLine(w))}</span>`,
    '</span>',
  ].join('');
}

interface Target {
  word: Word;
  o: Occurrence;
}

interface Context {
  deck: string;
  tags: string[];
  script: Script;
  source: string;
}

const traditionalFlag = (script: Script) => (script === 'traditional' ? 'traditional' : '');

function clozeNote(p: SentencePair, targets: Target[], guid: string, c: Context, unknown: string[]): ClozeNote | undefined {
  const zh = zhOf(p);
  const en = enOf(p);
  // A word whose text also stands elsewhere in the sentence (inside a longer word) would show
  // its answer on its own card's front: it is not a cloze of this sentence (it keeps its vocabulary note).
  const ownStarts = new Set(targets.map((t) => `${t.word.text}@${t.o.start}`));
  const kept = targets.filter((t) => spansOf(zh, t.word.text).every((s) => ownStarts.has(`${t.word.text}@${s.start}`)));
  if (kept.length === 0) return undefined;
  // One number per word, in order of first appearance; a word used twice is hidden twice on one card.
  const sorted = [...kept].sort((a, b) => a.o.start - b.o.start);
  const order = [...new Set(sorted.map((t) => t.word))];
  const number = (w: Word) => order.indexOf(w) + 1;
  const text = markSpans(
    zh,
    sorted.map((t) => ({ start: t.o.start, end: t.o.end, t })),
    (inner, { t }) => {
      const hint = escapeCloze(cueFor(t.word, t.o));
      return `{{c${number(t.word)}::${inner}${hint ? `::${hint}` : ''}}}`;
    },
    escapeCloze,
  );
  const first = new Map<Word, Occurrence>();
  for (const t of sorted) if (!first.has(t.word)) first.set(t.word, t.o);
  return {
    kind: 'cloze',
    type: 'zhdeck cloze',
    guid,
    deck: c.deck,
    tags: c.tags,
    script: c.script,
    cards: order.length,
    sibling: sentenceSibling(zh),
    hides: order.map((w) => w.simplified),
    unknown,
    fields: {
      Text: text,
      English: escapeCloze(en),
      // Each line inside the cloze of its word's number: Anki renders the tested one as
      // <span class="cloze"> and the others as <span class="cloze-inactive"> (rslib/src/cloze.rs).
      Words: order.map((w) => `{{c${number(w)}::${wordLine(w, cueFor(w, first.get(w)))}}}`).join(''),
      Traditional: traditionalFlag(c.script),
      Audio: '',
      Source: escapeCloze(c.source),
    },
  };
}

function translationNote(p: SentencePair, guid: string, c: Context, unknown: string[]): TranslationNote {
  return {
    kind: 'translation',
    type: 'zhdeck translation',
    guid,
    deck: c.deck,
    tags: c.tags,
    script: c.script,
    cards: 2,
    sibling: sentenceSibling(zhOf(p)),
    unknown,
    fields: {
      Sentence: escapeHtml(zhOf(p)),
      English: escapeHtml(enOf(p)),
      Traditional: traditionalFlag(c.script),
      Audio: '',
      Source: escapeHtml(c.source),
    },
  };
}

function vocabularyNote(w: Word, pairs: Map<string, SentencePair>, c: Context): VocabularyNote {
  const other = otherForm(w);
  const example = exampleOf(w);
  const pair = pairs.get(example.pairId)!;
  const zh = zhOf(pair);
  // Every place the word stands in the example, also inside longer words: the production card blanks them all.
  const inSentence = spansOf(zh, w.text);
  const blank = '＿'.repeat([...w.text].length);
  // The Simplified form: the same word met in a Traditional and a Simplified article is one note.
  const guid = guidFor(APP, 'vocabulary', w.simplified);
  return {
    kind: 'vocabulary',
    type: 'zhdeck vocabulary',
    guid,
    sibling: guid,
    deck: c.deck,
    tags: w.properNoun ? [...c.tags, 'name'] : c.tags,
    script: c.script,
    cards: 2,
    fields: {
      Hanzi: escapeHtml(w.text),
      'Other script': other !== w.text ? escapeHtml(other) : '',
      Pinyin: pinyinHtml(w.pinyin),
      Gloss: escapeHtml(cueFor(w)),
      Senses: escapeHtml(w.senses.join('; ')),
      'Measure words': measureWords(w, c.script),
      Sentence: markSpans(zh, inSentence, (inner) => `<b>${inner}</b>`),
      'Sentence blank': markSpans(zh, inSentence, () => `<span class="blank">${blank}</span>`),
      English: example.gloss ? markSpans(enOf(pair), [example.gloss], (inner) => `<u>${inner}</u>`) : escapeHtml(enOf(pair)),
      Traditional: traditionalFlag(c.script),
      Audio: '',
      'Sentence audio': '',
      Source: escapeHtml(c.source),
      Frequency: escapeHtml(frequencyLine(w)),
    },
  };
}

/**
 * Notes as they are made, one per GUID: a note met again (a repeated line, a word of two
 * articles) is the note already made, and only its tags may grow. Notes leave in the order
 * they were first made.
 */
export class NoteCollector {
  private readonly byGuid = new Map<string, Note>();

  /** Whether the note is already here; if so its tags take these too. */
  has(guid: string, tags: string[]): boolean {
    const seen = this.byGuid.get(guid);
    if (seen) seen.tags = [...new Set([...seen.tags, ...tags])];
    return seen !== undefined;
  }

  add(n: Note): void {
    if (!this.has(n.guid, n.tags)) this.byGuid.set(n.guid, n);
  }

  /** The notes collected so far; the collector is empty afterwards. */
  take(): Note[] {
    const notes = [...this.byGuid.values()];
    this.byGuid.clear();
    return notes;
  }
}

type Place = { ctx: (kind: NoteKind) => Context; tagsOf: (kind: NoteKind) => string[] };

// A long build asks for an article's place once per block and once per vocabulary note (a
// book: tens of thousands), each time the same: made once per article and options.
const places = new WeakMap<Article, WeakMap<NoteOptions, Place>>();

/** The deck and the tags of each kind of note of one article. */
function placeOf(article: Article, opts: NoteOptions): Place {
  let byOpts = places.get(article);
  if (!byOpts) places.set(article, (byOpts = new WeakMap()));
  let place = byOpts.get(opts);
  if (!place) byOpts.set(opts, (place = makePlace(article, opts)));
  return place;
}

function makePlace(article: Article, opts: NoteOptions): Place {
  const deck = opts.deck ?? deckFor(article.title);
  const slug = slugOf(article.title);
  const tags = new Map((['cloze', 'translation', 'vocabulary'] as const).map((k) => [k, [...new Set(['zhdeck', slug, k, ...(opts.tags ?? [])])]]));
  const ctx = (kind: NoteKind): Context => ({ deck, tags: tags.get(kind)!, script: article.script, source: article.title });
  return { ctx, tagsOf: (kind: NoteKind) => tags.get(kind)! };
}

/**
 * A cloze and a translation note per translated sentence pair that holds target words
 * (translation notes for every translated pair). `skip` tells a note already written elsewhere
 * (an earlier block of a long build).
 */
export function addPairNotes(set: StudySet, opts: NoteOptions, into: NoteCollector, skip: (guid: string) => boolean = () => false): void {
  const { ctx, tagsOf } = placeOf(set.article, opts);
  const targets = new Map<string, { word: Word; o: Occurrence }[]>();
  // Every target a sentence holds (what the learner meets first in the i+1 order); those it hides.
  const unknown = new Map<string, string[]>();
  for (const word of set.words) {
    for (const o of word.occurrences) {
      if (!set.clozes || set.clozes.get(o.pairId)?.has(word)) append(targets, o.pairId, { word, o });
      const here = unknown.get(o.pairId) ?? unknown.set(o.pairId, []).get(o.pairId)!;
      if (!here.includes(word.simplified)) here.push(word.simplified);
    }
  }
  for (const p of set.pairs) {
    if (p.zh.length === 0 || p.kind === 'boilerplate') continue; // credits and copyright lines are no cards
    const t = targets.get(p.id);
    const zh = zhOf(p);
    const cloze = guidFor(APP, 'cloze', zh);
    const note = t?.length && !skip(cloze) && !into.has(cloze, tagsOf('cloze')) ? clozeNote(p, t, cloze, ctx('cloze'), unknown.get(p.id) ?? []) : undefined;
    if (note) into.add(note);
    const translation = guidFor(APP, 'translation', zh);
    if (p.en.length && !skip(translation) && !into.has(translation, tagsOf('translation'))) into.add(translationNote(p, translation, ctx('translation'), unknown.get(p.id) ?? []));
  }
}

/** The tags of a word's vocabulary note in an article: the article's, and `name` for a name. */
export function vocabularyTags(article: Article, w: Word, opts: NoteOptions): string[] {
  const tags = placeOf(article, opts).tagsOf('vocabulary');
  return w.properNoun ? [...tags, 'name'] : tags;
}

/** A vocabulary note per target word; its example is the pair (among the set's) of its best gloss. */
export function addVocabularyNotes(set: StudySet, opts: NoteOptions, into: NoteCollector): void {
  const { ctx } = placeOf(set.article, opts);
  const byId = new Map(set.pairs.map((p) => [p.id, p]));
  for (const w of set.words) into.add(vocabularyNote(w, byId, ctx('vocabulary')));
}

/**
 * Notes for one or more articles: for each, its pair notes (addPairNotes), then its vocabulary
 * notes. A note met twice (the same word in two articles) is one note with both articles' tags.
 */
export function makeNotes(sets: StudySet[], opts: NoteOptions = {}): Note[] {
  const notes = new NoteCollector();
  for (const set of sets) {
    addPairNotes(set, opts, notes);
    addVocabularyNotes(set, opts, notes);
  }
  return notes.take();
}
