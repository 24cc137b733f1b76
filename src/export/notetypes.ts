// zhdeck's note types as the package carries them: fixed ids, fields, card templates, CSS.
import { createHash } from 'node:crypto';
import { FIELDS, type BuiltinNoteType, type NoteType, type ZhdeckNoteType } from '../notes/index.js';
import { CSS } from './style.js';

export interface TemplateDef {
  name: string;
  qfmt: string;
  afmt: string;
}

export interface NoteTypeDef {
  /** Fixed: Anki matches an imported note type by id (rslib/src/import_export/package/apkg/import/notes.rs). */
  id: number;
  name: string;
  /** 0 standard, 1 cloze (rslib/src/notetype/schema11.rs NotetypeKind). */
  kind: 0 | 1;
  fields: readonly string[];
  templates: TemplateDef[];
  css: string;
  /**
   * Seconds: the time this version of the templates was made, kept constant until they change.
   * Anki updates an existing note type only when the package's is newer (notes.rs should_update),
   * so a learner's own edits to the styling survive re-import until zhdeck changes its templates.
   */
  mod: number;
}

/**
 * Bump (version, mod = the day's midnight UTC, digest = templateDigest()) whenever a template,
 * the CSS or a field list changes: a test fails until the digest matches.
 */
export const TEMPLATE_VERSION = { version: 1, mod: 1_796_169_600 /* 2026-12-02 */, digest: 'fa08a586c8d97bc1' };

// The ids: milliseconds in the past, as Anki's own ids are, and unlikely to be anyone else's.
const IDS: Record<NoteType, number> = {
  'zhdeck cloze': 1_764_547_211_301,
  'zhdeck translation': 1_764_547_211_302,
  'zhdeck vocabulary': 1_764_547_211_303,
  Cloze: 1_764_547_211_304,
  'Basic (and reversed card)': 1_764_547_211_305,
};

/**
 * A stable id for a field or template: Anki matches fields and templates by id before name
 * (rslib/src/notetype/merge.rs is_match), so a learner who renames a field still matches.
 */
export function stableId(...parts: string[]): number {
  return createHash('sha256').update(parts.join('/')).digest().readUIntBE(0, 6);
}

// A field's language, for the glyphs (Traditional or Simplified forms of shared characters).
const LANG = 'lang="{{#Traditional}}zh-Hant{{/Traditional}}{{^Traditional}}zh-Hans{{/Traditional}}"';
const OTHER_LANG = 'lang="{{#Traditional}}zh-Hans{{/Traditional}}{{^Traditional}}zh-Hant{{/Traditional}}"';

/** Anki's text to speech in the note's script's voice (rslib/src/template_filters.rs tts_filter). */
const tts = (field: string) => `{{#Traditional}}{{tts zh_TW:${field}}}{{/Traditional}}{{^Traditional}}{{tts zh_CN:${field}}}{{/Traditional}}`;
/** The embedded recording when --audio made one, else text to speech. */
const speak = (audio: string, field: string) => `{{#${audio}}}{{${audio}}}{{/${audio}}}{{^${audio}}}${tts(field)}{{/${audio}}}`;

const wrap = (kind: string, body: string) => `<div class="zhdeck ${kind}">\n${body}\n</div>`;
const source = '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}';
const english = '{{#English}}<div class="en">{{English}}</div>{{/English}}';

const clozeFront = wrap('cloze-card', `<div class="zh sentence" ${LANG}>{{cloze:Text}}</div>\n${english}`);
const clozeBack = wrap(
  'cloze-card',
  [
    `<div class="zh sentence" ${LANG}>{{cloze:Text}}</div>`,
    english,
    '<hr id="answer">',
    // The tested word's line first (CSS orders .cloze first), the sentence's other words below.
    `<div class="words" ${LANG}>{{cloze:Words}}</div>`,
    speak('Audio', 'cloze:Text'),
    source,
  ].join('\n'),
);

