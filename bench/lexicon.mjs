import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childJson, median, fmt, root } from './util.mjs';

const LOAD = `
  const { loadLexicon } = await import('./dist/lexicon/index.js');
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await loadLexicon();
  const c = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, cpu: (c.user + c.system) / 1000, rss: (process.memoryUsage().rss - before) / 2 ** 20 }));`;

export function benchLexicon() {
  const loads = [];
  const rss = [];
  for (let i = 0; i < 7; i++) {
    const r = childJson(LOAD);
    loads.push(r.ms);
    rss.push(r.rss);
  }
  // As on the first start after an install or a rebuild: every section's digest checked (the files
  // are sealed then, src/data/files.ts; later starts check sizes, headers and bounds only). On a
  // copy of the data whose seal is removed before each run.
  const copy = join(mkdtempSync(join(tmpdir(), 'zhdeck-bench-data-')), 'data');
  cpSync(join(root, 'data'), copy, { recursive: true });
  const unsealed = [];
  const sealed = [];
  try {
    for (let i = 0; i < 7; i++) {
      rmSync(join(copy, 'seal.json'), { force: true });
      unsealed.push(childJson(`process.env.ZHDECK_DATA_DIR = ${JSON.stringify(copy)};${LOAD}`).cpu);
      sealed.push(childJson(LOAD).cpu);
    }
  } finally {
    rmSync(join(copy, '..'), { recursive: true, force: true });
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
    ['lexicon load, CPU ms: sealed / digests checked', `${fmt(median(sealed))} / ${fmt(median(unsealed))}`, ''],
    ['lexicon added RSS (MB)', fmt(median(rss)), '≤ 40'],
    ['raw CC-CEDICT parse, for comparison (ms)', fmt(run.parseMs, 0), ''],
    ['lexicon lookups per second', fmt(run.perSec, 0), ''],
  ];
}
