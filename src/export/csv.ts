import type { Note } from '../notes/index.js';
import { UserError } from '../util/errors.js';

// Columns, 1-based as Anki counts them: guid, note type, deck, the two fields, tags.
export const HEADER = ['#separator:tab', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:6'];

/** What the user's Anki calls its built-in Cloze and "Basic (and reversed card)" note types. */
export interface BuiltinNames {
  cloze: string;
  reversed: string;
}

/**
 * Anki names its built-in note types once, in the interface language of the day a collection
 * is created, and the CSV importer finds them by that name (rslib/src/import_export/text/import.rs):
 * in a collection made in another language every row would be skipped. The names as Anki's
 * translations give them (anki-core-i18n, core/<lang>/notetypes.ftl: notetypes-cloze-name,
 * notetypes-basic-reversed-name).
 */
export const LANGUAGE_PRESETS: Record<string, BuiltinNames> = {
  en: { cloze: 'Cloze', reversed: 'Basic (and reversed card)' },
  'zh-CN': { cloze: '填空题', reversed: '问答题（附翻转卡片）' },
  'zh-TW': { cloze: '克漏字', reversed: '基本型（含反向卡片）' },
  de: { cloze: 'Lückentext', reversed: 'Einfach (und die umgekehrte Richtung)' },
  ja: { cloze: '穴埋め問題', reversed: '基本 (裏表反転カード付き)' },
  fr: { cloze: 'Texte à trous', reversed: 'Généralités (deux sens)' },
  es: { cloze: 'Respuesta anidada', reversed: 'Básico (y tarjeta invertida)' },
};

/** `--note-types`: a language preset, or the two names (cloze first) separated by a comma. */
export function parseNoteTypes(value: string | undefined): BuiltinNames {
  if (value === undefined) return LANGUAGE_PRESETS.en!;
  const preset = LANGUAGE_PRESETS[value] ?? Object.entries(LANGUAGE_PRESETS).find(([k]) => k.toLowerCase() === value.toLowerCase())?.[1];
  if (preset) return preset;
  const names = value.split(',').map((s) => s.trim());
  if (names.length !== 2 || names.some((n) => !n || /[\t\n\r"]/.test(n))) {
    throw new UserError(
      `expects a language (${Object.keys(LANGUAGE_PRESETS).join(', ')}) or two note type names, cloze first: "Cloze,Basic (and reversed card)"`,
      '--note-types',
    );
  }
  return { cloze: names[0]!, reversed: names[1]! };
}

/** The lines of a cloze note's Words field, out of their clozes. */
const wordLines = (words: string) => [...words.matchAll(/\{\{c\d+::([\s\S]*?)\}\}/g)].map((m) => m[1]!);

/**
 * A note on Anki's built-in note types: a cloze note's Text and Back Extra, or the Front and
 * Back of "Basic (and reversed card)". The vocabulary note's Back shows the example with the
 * word blanked, since the reversed card shows the Back as its question.
 */
export function builtinFields(n: Note): [string, string] {
  const en = (text: string) => (text ? `<div class="en">${text}</div>` : '');
  switch (n.kind) {
    case 'cloze':
      return [`<div class="zh">${n.fields.Text}</div>${en(n.fields.English)}`, wordLines(n.fields.Words).join('<br>')];
    case 'translation':
      return [`<div class="zh">${n.fields.Sentence}</div>`, en(n.fields.English)];
    case 'vocabulary': {
      const f = n.fields;
      const back = [
        `<div class="pinyin-line">${f.Pinyin}</div>`,
        `<div class="gloss">${f.Gloss}</div>`,
        f.Senses ? `<div class="senses">${f.Senses}</div>` : '',
        f.Frequency ? `<div class="band">${f.Frequency}</div>` : '',
        `<div class="example"><div class="zh">${f['Sentence blank']}</div>${en(f.English)}</div>`,
      ];
      return [`<div class="word">${f.Hanzi}</div>${f['Other script'] ? `<div class="alt">${f['Other script']}</div>` : ''}`, back.join('')];
    }
  }
}

/**
 * The Anki CSV, shaped like Anki's own "Notes in Plain Text" export, so that File → Import
 * needs nothing set: the header lines tell Anki the separator, that fields are HTML, and which
 * columns hold the GUID, note type, deck and tags. Both built-in note types have two fields.
 */
export function toAnkiCsv(notes: Note[], names: BuiltinNames = LANGUAGE_PRESETS.en!): string {
  return `${csvHead()}${csvRows(notes, names)}`;
}

/** The header lines of the Anki CSV. */
export const csvHead = () => `${HEADER.join('\n')}\n`;

/**
 * A field as csv-stringify writes it with a tab delimiter and "unix" records (what this file
 * used until a book's CSV showed it costing a tenth of the build: it casts, copies and tests
 * every field against every option): quoted, with its quotes doubled, when it holds a quote, a
 * tab or a newline; and, since Anki reads a line starting with # as a comment, when it starts
 * with #; and when it holds a carriage return, or a reader splitting lines on \r\n would cut the
 * row. Anything else as it is, the empty field too.
 */
const MUST_QUOTE = /["\t\n\r]|^#/;
const field = (v: string) => (MUST_QUOTE.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The CSV lines of some notes, each ending in a newline: a deck is its head and then these, in any number of parts. */
export function csvRows(notes: readonly Note[], names: BuiltinNames = LANGUAGE_PRESETS.en!): string {
  let out = '';
  for (const n of notes) {
    const [front, back] = builtinFields(n);
    out += `${field(n.guid)}\t${field(n.kind === 'cloze' ? names.cloze : names.reversed)}\t${field(n.deck)}\t${field(front)}\t${field(back)}\t${field(n.tags.join(' '))}\n`;
  }
  return out;
}
