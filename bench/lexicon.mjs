import { childJson, median, fmt } from './util.mjs';

export function benchLexicon() {
  const loads = [];
  const rss = [];
  for (let i = 0; i < 7; i++) {
    const r = childJson(`
      const { loadLexicon } = await import('./dist/lexicon/index.js');
      const before = process.memoryUsage().rss;
      const t0 = performance.now();
      await loadLexicon();
      const ms = performance.now() - t0;
      console.log(JSON.stringify({ ms, rss: (process.memoryUsage().rss - before) / 2 ** 20 }));`);
    loads.push(r.ms);
    rss.push(r.rss);
  }
  const run = childJson(`
    const { loadLexicon } = await import('./dist/lexicon/index.js');
    const { readCedictText } = await import('./dist/lexicon/build.js');
    const { parseCedict } = await import('./dist/lexicon/cedict.js');
    const text = readCedictText();
    const t0 = performance.now();
    const parsed = parseCedict(text);
    const parseMs = performance.now() - t0;
    const lx = await loadLexicon();
    const words = parsed.map((e) => e.traditional);
    const t1 = performance.now();
    let n = 0;
    for (let rep = 0; rep < 3; rep++) for (const w of words) n += lx.lookup(w).length;
    const lookupMs = performance.now() - t1;
    console.log(JSON.stringify({ parseMs, perSec: (3 * words.length) / (lookupMs / 1000) }));`);
  return [
    ['lexicon load (ms, median of 7 cold)', fmt(median(loads)), '≤ 30'],
    ['lexicon added RSS (MB)', fmt(median(rss)), '≤ 40'],
    ['raw CC-CEDICT parse, for comparison (ms)', fmt(run.parseMs, 0), ''],
    ['lexicon lookups per second', fmt(run.perSec, 0), ''],
  ];
}
