// `zhdeck/stages`: every stage's public surface (each folder's index.ts) and every job of app/,
// for a program that runs the pipeline step by step. Loading this loads every stage's modules,
// better-sqlite3 and ts-fsrs included (jieba and the data files only when a loader is called).
// Most programs want `zhdeck` itself (index.ts), which loads each job only when it is used.
export * from './article/index.js';
export * from './align/index.js';
export * from './lexicon/index.js';
export * from './pinyin/index.js';
export * from './segment/index.js';
export * from './vocab/index.js';
export * from './notes/index.js';
export * from './export/index.js';
export * from './collection/index.js';
export * from './review/index.js';
export * from './optimize/index.js';
export * from './frequency/index.js';
export * from './app/index.js';
export { UserError, isUserError } from './util/errors.js';
