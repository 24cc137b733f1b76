// Where a deck goes as it is made: notes are handed over in parts, so that a long build (a book,
// fifty articles) never holds the whole deck, or the whole file, in memory.
import { openAtomic, writingFile, type AtomicFile } from '../util/fs.js';
import type { Note } from '../notes/index.js';
import { csvHead, csvRows, LANGUAGE_PRESETS, type BuiltinNames } from './csv.js';

/**
 * A deck being written: begin, then add notes in deck order (any number of times), then finish
 * or abort. Nothing appears at the deck's path before finish, which puts it there in one step;
 * abort (or a failure) leaves whatever was there before as it was. Each format (the Anki CSV
 * here, .apkg) implements this.
 */
export interface DeckSink {
  begin(): void | Promise<void>;
  add(notes: readonly Note[]): void | Promise<void>;
  finish(): void | Promise<void>;
  abort(): void | Promise<void>;
}

/** The Anki CSV (toAnkiCsv's file), written as the notes come. */
export function csvSink(path: string, names: BuiltinNames = LANGUAGE_PRESETS.en!): DeckSink {
  let file: AtomicFile | null = null;
  return {
    begin() {
      file = writingFile(path, () => openAtomic(path));
      writingFile(path, () => file!.write(csvHead()));
    },
    add(notes) {
      const rows = csvRows(notes, names);
      if (rows) writingFile(path, () => file!.write(rows));
    },
    finish() {
      writingFile(path, () => file!.commit());
      file = null;
    },
    abort() {
      file?.abort();
      file = null;
    },
  };
}
