import type { Article } from '../article/index.js';
import { textOf, type SentencePair } from '../align/index.js';
import type { Occurrence, Word } from '../vocab/index.js';
import { append } from '../util/collections.js';
import { UserError } from '../util/errors.js';
import { guidFor } from './guid.js';
import { escapeHtml, markSpans, pinyinHtml } from './html.js';
import type { ClozeNote, Note, NoteKind, TranslationNote, VocabularyNote } from './types.js';

/** One article with its sentence pairs and the words chosen for study in it. */
export interface StudySet {
  article: Article;
  pairs: SentencePair[];
  /** The target words: only these become clozes and vocabulary notes. */
  words: Word[];
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

/** A cloze hint: the contextual gloss, else the first sense, short and free of cloze syntax. */
function hintFor(word: Word, o: Occurrence): string {
  const raw = o.gloss?.text ?? word.gloss?.text ?? word.senses[0]?.split(';')[0] ?? '';
  const clean = raw.replace(/\[[^\]]*\]/g, '').replace(/::|}}/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

const wordLines = new WeakMap<Word, string>();

/** A word's line on the back of a cloze: the same for every sentence it appears in. */
function wordLine(w: Word): string {
  let line = wordLines.get(w);
  if (line === undefined) wordLines.set(w, (line = renderWordLine(w)));
  return line;
}

function renderWordLine(w: Word): string {
  const other = otherForm(w);
  const alt = other !== w.text ? ` <span class="alt">${escapeHtml(other)}</span>` : '';
  const senses = w.senses.slice(0, 3).join('; ');
  return `<div class="word"><span class="hanzi">${escapeHtml(w.text)}</span>${alt} ${pinyinHtml(w.pinyin)}${senses ? ` ${escapeHtml(senses)}` : ''}</div>`;
}

function clozeNote(p: SentencePair, targets: { word: Word; o: Occurrence }[], guid: string, deck: string, tags: string[]): ClozeNote {
  const zh = zhOf(p);
  const en = enOf(p);
  // One number per word, in order of first appearance; a word used twice is hidden twice on one card.
  const order = [...new Set([...targets].sort((a, b) => a.o.start - b.o.start).map((t) => t.word))];
  const spans = targets.map((t) => ({ start: t.o.start, end: t.o.end, t }));
  const text = markSpans(zh, spans, (inner, { t }) => {
    const hint = escapeHtml(hintFor(t.word, t.o));
    return `{{c${order.indexOf(t.word) + 1}::${inner}${hint ? `::${hint}` : ''}}}`;
  });
  return {
    kind: 'cloze',
    type: 'Cloze',
    guid,
    deck,
    tags,
    cards: order.length,
    fields: {
      Text: `<div class="zh">${text}</div>${en ? `<div class="en">${escapeHtml(en)}</div>` : ''}`,
      'Back Extra': order.map(wordLine).join(''),
    },
  };
}

function translationNote(p: SentencePair, guid: string, deck: string, tags: string[]): TranslationNote {
  const zh = zhOf(p);
  return {
    kind: 'translation',
    type: 'Basic (and reversed card)',
    guid,
    deck,
    tags,
    cards: 2,
    fields: { Front: `<div class="zh">${escapeHtml(zh)}</div>`, Back: `<div class="en">${escapeHtml(enOf(p))}</div>` },
  };
}

function vocabularyNote(w: Word, pairs: Map<string, SentencePair>, deck: string, tags: string[]): VocabularyNote {
  const other = otherForm(w);
  const example = w.occurrences.find((o) => o.gloss && o.gloss === w.gloss) ?? w.occurrences[0]!;
  const pair = pairs.get(example.pairId)!;
  const zh = markSpans(zhOf(pair), [example], (inner) => `<b>${inner}</b>`);
  const en = example.gloss ? markSpans(enOf(pair), [example.gloss], (inner) => `<u>${inner}</u>`) : escapeHtml(enOf(pair));
  const back = [
    `<div class="pinyin-line">${pinyinHtml(w.pinyin)}</div>`,
    w.gloss ? `<div class="gloss">${escapeHtml(w.gloss.text)}</div>` : '',
    w.senses.length ? `<div class="senses">${escapeHtml(w.senses.join('; '))}</div>` : '',
    `<div class="example"><div class="zh">${zh}</div>${en ? `<div class="en">${en}</div>` : ''}</div>`,
  ];
  return {
    kind: 'vocabulary',
    type: 'Basic (and reversed card)',
    // The Simplified form: the same word met in a Traditional and a Simplified article is one note.
    guid: guidFor(APP, 'vocabulary', w.simplified),
    deck,
    tags: w.properNoun ? [...tags, 'name'] : tags,
    cards: 2,
    fields: {
      Front: `<div class="word">${escapeHtml(w.text)}</div>${other !== w.text ? `<div class="alt">${escapeHtml(other)}</div>` : ''}`,
      Back: back.join(''),
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

/** The deck and the tags of each kind of note of one article. */
function placeOf(article: Article, opts: NoteOptions) {
  const deck = opts.deck ?? deckFor(article.title);
  const slug = slugOf(article.title);
  const tags = new Map((['cloze', 'translation', 'vocabulary'] as const).map((k) => [k, [...new Set(['zhdeck', slug, k, ...(opts.tags ?? [])])]]));
  return { deck, tagsOf: (kind: NoteKind) => tags.get(kind)! };
}

/**
 * A cloze and a translation note per translated sentence pair that holds target words
 * (translation notes for every translated pair). `skip` tells a note already written elsewhere
 * (an earlier block of a long build).
 */
export function addPairNotes(set: StudySet, opts: NoteOptions, into: NoteCollector, skip: (guid: string) => boolean = () => false): void {
  const { deck, tagsOf } = placeOf(set.article, opts);
  const targets = new Map<string, { word: Word; o: Occurrence }[]>();
  for (const word of set.words) for (const o of word.occurrences) append(targets, o.pairId, { word, o });
  for (const p of set.pairs) {
    if (p.zh.length === 0) continue;
    const t = targets.get(p.id);
    const zh = zhOf(p);
    const cloze = guidFor(APP, 'cloze', zh);
    if (t?.length && !skip(cloze) && !into.has(cloze, tagsOf('cloze'))) into.add(clozeNote(p, t, cloze, deck, tagsOf('cloze')));
    const translation = guidFor(APP, 'translation', zh);
    if (p.en.length && !skip(translation) && !into.has(translation, tagsOf('translation'))) into.add(translationNote(p, translation, deck, tagsOf('translation')));
  }
}

/** The tags of a word's vocabulary note in an article: the article's, and `name` for a name. */
export function vocabularyTags(article: Article, w: Word, opts: NoteOptions): string[] {
  const tags = placeOf(article, opts).tagsOf('vocabulary');
  return w.properNoun ? [...tags, 'name'] : tags;
}

/** A vocabulary note per target word; its example is the pair (among the set's) of its best gloss. */
export function addVocabularyNotes(set: StudySet, opts: NoteOptions, into: NoteCollector): void {
  const { deck, tagsOf } = placeOf(set.article, opts);
  const byId = new Map(set.pairs.map((p) => [p.id, p]));
  for (const w of set.words) into.add(vocabularyNote(w, byId, deck, tagsOf('vocabulary')));
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
