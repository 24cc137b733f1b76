export { csvSink, writingDeck, type DeckSink } from './sink.js';
export { toAnkiCsv, csvHead, csvRows, builtinFields, parseNoteTypes, LANGUAGE_PRESETS, type BuiltinNames } from './csv.js';
export { fromAnkiCsv, isZhdeckCsv, type CsvNote } from './read.js';
export { packageBytes, notesPackage, type AnkiPackage, type PackageNote, type PackageCard, type MediaFile } from './apkg.js';
export { readApkg, isApkg, type ApkgContents } from './read-apkg.js';
export { noteTypeDef, NOTE_TYPES, TEMPLATE_VERSION, templateDigest, type NoteTypeDef, type TemplateDef } from './notetypes.js';
export { ankiSchedule, ankiReview, ankiDay, creationStamp, nextDayAt, newSchedule, difficultyFactor, type AnkiSchedule, type AnkiReview } from './schedule.js';
export { renderCard, cardOrdinals, clozeNumbers, visibleText, revealCloze, type RenderedCard } from './template.js';
export { CSS } from './style.js';
