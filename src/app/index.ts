// The jobs, one call each: text or files in, aligned pairs, words, notes or a deck out. The
// CLI's commands and the library entry both call these; each has a pure core over data in memory.
export { align, alignArticles, alignLines, alignPresplitTexts, type AlignedArticle, type PresplitAlignment } from './align.js';
export { addUserFix, loadUserDictionary, userDictionaryPath } from './userdict.js';
export { study, studyArticles, loadVocabDeps, chooseWords, type StudiedArticle, type ChoiceOptions, type ChosenWord, type Progress, type StudyDeps } from './study.js';
export { build, buildFromText, deckFromStudied, notesFor, summarize, defaultOutput, type BuildOptions, type BuildSummary, type Deck, type DeckOptions } from './build.js';
export { add, type AddOptions, type AddResult } from './add.js';
export { readKnownWords, parseKnownWords } from './known.js';
export { lookup } from './lookup.js';
export { segmentText } from './segment.js';
