/**
 * The installed data files each command on text loads, read ahead while it starts
 * (data/files.ts readAhead). A file a command no longer loads costs a wasted read on another
 * core; a test checks each name is a data file's.
 */
export const DATA_OF: Readonly<Record<string, readonly string[]>> = {
  build: ['segment.bin', 'lexicon.bin', 'frequency.bin'],
  words: ['segment.bin', 'lexicon.bin', 'frequency.bin'],
  add: ['segment.bin', 'lexicon.bin', 'frequency.bin'],
  coverage: ['segment.bin', 'lexicon.bin', 'frequency.bin'],
  segment: ['lexicon.bin', 'segment.bin'],
  align: ['lexicon.bin'],
  lookup: ['lexicon.bin'],
};
