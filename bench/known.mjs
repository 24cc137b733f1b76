// Which FSRS state says a learner knows a word (`--known collection`): rules on the recognition
// card's state, measured on generated collections whose learner answers from a known memory
// model (bench/generate.mjs), against that model. "Knows" there: the model's own probability of
// recalling the word a month from now, unreviewed, is at least 0.8 — a word met in an article
// read in the weeks ahead is still recognised. Two learners: one who forgets faster than FSRS's
// defaults expect (as before `zhdeck optimize`), one who matches them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { FORGETFUL, generateCollection } from './generate.mjs';

const require = createRequire(import.meta.url);
const { Collection } = require('../dist/collection/index.js');
const { FSRSAlgorithm, default_w, generatorParameters, forgetting_curve } = require('ts-fsrs');

const DAY = 86_400_000;
const HORIZON = 30;

function measure(truthW, seed) {
  const dir = mkdtempSync(join(tmpdir(), 'zhdeck-known-'));
  try {
    const file = join(dir, 'c.db');
    const { truth, now } = generateCollection({ file, cards: 3000, reviews: 12000, seed, truth: truthW });
    const model = new FSRSAlgorithm(generatorParameters({ w: truthW }));
    const c = Collection.open(file);
    const rows = c.all("SELECT c.id, c.state, c.stability, c.last_review AS last FROM cards c WHERE c.key = 'recognition' AND c.state != 0");
    c.close();
    return rows.map((r) => {
      const t = truth.get(r.id);
      const elapsed = (now - t.last) / DAY;
      return {
        known: model.forgetting_curve(elapsed + HORIZON, t.s) >= 0.8,
        state: r.state,
        s: r.stability,
        rNow: forgetting_curve(default_w, Math.max(0, (now - r.last) / DAY), r.stability),
        rAhead: forgetting_curve(default_w, Math.max(0, (now - r.last) / DAY) + HORIZON, r.stability),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const RULES = [
  ['stability >= 7 days', (x) => x.s >= 7],
  ['stability >= 14 days', (x) => x.s >= 14],
  ['stability >= 21 days', (x) => x.s >= 21],
  ['stability >= 30 days', (x) => x.s >= 30],
  ['stability >= 60 days', (x) => x.s >= 60],
  ['retrievability now >= 0.9', (x) => x.rNow >= 0.9],
  ['retrievability now >= 0.95', (x) => x.rNow >= 0.95],
  ['retrievability in 30 days >= 0.8', (x) => x.rAhead >= 0.8],
  ['in review state', (x) => x.state === 2],
];

export async function benchKnown() {
  const out = [];
  for (const [name, w] of [
    ['forgetful learner', FORGETFUL],
    ['learner as FSRS defaults', default_w],
  ]) {
    const cards = [...measure(w, 1), ...measure(w, 2)];
    const truly = cards.filter((x) => x.known).length;
    out.push([`${name}: recognition cards studied / truly known`, `${cards.length} / ${truly}`]);
    for (const [rule, f] of RULES) {
      const said = cards.filter(f);
      const right = said.filter((x) => x.known).length;
      const p = said.length ? right / said.length : 1;
      const r = truly ? right / truly : 1;
      out.push([`  ${rule}: precision / recall / F1`, `${p.toFixed(2)} / ${r.toFixed(2)} / ${((2 * p * r) / (p + r || 1)).toFixed(2)}`]);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const r of await benchKnown()) console.log(r.join('  '));
