// `npm run bench`: prints every measured figure as a table. Tests never time anything.
import os from 'node:os';
import { benchLexicon } from './lexicon.mjs';
import { benchAlign } from './align.mjs';
import { benchSegment } from './segment.mjs';
import { benchGloss } from './gloss.mjs';
import { benchReview } from './review.mjs';
import { benchPerf } from './perf.mjs';
import { benchBundler } from './bundler.mjs';
import { benchBooks } from './books.mjs';
import { benchPackage } from './package.mjs';
import { benchScale } from './scale.mjs';
import { benchLevels } from './levels.mjs';
import { benchKnown } from './known.mjs';
import { benchFuzz } from './fuzz-articles.mjs';

const sections = [
  ['lexicon', benchLexicon],
  ['align', benchAlign],
  ['segment', benchSegment],
  ['gloss', benchGloss],
  ['review', benchReview],
  ['perf', benchPerf],
  ['bundler', benchBundler],
  ['books', benchBooks],
  ['package', benchPackage],
  ['scale', benchScale],
  ['levels', benchLevels],
  ['known', benchKnown],
  ['fuzz', benchFuzz],
];
const only = process.argv.slice(2);
console.log(`zhdeck bench — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}`);
for (const [name, run] of sections) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n## ${name}`);
  for (const [what, value, target, note] of await run()) {
    console.log(`  ${what.padEnd(52)} ${String(value).padStart(10)}  ${target ? `target ${target}` : ''}`);
    if (note) console.log(`    ${note}`);
  }
}
