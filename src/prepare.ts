// `npm install` runs this once (the prepare script): every data file an ordinary run loads is
// built here, from the packages the project depends on, so that no run parses raw text.
import { prepareLexicon, lexiconPath } from './lexicon/index.js';

const t0 = performance.now();
const buf = await prepareLexicon();
console.log(`zhdeck: ${lexiconPath()} (${(buf.length / 1e6).toFixed(1)} MB) in ${Math.round(performance.now() - t0)} ms`);
