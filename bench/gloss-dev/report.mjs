// `node bench/gloss-dev/report.mjs [dev|test] [--category NAME] [--text ID]`: every miss and
// every wrong gloss on a part of the gloss set, with its sentence pair and the gold, for
// whoever improves the glosser next. Build first (npm run build). Work from `dev`: the test
// part is for reporting, and reading its misses while changing rules would tune on it.
import { groupBy, scorePart, summarise, dictionaryOnly } from './score.mjs';

const args = process.argv.slice(2);
const part = args.find((a) => a === 'dev' || a === 'test') ?? 'dev';
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const onlyCategory = opt('--category');
const onlyText = opt('--text');
if (part === 'test') console.log('(test part: for reporting only; do not tune rules on what follows)\n');

const r = await scorePart(part);
if (r.skipped && !r.records) {
  console.error(`gloss ${part}: ${r.skipped}`);
  process.exit(2);
}
for (const s of r.skipped) console.log(`skipped ${s}`);
const records = r.records.filter((x) => (!onlyCategory || x.category === onlyCategory) && (!onlyText || x.text === onlyText));

const q = (s) => JSON.stringify(s);
const goldText = (x) => (x.gold ? x.gold.map((g) => q(g.text)).join(' | ') : 'none');
const problems = records.filter((x) => !(x.right || (x.status === 'unglossed' && !x.gold)));
const kindOf = (x) => {
  if (x.status === 'glossed') return x.gold ? (x.partly ? 'wrong (overlaps gold)' : 'wrong') : 'glossed, gold none';
  if (x.status === 'unglossed') return 'no gloss';
  return x.status;
};
for (const [text, list] of groupBy(problems, 'text')) {
  console.log(`\n=== ${text}: ${list.length} of ${records.filter((x) => x.text === text).length} occurrences wrong or missed`);
  for (const [pairKey, items] of groupBy(list, 'pairKey')) {
    const v = items[0].pair;
    console.log(v ? `\n  [${v.id}] ${v.zh}\n        ${v.en}` : `\n  [pair ${pairKey}: not found in zhdeck's pairs]`);
    for (const x of items) {
      const got = x.given ? `${q(x.given.text)} (${x.given.evidence})` : '—';
      console.log(`    ${x.word.padEnd(6, '　')} ${kindOf(x).padEnd(22)} got ${got}; gold ${goldText(x)} [${x.category}]`);
    }
  }
}

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(3) : 'n/a');
const line = (name, s, b) =>
  `${name.padEnd(12)} ${String(s.occurrences).padStart(5)} ${String(s.rendered).padStart(5)} ${String(s.given).padStart(5)} ${String(s.right).padStart(5)}  P ${fmt(s.precision)} R ${fmt(s.recall)}  seg ${String(s.segmentation).padStart(3)}  base P ${fmt(b.precision)} R ${fmt(b.recall)}`;
console.log(`\n${part}: occurrences, with a rendering, glossed, right`);
console.log(line('all', summarise(records), summarise(records, dictionaryOnly)));
for (const [c, list] of groupBy(records, 'category')) console.log(line(c, summarise(list), summarise(list, dictionaryOnly)));
const counts = new Map();
for (const x of problems) counts.set(kindOf(x), (counts.get(kindOf(x)) ?? 0) + 1);
console.log(`\nproblems by kind: ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}`);
