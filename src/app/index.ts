// The jobs, one call each: text or files in, aligned pairs, words, notes or a deck out. The
// CLI's commands and the library entry both call these; each has a pure core over data in memory.
export { align, alignArticles, alignLines, alignPresplitTexts, type AlignedArticle, type PresplitAlignment } from './align.js';
export { addUserFix, loadUserDictionary, userDictionaryPath } from './userdict.js';
export { study, studyArticles, loadVocabDeps, chooseWords, type StudiedArticle, type ChoiceOptions, type ChosenWord, type Progress, type StudyDeps } from './study.js';
export { build, buildFromText, notesFor, summarize, defaultOutput, formatFor, type BuildOptions, type BuildSummary, type DeckFormat } from './build.js';
export { deckFromStudied, countsOf, writeDeck, manyCards, BLOCK_CHARS, MANY_CARDS, type Deck, type DeckCounts, type DeckOptions } from './deck.js';
export { exportCollection, collectionPackage, type ExportOptions, type ExportSummary } from './export.js';
export { writeOutput, checkOutput } from './output.js';
export { add, type AddOptions, type AddResult } from './add.js';
export { readKnownWords, parseKnownWords, readKnowledge, knownFor, parseKnownSource, type KnownSource, type LearnerKnowledge } from './known.js';
export { coverage, coverageOf, type Coverage } from './coverage.js';
export { lookup } from './lookup.js';
export { segmentText } from './segment.js';
export { checkCollection, historyProblem, type CheckOptions, type CheckReport, type HistoryReport, type Restored } from './check.js';