const sentence = `<div class="zh sentence" ${LANG}>{{Sentence}}</div>`;
const translationTemplates: TemplateDef[] = [
  {
    name: 'Chinese → English',
    qfmt: wrap('translation', `${sentence}\n${speak('Audio', 'Sentence')}`),
    afmt: wrap('translation', `${sentence}\n<hr id="answer">\n<div class="en">{{English}}</div>\n${source}`),
  },
  {
    name: 'English → Chinese',
    qfmt: wrap('translation', '<div class="en prompt">{{English}}</div>'),
    afmt: wrap('translation', `<div class="en prompt">{{English}}</div>\n<hr id="answer">\n${sentence}\n${speak('Audio', 'Sentence')}\n${source}`),
  },
];

const word = `<div class="hanzi" ${LANG}>{{Hanzi}}</div>\n{{#Other script}}<div class="alt" ${OTHER_LANG}>{{Other script}}</div>{{/Other script}}`;
const pinyin = '<div class="pinyin-line">{{Pinyin}}</div>';
const gloss = (cls = 'gloss') => `<div class="${cls}">{{Gloss}}</div>`;
const senses = [
  '{{#Senses}}<div class="senses">{{Senses}}</div>{{/Senses}}',
  '{{#Measure words}}<div class="measure"><span class="label">measure words</span>{{Measure words}}</div>{{/Measure words}}',
].join('\n');
const example = (field: string) => `<div class="example"><div class="zh" ${LANG}>{{${field}}}</div>${english}</div>`;
const vocabulary = (kind: string, lines: string[]) => wrap(`vocabulary ${kind}`, lines.join('\n'));
const vocabularyTemplates: TemplateDef[] = [
  {
    name: 'Recognition',
    qfmt: vocabulary('recognition', [word]),
    afmt: vocabulary('recognition', [word, '<hr id="answer">', pinyin, gloss(), senses, example('Sentence'), speak('Audio', 'Hanzi'), speak('Sentence audio', 'Sentence'), source]),
  },
  {
    name: 'Production',
    // The meaning and the example with the word blanked; the pinyin only on request.
    qfmt: vocabulary('production', [gloss('gloss prompt'), example('Sentence blank'), '{{hint:Pinyin}}']),
    afmt: vocabulary('production', [gloss('gloss prompt'), '<hr id="answer">', word, pinyin, senses, example('Sentence'), speak('Audio', 'Hanzi'), source]),
  },
];

const ZHDECK: Record<ZhdeckNoteType, Omit<NoteTypeDef, 'id' | 'fields' | 'css' | 'mod'>> = {
  'zhdeck cloze': { name: 'zhdeck Cloze', kind: 1, templates: [{ name: 'Cloze', qfmt: clozeFront, afmt: clozeBack }] },
  'zhdeck translation': { name: 'zhdeck Translation', kind: 0, templates: translationTemplates },
  'zhdeck vocabulary': { name: 'zhdeck Vocabulary', kind: 0, templates: vocabularyTemplates },
};

// Notes a collection got from a CSV deck keep Anki's built-in shapes; exported, they need a
// note type of their own (a name of ours, so as not to take the user's built-in one's id).
const BUILTIN: Record<BuiltinNoteType, Omit<NoteTypeDef, 'id' | 'fields' | 'css' | 'mod'>> = {
  Cloze: { name: 'zhdeck Cloze (CSV)', kind: 1, templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }] },
  'Basic (and reversed card)': {
    name: 'zhdeck Basic (CSV)',
    kind: 0,
    templates: [
      { name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' },
      { name: 'Card 2', qfmt: '{{Back}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}' },
    ],
  },
};

/** The note type a note of `type` is written with. */
export function noteTypeDef(type: NoteType): NoteTypeDef {
  const base = type in ZHDECK ? ZHDECK[type as ZhdeckNoteType] : BUILTIN[type as BuiltinNoteType];
  return { ...base, id: IDS[type], fields: FIELDS[type], css: CSS, mod: TEMPLATE_VERSION.mod };
}

export const NOTE_TYPES: readonly NoteType[] = Object.keys(IDS) as NoteType[];

/** A digest of everything a note type's version stands for: names, fields, templates, CSS. */
export function templateDigest(): string {
  const defs = NOTE_TYPES.map((t) => {
    const d = noteTypeDef(t);
    return [d.id, d.name, d.kind, d.fields, d.templates, d.css];
  });
  return createHash('sha256').update(JSON.stringify(defs)).digest('hex').slice(0, 16);
}
