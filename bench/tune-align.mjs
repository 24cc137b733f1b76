// Coordinate search over the aligner's bead priors and weights on MAC-Dev (never MAC-Test):
// `node bench/tune-align.mjs [params as JSON]` after a build, from DEFAULT_PARAMS or the given ones.
const { loadLexicon } = await import('../dist/lexicon/index.js');
const { alignPresplit, scoreAlignment, DEFAULT_PARAMS } = await import('../dist/align/index.js');
const { readMac } = await import('./align.mjs');
const lexicon = await loadLexicon();
const docs = readMac('dev');
const f1 = (params) => scoreAlignment(docs.map((d) => ({ gold: d.gold, test: alignPresplit(d.en, d.zh, lexicon, params) }))).f1Strict;
let best = process.argv[2] ? JSON.parse(process.argv[2]) : DEFAULT_PARAMS;
let bestF = f1(best);
console.log('start', bestF.toFixed(4));
for (let round = 0; round < 1; round++) {
  for (let k = 1; k < best.shapes.length; k++) {
    for (const d of [-0.5, -0.25, 0.25, 0.5]) {
      const shapes = best.shapes.map((s, i) => (i === k ? [s[0], s[1], s[2] + d] : s));
      const p = { ...best, shapes };
      const v = f1(p);
      if (v > bestF + 1e-4) { bestF = v; best = p; console.log('shape', best.shapes[k].join(','), v.toFixed(4)); }
    }
  }
  for (const [key, ds] of [['lexWeight', [-1, -0.5, 0.5, 1, 2]], ['lenWeight', [-0.3, 0.3, 0.6]], ['variance', [-2, 2, 4]], ['smoothing', [-0.5, 1]], ['rarity', [0.5, 1]], ['punctWeight', [-0.15, 0.15]], ['quoteWeight', [-0.5, 0.5]]]) {
    for (const d of ds) {
      const p = { ...best, [key]: best[key] + d };
      if (p[key] < 0 || (p[key] === 0 && key !== 'rarity')) continue;
      const v = f1(p);
      if (v > bestF + 1e-4) { bestF = v; best = p; console.log(key, p[key], v.toFixed(4)); }
    }
  }
}
console.log(JSON.stringify(best), bestF.toFixed(4));
