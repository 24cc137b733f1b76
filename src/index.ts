// The library at run time: `require('zhdeck')`. Its names and types are api.ts's; here each job is
// a getter that loads its module the first time it is read, so requiring the package loads this
// file and UserError only, and a program that only calls `lookup` never loads SQLite, FSRS,
// jieba or the segmentation data (a test checks what each loads, and that the names match
// api.ts's). The `exports.name = void 0` line is there for Node's ES-module import of this
// CommonJS file, which finds named exports by reading the source (cjs-module-lexer), not by
// running it.
export { UserError } from './util/errors.js';

exports.checkCollection = exports.readKnowledge = exports.coverage = exports.Collection = exports.segmentText = exports.lookup = exports.exportCollection = exports.add = exports.align = exports.chooseWords = exports.study = exports.buildFromText = exports.build = void 0;

/** Each job's module, and the names the library takes from it. */
const JOBS: readonly (readonly [module: string, names: readonly string[]])[] = [
  ['./app/build.js', ['build', 'buildFromText']],
  ['./app/study.js', ['study', 'chooseWords']],
  ['./app/align.js', ['align']],
  ['./app/add.js', ['add']],
  ['./app/export.js', ['exportCollection']],
  ['./app/lookup.js', ['lookup']],
  ['./app/segment.js', ['segmentText']],
  ['./app/coverage.js', ['coverage']],
  ['./app/known.js', ['readKnowledge']],
  ['./collection/index.js', ['Collection']],
  ['./app/check.js', ['checkCollection']],
];
for (const [module, names] of JOBS) {
  for (const name of names) Object.defineProperty(exports, name, { enumerable: true, get: () => require(module)[name] });
}
