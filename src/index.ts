// The library API: every stage's public surface, and one call per job (app/).
export * from './article/index.js';
export * from './align/index.js';
export * from './lexicon/index.js';
export * from './segment/index.js';
export * from './vocab/index.js';
export * from './notes/index.js';
export * from './export/index.js';
export * from './collection/index.js';
export * from './review/index.js';
export * from './optimize/index.js';
export * from './app/index.js';
export { UserError } from './util/errors.js';
